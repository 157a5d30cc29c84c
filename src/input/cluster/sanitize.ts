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

/**
 * List items carry no apiVersion/kind; managedFields is server bookkeeping that no control reads.
 * For Secrets without `secretValues`, `data`, `stringData` and the last-applied annotation are
 * removed, so values can never reach a report, a snapshot or a log.
 */
export function sanitizeItem(item: Record<string, unknown>, apiVersion: string, kind: string, options: SanitizeOptions = {}): K8sObject {
  const { apiVersion: _a, kind: _k, metadata, ...rest } = item;
  const meta = { ...((metadata as Record<string, unknown> | undefined) ?? {}) };
  delete meta['managedFields'];
  const isSecret = kind === 'Secret' && apiVersion === 'v1';
  if (isSecret && !options.secretValues) {
    delete rest['data'];
    delete rest['stringData'];
    const annotations = meta['annotations'] as Record<string, string> | undefined;
    if (annotations && LAST_APPLIED in annotations) {
      const { [LAST_APPLIED]: _dropped, ...others } = annotations;
      if (Object.keys(others).length > 0) meta['annotations'] = others;
      else delete meta['annotations'];
    }
  }
  return { apiVersion, kind, metadata: meta, ...rest } as K8sObject;
}
