/**
 * Paginated LIST (`limit` + `continue`), as kubectl does, so a cluster with 50k pods is read in
 * bounded pages. An expired continue token (410 Gone) restarts the list once from the beginning.
 */
import { ApiStatusError } from './errors.js';
import { type ApiTransport, requestJson } from './transport.js';

export const PAGE_SIZE = 500;

/** Metadata only: Secret values never leave the API server. */
export const METADATA_ONLY_ACCEPT = 'application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io,application/json';

export interface ListOptions {
  pageSize?: number;
  accept?: string;
  /** Called after each page with the number of items read so far. */
  onPage?: (itemsSoFar: number) => void;
}

export function listPath(apiVersion: string, resource: string, namespace?: string): string {
  const base = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
  const ns = namespace !== undefined ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${base}${ns}/${resource}`;
}

export async function listAll(t: ApiTransport, path: string, options: ListOptions = {}): Promise<Record<string, unknown>[]> {
  const limit = options.pageSize ?? PAGE_SIZE;
  let restarted = false;
  for (;;) {
    const items: Record<string, unknown>[] = [];
    let token: string | undefined;
    try {
      do {
        const q = new URLSearchParams({ limit: String(limit) });
        if (token) q.set('continue', token);
        const body = (await requestJson(t, `${path}?${q.toString()}`, options.accept ? { accept: options.accept } : {})) as {
          items?: Record<string, unknown>[] | null;
          metadata?: { continue?: string };
        };
        items.push(...(body.items ?? []));
        options.onPage?.(items.length);
        token = body.metadata?.continue || undefined;
      } while (token);
      return items;
    } catch (err) {
      if (err instanceof ApiStatusError && err.status === 410 && !restarted) {
        restarted = true;
        continue;
      }
      throw err;
    }
  }
}
