/**
 * `kubectl get deployment web -n shop -o yaml`: where a finding on a cluster object can be looked
 * at, since such objects have no file and line.
 */
import type { ResourceRef } from '../../model/types.js';

export interface KubectlPointerOptions {
  /** Adds `--context <name>` so the command targets the cluster that was scanned. */
  context?: string;
}

/** Groups whose kinds kubectl resolves unambiguously by their bare lower-case kind. */
const BUILTIN_GROUP = /(^|\.)k8s\.io$|^(apps|batch|policy|autoscaling)$/;

/** POSIX-shell quoting for anything outside the characters Kubernetes names may contain. */
function shellWord(s: string): string {
  return /^[A-Za-z0-9._:@/-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

function resourceArg(ref: ResourceRef): string {
  const slash = ref.apiVersion.indexOf('/');
  const group = slash >= 0 ? ref.apiVersion.slice(0, slash) : '';
  const kind = ref.kind.toLowerCase();
  // CRD kinds may collide across groups (two operators' `Policy`); qualify them.
  return group === '' || BUILTIN_GROUP.test(group) ? kind : `${kind}.${group}`;
}

export function kubectlPointer(ref: ResourceRef, options: KubectlPointerOptions = {}): string {
  const words = ['kubectl', 'get', resourceArg(ref), shellWord(ref.name)];
  if (ref.namespace !== undefined) words.push('-n', shellWord(ref.namespace));
  if (options.context !== undefined) words.push('--context', shellWord(options.context));
  words.push('-o', 'yaml');
  return words.join(' ');
}
