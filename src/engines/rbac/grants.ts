/**
 * Questions the escalation analysis asks of a rule set: "may this identity do <verb> on
 * <resource> in which scopes, for which names?" answered with the authorizer's own matchers.
 */
import { apiGroupMatches, resourceMatches, verbMatches } from './rules.js';
import type { PolicyRule, ScopedRule, Via } from './types.js';

export interface Grant {
  /** `*` cluster-wide, else a namespace. */
  namespace: string;
  /** `all` when the rule has no resourceNames; otherwise the listed names. */
  names: 'all' | readonly string[];
  verb: string;
  via: Via;
  rule: PolicyRule;
}

export interface ResourceQuery {
  verbs: readonly string[];
  apiGroup: string;
  resource: string;
  subresource?: string;
}

export function grantsFor(rules: readonly ScopedRule[], q: ResourceQuery): Grant[] {
  const out: Grant[] = [];
  for (const sr of rules) {
    const r = sr.rule;
    if (!apiGroupMatches(r, q.apiGroup) || !resourceMatches(r, q.resource, q.subresource ?? '')) continue;
    for (const verb of q.verbs) {
      if (!verbMatches(r, verb)) continue;
      out.push({ namespace: sr.namespace, names: r.resourceNames.length ? r.resourceNames : 'all', verb, via: sr.via, rule: r });
      break;
    }
  }
  return out;
}

/** Grants usable for requests that carry no object name (create, list, deletecollection). */
export function unnamed(grants: readonly Grant[]): Grant[] {
  return grants.filter((g) => g.names === 'all');
}

/** Grants that reach cluster-scoped objects (only ClusterRoleBindings do). */
export function clusterWide(grants: readonly Grant[]): Grant[] {
  return grants.filter((g) => g.namespace === '*');
}

/** Does some grant apply in `namespace` (directly or cluster-wide) to the object `name`? */
export function grantFor(grants: readonly Grant[], namespace: string, name?: string): Grant | undefined {
  return grants.find((g) => (g.namespace === '*' || g.namespace === namespace) && (g.names === 'all' || (name !== undefined && g.names.includes(name))));
}
