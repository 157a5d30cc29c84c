/**
 * Turns list items into self-describing manifests, and makes sure no Secret value survives.
 */
import type { K8sObject } from '../../model/types.js';

/** Carries a copy of a Secret's data when it was created with `kubectl apply`. */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

export interface SanitizeOptions {
  /** Keep Secret `data`/`stringData` (and the last-applied annotation). Default false. */
  secretValues?: boolean;
}

export const REDACTED = 'REDACTED';

/**
 * The last-applied annotation of a Secret with every data/stringData value replaced by
 * `REDACTED`: keys stay, so "this annotation holds a copy of the Secret's data" remains visible
 * to the controls, but no value does. Unparseable annotations cannot be redacted safely: undefined.
 */
export function redactLastApplied(value: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const out: Record<string, unknown> = { ...(parsed as Record<string, unknown>) };
  for (const field of ['data', 'stringData']) {
    const d = out[field];
    if (typeof d === 'object' && d !== null && !Array.isArray(d)) out[field] = Object.fromEntries(Object.keys(d).map((k) => [k, REDACTED]));
    else if (d !== undefined) out[field] = REDACTED;
  }
  return JSON.stringify(out);
}

/** A Secret without values: no data/stringData, last-applied annotation redacted (or dropped). */
export function redactSecret(obj: K8sObject): K8sObject {
  const { data: _d, stringData: _s, ...rest } = obj;
  const metadata = { ...(obj.metadata ?? {}) };
  const annotations = metadata.annotations;
  if (annotations && LAST_APPLIED in annotations) {
    const { [LAST_APPLIED]: original, ...others } = annotations;
    const redacted = original === undefined ? undefined : redactLastApplied(original);
    const next = redacted === undefined ? others : { ...others, [LAST_APPLIED]: redacted };
    if (Object.keys(next).length > 0) metadata.annotations = next;
    else delete metadata.annotations;
  }
  return { ...rest, metadata } as K8sObject;
}

export function isCoreSecret(obj: { apiVersion: string; kind: string }): boolean {
  return obj.kind === 'Secret' && obj.apiVersion === 'v1';
}

/**
 * List items carry no apiVersion/kind; managedFields is server bookkeeping that no control reads.
 * For Secrets without `secretValues`, values are removed (see redactSecret), so they can never
 * reach a report, a snapshot or a log.
 */
export function sanitizeItem(item: Record<string, unknown>, apiVersion: string, kind: string, options: SanitizeOptions = {}): K8sObject {
  const { apiVersion: _a, kind: _k, metadata, ...rest } = item;
  const meta = { ...((metadata as Record<string, unknown> | undefined) ?? {}) };
  delete meta['managedFields'];
  const obj = { apiVersion, kind, metadata: meta, ...rest } as K8sObject;
  return isCoreSecret(obj) && !options.secretValues ? redactSecret(obj) : obj;
}
