import type { JsonPointer, ResourceRef, Severity, SourceLocation } from './types.js';

/** Framework identifiers a finding maps to. Every list is present (possibly empty) in reports. */
export interface FrameworkRefs {
  cis: string[];
  nsa: string[];
  pss: string[];
  mitre: string[];
}

export type FrameworkName = keyof FrameworkRefs;
export const FRAMEWORK_NAMES: readonly FrameworkName[] = ['nsa', 'cis', 'pss', 'mitre'];

/** RFC 6902 operation; only the ones fixes use. */
export type JsonPatchOp =
  | { op: 'add' | 'replace' | 'test'; path: JsonPointer; value: unknown }
  | { op: 'remove'; path: JsonPointer };

export interface Suppression {
  kind: 'annotation' | 'exception' | 'baseline';
  reason: string;
  /** For exceptions: the exceptions file and entry index. */
  source?: string;
}

export interface Finding {
  control: string;
  severity: Severity;
  message: string;
  resource: ResourceRef;
  container?: string;
  path: JsonPointer;
  location?: SourceLocation;
  /** For Helm-rendered input: the chart template the object came from. */
  template?: string;
  /** For cluster objects (no file): a kubectl command that shows the object. */
  kubectl?: string;
  frameworks: FrameworkRefs;
  remediation: string;
  /** Stable across runs and line moves: derived from control, resource identity and path only. */
  fingerprint: string;
  fix?: JsonPatchOp[];
  suppressed?: Suppression;
}

/** An input problem: always reported, never stops the rest of the work. */
export interface InputError {
  file: string;
  line: number;
  column: number;
  message: string;
  code: InputErrorCode;
}

export type InputErrorCode =
  | 'yaml-syntax'
  | 'json-syntax'
  | 'alias-limit'
  | 'depth-limit'
  | 'size-limit'
  | 'not-found'
  | 'unreadable'
  | 'helm-missing'
  | 'helm-failed'
  | 'kustomize-missing'
  | 'kustomize-failed'
  | 'config'
  | 'cluster';
