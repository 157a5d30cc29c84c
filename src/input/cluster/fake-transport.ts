/**
 * An in-memory API server for unit tests of cluster reading (and of commands built on it):
 * serves discovery and paginated LISTs of the objects it holds, and answers 403 where told.
 * The real API server is exercised by test/integration.
 */
import type { K8sObject } from '../../model/types.js';
import type { ApiRequest, ApiResponse, ApiTransport } from './transport.js';

export interface FakeResource {
  groupVersion: string;
  resource: string;
  kind: string;
  namespaced: boolean;
}

export interface FakeClusterSpec {
  resources: FakeResource[];
  /** Preferred version per group ('' = core), default the first listed. */
  preferred?: Record<string, string>;
  objects: K8sObject[];
  /** Returns true when the request path must be answered 403. */
  forbid?: (path: string) => boolean;
}

export class FakeTransport implements ApiTransport {
  readonly server = 'https://fake.invalid';
  readonly requests: { path: string; accept?: string }[] = [];
  private readonly byGv = new Map<string, FakeResource[]>();
  /** `gv|kind` and `gv|kind|namespace` -> objects, so a page costs O(page), not O(cluster). */
  private readonly index = new Map<string, K8sObject[]>();

  constructor(private readonly spec: FakeClusterSpec) {
    for (const r of spec.resources) this.byGv.set(r.groupVersion, [...(this.byGv.get(r.groupVersion) ?? []), r]);
    const add = (key: string, o: K8sObject): void => {
      let list = this.index.get(key);
      if (!list) this.index.set(key, (list = []));
      list.push(o);
    };
    for (const o of spec.objects) {
      add(`${o.apiVersion}|${o.kind}`, o);
      if (o.metadata?.namespace !== undefined) add(`${o.apiVersion}|${o.kind}|${o.metadata.namespace}`, o);
    }
  }

  async request(rawPath: string, req: ApiRequest = {}): Promise<ApiResponse> {
    this.requests.push({ path: rawPath, ...(req.accept !== undefined ? { accept: req.accept } : {}) });
    const url = new URL(rawPath, this.server);
    const path = url.pathname;
    if (this.spec.forbid?.(path)) return { status: 403, body: { kind: 'Status', reason: 'Forbidden', message: `forbidden: ${path}` } };
    const byGv = this.byGv;
    if (path === '/api') return { status: 200, body: { versions: [...byGv.keys()].filter((g) => !g.includes('/')) } };
    if (path === '/apis') {
      const groups = new Map<string, string[]>();
      for (const gv of byGv.keys()) {
        if (!gv.includes('/')) continue;
        const g = gv.split('/')[0] as string;
        groups.set(g, [...(groups.get(g) ?? []), gv]);
      }
      return {
        status: 200,
        body: {
          groups: [...groups].map(([name, gvs]) => ({
            name,
            versions: gvs.map((groupVersion) => ({ groupVersion })),
            preferredVersion: { groupVersion: this.spec.preferred?.[name] ?? gvs[0] },
          })),
        },
      };
    }
    const gvMatch = /^\/(?:api\/([^/]+)|apis\/([^/]+\/[^/]+))(\/.*)?$/.exec(path);
    if (!gvMatch) return notFound(path);
    const gv = (gvMatch[1] ?? gvMatch[2]) as string;
    const rest = gvMatch[3];
    const resources = byGv.get(gv);
    if (!resources) return notFound(path);
    if (!rest) return { status: 200, body: { groupVersion: gv, resources: resources.map((r) => ({ name: r.resource, kind: r.kind, namespaced: r.namespaced, verbs: ['list', 'get'] })) } };
    const m = /^(?:\/namespaces\/([^/]+))?\/([^/]+)(?:\/([^/]+))?$/.exec(rest);
    if (!m) return notFound(path);
    const ns = m[1] !== undefined ? decodeURIComponent(m[1]) : undefined;
    const res = resources.find((r) => r.resource === m[2]);
    if (!res) return notFound(path);
    const matching = this.index.get(ns === undefined ? `${gv}|${res.kind}` : `${gv}|${res.kind}|${ns}`) ?? [];
    if (m[3] !== undefined) {
      const name = decodeURIComponent(m[3]);
      const one = matching.find((o) => o.metadata?.name === name);
      return one ? { status: 200, body: structuredClone(one) } : notFound(path);
    }
    const limit = Number(url.searchParams.get('limit') ?? '0') || matching.length;
    const start = Number(url.searchParams.get('continue') ?? '0');
    const page = matching.slice(start, start + limit).map((o) => {
      const { apiVersion: _a, kind: _k, ...item } = structuredClone(o);
      return item;
    });
    const next = start + limit < matching.length ? String(start + limit) : undefined;
    return { status: 200, body: { apiVersion: gv, kind: `${res.kind}List`, metadata: next ? { continue: next } : {}, items: page } };
  }
}

function notFound(path: string): ApiResponse {
  return { status: 404, body: { kind: 'Status', reason: 'NotFound', message: `not found: ${path}` } };
}
