/**
 * EncryptionConfiguration semantics (apiserver.config.k8s.io): for each resource, the first entry
 * of `resources` that names it applies; within it, the FIRST provider encrypts every write and all
 * providers are tried for reads. So `identity` first means new data is written in plain text, even
 * when real providers follow. Key material is never read beyond the provider names.
 */
import type { K8sObject } from '../../../../../model/types.js';
import { joinPointer } from '../../../../../model/pointer.js';

export const ENCRYPTION_GROUP = 'apiserver.config.k8s.io';
export const PROVIDER_NAMES = ['identity', 'aescbc', 'aesgcm', 'secretbox', 'kms'] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number] | 'unknown';

export interface ProviderView {
  name: ProviderName;
  /** For kms: the declared apiVersion (`v1` when absent, as the API server defaults it). */
  kmsVersion?: string;
  path: string;
}

export interface ResourceEntryView {
  index: number;
  path: string;
  providers: ProviderView[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function providerOf(p: unknown, path: string): ProviderView {
  if (!isRecord(p)) return { name: 'unknown', path };
  const keys = Object.keys(p).filter((k) => p[k] !== undefined && p[k] !== null);
  const name = keys.length === 1 && (PROVIDER_NAMES as readonly string[]).includes(keys[0]!) ? (keys[0] as ProviderName) : 'unknown';
  const view: ProviderView = { name, path };
  if (name === 'kms') {
    const kms = p['kms'];
    view.kmsVersion = isRecord(kms) && typeof kms['apiVersion'] === 'string' ? kms['apiVersion'] : 'v1';
  }
  return view;
}

/** Does a `resources` entry name (`secrets`, `*.`, `*.*`, `deployments.apps`) cover `resource.group`? */
export function coversResource(entryName: string, resource: string, group: string): boolean {
  if (entryName === '*.*') return true;
  const qualified = group === '' ? resource : `${resource}.${group}`;
  if (entryName === qualified) return true;
  if (group === '' && entryName === '*.') return true;
  return group !== '' && entryName === `*.${group}`;
}

/** The entry that applies to `resource.group`: the first that names it. */
export function entryFor(obj: K8sObject, resource: string, group = ''): ResourceEntryView | undefined {
  const list = obj['resources'];
  if (!Array.isArray(list)) return undefined;
  for (let i = 0; i < list.length; i++) {
    const entry: unknown = list[i];
    if (!isRecord(entry) || !Array.isArray(entry['resources'])) continue;
    if (!entry['resources'].some((r) => typeof r === 'string' && coversResource(r, resource, group))) continue;
    const path = joinPointer('/resources', i);
    const providers = Array.isArray(entry['providers']) ? entry['providers'].map((p, j) => providerOf(p, joinPointer(path, 'providers', j))) : [];
    return { index: i, path, providers };
  }
  return undefined;
}
