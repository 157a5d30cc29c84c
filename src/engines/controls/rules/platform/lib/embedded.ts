/**
 * Component configuration embedded in ConfigMaps, as kubeadm stores it in a cluster
 * (kube-system/kubelet-config key `kubelet`, kube-system/kube-proxy key `config.conf`). Parsed with
 * the input loader (same size, depth and alias limits as any input), once per object.
 */
import type { K8sObject } from '../../../../../model/types.js';
import { joinPointer } from '../../../../../model/pointer.js';
import { loadText } from '../../../../../input/text.js';

export interface EmbeddedConfig {
  config: K8sObject;
  /** The ConfigMap data key holding it. */
  key: string;
  /** Pointer to the data value. */
  path: string;
}

const cache = new WeakMap<K8sObject, readonly EmbeddedConfig[]>();
/** Cheap pre-filter: only values that declare a `kind:` are parsed. */
const DECLARES_KIND = /^\s*kind:\s*["']?([A-Za-z]+Configuration)["']?\s*$/m;

function parseAll(cm: K8sObject): readonly EmbeddedConfig[] {
  const data = cm['data'];
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return [];
  const out: EmbeddedConfig[] = [];
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (typeof value !== 'string' || !DECLARES_KIND.test(value)) continue;
    const { resources } = loadText(value, `configmap-${key}`);
    for (const r of resources) out.push({ config: r.object, key, path: joinPointer('/data', key) });
  }
  return out;
}

/** Configuration documents of `kind` embedded in a ConfigMap's data. */
export function embeddedConfigs(obj: K8sObject, kind: string): EmbeddedConfig[] {
  if (obj.kind !== 'ConfigMap') return [];
  let all = cache.get(obj);
  if (!all) {
    all = parseAll(obj);
    cache.set(obj, all);
  }
  return all.filter((e) => e.config.kind === kind);
}

/** Kinds of the configuration documents a ConfigMap embeds. */
export function embeddedKinds(obj: K8sObject): string[] {
  if (obj.kind !== 'ConfigMap') return [];
  let all = cache.get(obj);
  if (!all) {
    all = parseAll(obj);
    cache.set(obj, all);
  }
  return all.map((e) => e.config.kind);
}
