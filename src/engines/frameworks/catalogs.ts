import type { FrameworkCatalog, FrameworkName } from './types.js';
import { cisCatalog } from './cis.js';
import { mitreCatalog } from './mitre.js';
import { nsaCatalog } from './nsa.js';
import { pssCatalog } from './pss.js';

export const catalogs: Record<FrameworkName, FrameworkCatalog> = {
  nsa: nsaCatalog,
  cis: cisCatalog,
  pss: pssCatalog,
  mitre: mitreCatalog,
};

const idSets = new Map<FrameworkName, ReadonlySet<string>>(
  (Object.keys(catalogs) as FrameworkName[]).map((name) => [name, new Set(catalogs[name].items.map((i) => i.id))]),
);

/** True when `id` is an item of the framework's catalog (exact, case-sensitive). */
export function isKnownId(framework: FrameworkName, id: string): boolean {
  return idSets.get(framework)?.has(id) ?? false;
}
