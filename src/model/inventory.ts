import type { K8sObject, Resource } from './types.js';

/** Label selector as in the Kubernetes API (matchLabels ANDed with matchExpressions). */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/**
 * Kubernetes label-selector semantics. An empty selector `{}` selects everything; an unknown
 * operator selects nothing (the API server would have rejected the object).
 */
export function selectorMatches(selector: LabelSelector | undefined | null, labels: Record<string, string>): boolean {
  if (!selector) return true;
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) {
    if (labels[k] !== v) return false;
  }
  for (const expr of selector.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, expr.key);
    const value = labels[expr.key];
    const values = expr.values ?? [];
    switch (expr.operator) {
      case 'In':
        if (!has || !values.includes(value as string)) return false;
        break;
      case 'NotIn':
        if (has && values.includes(value as string)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** All loaded objects, indexed for controls that look across objects. */
export class Inventory {
  readonly resources: readonly Resource[];
  private readonly byKind = new Map<string, Resource[]>();
  private readonly byKey = new Map<string, Resource>();
  private readonly namespaceNames = new Set<string>();

  constructor(resources: readonly Resource[]) {
    this.resources = resources;
    for (const r of resources) {
      const kind = r.object.kind;
      let list = this.byKind.get(kind);
      if (!list) this.byKind.set(kind, (list = []));
      list.push(r);
      const name = r.object.metadata?.name;
      if (typeof name === 'string') {
        this.byKey.set(this.key(kind, r.object.metadata?.namespace, name), r);
        if (kind === 'Namespace') this.namespaceNames.add(name);
      }
      const ns = r.object.metadata?.namespace;
      if (typeof ns === 'string') this.namespaceNames.add(ns);
    }
  }

  private key(kind: string, namespace: string | undefined, name: string): string {
    return `${kind}\u0000${namespace ?? ''}\u0000${name}`;
  }

  ofKind(...kinds: string[]): Resource[] {
    if (kinds.length === 1) return this.byKind.get(kinds[0] as string) ?? [];
    return kinds.flatMap((k) => this.byKind.get(k) ?? []);
  }

  get(kind: string, namespace: string | undefined, name: string): Resource | undefined {
    return this.byKey.get(this.key(kind, namespace, name));
  }

  inNamespace(namespace: string, ...kinds: string[]): Resource[] {
    return this.ofKind(...kinds).filter((r) => r.object.metadata?.namespace === namespace);
  }

  /** Namespaces that exist as objects or are referenced by namespaced objects. */
  namespaces(): string[] {
    return [...this.namespaceNames].sort();
  }

  /** Labels of a namespace, including the immutable `kubernetes.io/metadata.name` the API server sets. */
  namespaceLabels(namespace: string): Record<string, string> {
    const ns = this.get('Namespace', undefined, namespace)?.object;
    return { ...(ns?.metadata?.labels ?? {}), 'kubernetes.io/metadata.name': namespace };
  }

  select(kind: string, namespace: string, selector: LabelSelector | undefined): Resource[] {
    return this.inNamespace(namespace, kind).filter((r) => selectorMatches(selector, r.object.metadata?.labels ?? {}));
  }
}

export function isNamespaced(obj: K8sObject): boolean {
  return typeof obj.metadata?.namespace === 'string';
}
