/** Builders for AdmissionReview requests in tests and benchmarks (no cluster needed). */
import type { K8sObject } from '../../model/types.js';
import { resolve } from '../controls/runner.js';
import type { ResolvedControl } from '../controls/runner.js';
import type { AnyControl } from '../controls/types.js';
import type { AdmissionRequest, Operation, UserInfo } from './types.js';

let counter = 0;

export function pod(name: string, containers: Record<string, unknown>[], extra: { namespace?: string; spec?: Record<string, unknown>; labels?: Record<string, string> } = {}): K8sObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: extra.namespace ?? 'apps', ...(extra.labels ? { labels: extra.labels } : {}) },
    spec: { containers, ...(extra.spec ?? {}) },
  };
}

/** A Restricted-compliant container. */
export function goodContainer(name = 'app'): Record<string, unknown> {
  return {
    name,
    image: 'registry.example.com/app@sha256:' + 'a'.repeat(64),
    securityContext: { allowPrivilegeEscalation: false, runAsNonRoot: true, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' }, readOnlyRootFilesystem: true },
    resources: { requests: { cpu: '10m', memory: '16Mi' }, limits: { cpu: '100m', memory: '64Mi' } },
  };
}

export function namespaceObject(name: string, labels: Record<string, string> = {}): K8sObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
}

const RESOURCES: Record<string, { group: string; version: string; resource: string }> = {
  Pod: { group: '', version: 'v1', resource: 'pods' },
  Namespace: { group: '', version: 'v1', resource: 'namespaces' },
  Deployment: { group: 'apps', version: 'v1', resource: 'deployments' },
  Service: { group: '', version: 'v1', resource: 'services' },
};

export function request(object: K8sObject | null, opts: { operation?: Operation; oldObject?: K8sObject; user?: UserInfo; subResource?: string; dryRun?: boolean; namespace?: string; kind?: string } = {}): AdmissionRequest {
  const kind = opts.kind ?? object?.kind ?? opts.oldObject?.kind ?? 'Pod';
  const gvr = RESOURCES[kind] ?? { group: '', version: 'v1', resource: kind.toLowerCase() + 's' };
  const ns = opts.namespace ?? (kind === 'Namespace' ? (object ?? opts.oldObject)?.metadata?.name : (object ?? opts.oldObject)?.metadata?.namespace);
  const req: AdmissionRequest = {
    uid: `00000000-0000-0000-0000-${String(++counter).padStart(12, '0')}`,
    kind: { group: gvr.group, version: gvr.version, kind },
    resource: gvr,
    operation: opts.operation ?? 'CREATE',
    userInfo: opts.user ?? { username: 'alice', groups: ['developers', 'system:authenticated'] },
    object,
    oldObject: opts.oldObject ?? null,
    dryRun: opts.dryRun ?? false,
  };
  if (ns !== undefined) req.namespace = ns;
  const name = (object ?? opts.oldObject)?.metadata?.name;
  if (name !== undefined) req.name = name;
  if (opts.subResource !== undefined) req.subResource = opts.subResource;
  return req;
}

export function review(req: AdmissionRequest): string {
  return JSON.stringify({ apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', request: req });
}

export function resolved(controls: readonly AnyControl[]): ResolvedControl[] {
  return controls.map(resolve);
}
