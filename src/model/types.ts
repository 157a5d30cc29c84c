/** Core object model shared by every engine. Engines never import the CLI or the server. */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  [key: string]: unknown;
}

/** A Kubernetes object as parsed from input (plain JSON data, never executed). */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata?: ObjectMeta;
  [key: string]: unknown;
}

/** RFC 6901 JSON Pointer into an object, e.g. `/spec/containers/0/securityContext/privileged`. */
export type JsonPointer = string;

/** 1-based line and column, end exclusive column as editors and SARIF expect. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Where a resource came from. `file` is the path as given by the user (relative stays relative). */
export interface ResourceSource {
  /** Path as given on the command line; `<stdin>` for stdin; absent for cluster objects. */
  file?: string;
  /** 0-based index of the YAML document within the file. */
  documentIndex: number;
  /** Index inside a `kind: List` document, when the object is a List item. */
  listIndex?: number;
  /** For Helm-rendered objects: the chart template the object came from (`# Source:`). */
  template?: string;
  /**
   * Resolve a JSON Pointer to the exact source range of that value. When the pointer does not
   * exist in the source, resolves the nearest existing ancestor. Lazy: positions are computed
   * only when a finding needs them.
   */
  locate(pointer: JsonPointer): SourceLocation | undefined;
}

export interface Resource {
  object: K8sObject;
  source: ResourceSource;
}

export interface ResourceRef {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

export function resourceRef(obj: K8sObject): ResourceRef {
  const ref: ResourceRef = {
    apiVersion: obj.apiVersion,
    kind: obj.kind,
    name: obj.metadata?.name ?? obj.metadata?.generateName ?? '<unnamed>',
  };
  const ns = obj.metadata?.namespace;
  if (ns !== undefined) ref.namespace = ns;
  return ref;
}

/** `Kind/namespace/name` or `Kind/name` for cluster-scoped objects. */
export function refKey(ref: ResourceRef): string {
  return ref.namespace ? `${ref.kind}/${ref.namespace}/${ref.name}` : `${ref.kind}/${ref.name}`;
}

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export function severityRank(s: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(s); // critical=5 … info=1
}

export function isSeverity(v: unknown): v is Severity {
  return typeof v === 'string' && (SEVERITIES as readonly string[]).includes(v);
}
