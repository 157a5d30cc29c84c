/**
 * Compare the effective permissions of two subjects. Rules are broken into atoms (one verb, group,
 * resource, name or URL) and an atom is "only in A" when B's rules do not cover it, using the
 * API server's escalation-check coverage semantics (component-helpers' Covers): wildcards in the
 * atom must be matched by wildcards, `*`/sub covers that subresource, a cluster-wide rule covers
 * every namespace.
 */
import type { Permissions } from './authorizer.js';
import type { PolicyRule, ScopedRule, Via } from './types.js';

export interface PermissionAtom {
  /** `*` cluster-wide, else the namespace. */
  namespace: string;
  verb: string;
  apiGroup?: string;
  resource?: string;
  resourceName?: string;
  nonResourceURL?: string;
  via: Via;
}

export interface PermissionDiff {
  a: string;
  b: string;
  onlyA: PermissionAtom[];
  onlyB: PermissionAtom[];
}

function atomsOf(sr: ScopedRule): PermissionAtom[] {
  const out: PermissionAtom[] = [];
  const r = sr.rule;
  for (const verb of r.verbs) {
    for (const apiGroup of r.apiGroups)
      for (const resource of r.resources)
        for (const resourceName of r.resourceNames.length ? r.resourceNames : [undefined]) {
          const atom: PermissionAtom = { namespace: sr.namespace, verb, apiGroup, resource, via: sr.via };
          if (resourceName !== undefined) atom.resourceName = resourceName;
          out.push(atom);
        }
    for (const nonResourceURL of r.nonResourceURLs) out.push({ namespace: sr.namespace, verb, nonResourceURL, via: sr.via });
  }
  return out;
}

function resourceCovered(owner: readonly string[], resource: string): boolean {
  if (owner.includes('*') || owner.includes(resource)) return true;
  const slash = resource.indexOf('/');
  return slash >= 0 && owner.includes(`*/${resource.slice(slash + 1)}`);
}

export function ruleCoversAtom(owner: PolicyRule, atom: PermissionAtom): boolean {
  if (!(owner.verbs.includes('*') || owner.verbs.includes(atom.verb))) return false;
  if (atom.nonResourceURL !== undefined) {
    const url = atom.nonResourceURL;
    return owner.nonResourceURLs.some((u) => u === '*' || u === url || (u.endsWith('*') && url.startsWith(u.replace(/\*+$/, ''))));
  }
  if (!(owner.apiGroups.includes('*') || owner.apiGroups.includes(atom.apiGroup ?? ''))) return false;
  if (!resourceCovered(owner.resources, atom.resource ?? '')) return false;
  if (owner.resourceNames.length === 0) return true;
  return atom.resourceName !== undefined && owner.resourceNames.includes(atom.resourceName);
}

function covered(atom: PermissionAtom, owner: Permissions): boolean {
  if (owner.unrestricted) return true;
  return owner.rules.some((sr) => (sr.namespace === '*' || sr.namespace === atom.namespace) && ruleCoversAtom(sr.rule, atom));
}

function uncovered(from: Permissions, other: Permissions): PermissionAtom[] {
  const out: PermissionAtom[] = [];
  const seen = new Set<string>();
  for (const sr of from.rules) {
    for (const atom of atomsOf(sr)) {
      const key = JSON.stringify([atom.namespace, atom.verb, atom.apiGroup, atom.resource, atom.resourceName, atom.nonResourceURL]);
      if (seen.has(key)) continue;
      seen.add(key);
      if (!covered(atom, other)) out.push(atom);
    }
  }
  return out;
}

export function diffPermissions(a: Permissions, b: Permissions): PermissionDiff {
  return { a: a.subject, b: b.subject, onlyA: uncovered(a, b), onlyB: uncovered(b, a) };
}
