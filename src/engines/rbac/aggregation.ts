/**
 * ClusterRole aggregation as the clusterrole-aggregation controller computes it: an aggregated
 * ClusterRole's rules are REPLACED by the de-duplicated union of the rules of every other
 * ClusterRole selected by any of its selectors (selectors in order, roles by name), repeated
 * until nothing changes (aggregates of aggregates).
 */
import { selectorMatches } from '../../model/inventory.js';
import type { LabelSelector } from '../../model/inventory.js';
import { ruleKey } from './rules.js';
import type { PolicyRule, RbacProblem } from './types.js';

export interface ClusterRoleInput {
  name: string;
  labels: Record<string, string>;
  rules: PolicyRule[];
  /** undefined: not an aggregated role (rules kept as written). */
  selectors?: LabelSelector[];
}

const KNOWN_OPERATORS = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist']);

/** metav1.LabelSelectorAsSelector fails for unknown operators and In/NotIn without values. */
function selectorValid(sel: LabelSelector): boolean {
  return (sel.matchExpressions ?? []).every(
    (e) =>
      KNOWN_OPERATORS.has(e.operator) &&
      ((e.operator === 'In' || e.operator === 'NotIn') ? (e.values?.length ?? 0) > 0 : (e.values?.length ?? 0) === 0),
  );
}

/** Returns the effective rules of every ClusterRole by name. Invalid aggregates keep their rules (the controller errors). */
export function aggregateClusterRoles(roles: readonly ClusterRoleInput[], problems: RbacProblem[] = []): Map<string, PolicyRule[]> {
  const rules = new Map<string, PolicyRule[]>();
  for (const r of roles) rules.set(r.name, r.rules);
  const byName = [...roles].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const aggregates = byName.filter((r) => {
    if (!r.selectors) return false;
    if (r.selectors.every(selectorValid)) return true;
    problems.push({ code: 'invalid-aggregation-selector', object: `ClusterRole/${r.name}`, message: 'aggregationRule has an invalid selector; the aggregation controller leaves its rules unchanged' });
    return false;
  });
  if (aggregates.length === 0) return rules;

  // Each pass syncs every aggregate once, like the controller's queue; a chain of n aggregates
  // settles within n+1 passes, so more than that means the selectors oscillate.
  const maxPasses = aggregates.length + 2;
  for (let pass = 0; pass < maxPasses; pass++) {
    let changed = false;
    for (const agg of aggregates) {
      const next: PolicyRule[] = [];
      const seen = new Set<string>();
      for (const sel of agg.selectors ?? []) {
        for (const candidate of byName) {
          if (candidate.name === agg.name || !selectorMatches(sel, candidate.labels)) continue;
          for (const rule of rules.get(candidate.name) ?? []) {
            const key = ruleKey(rule);
            if (!seen.has(key)) {
              seen.add(key);
              next.push(rule);
            }
          }
        }
      }
      const current = rules.get(agg.name) ?? [];
      if (current.length !== next.length || current.some((r, i) => ruleKey(r) !== ruleKey(next[i] as PolicyRule))) {
        rules.set(agg.name, next);
        changed = true;
      }
    }
    if (!changed) return rules;
  }
  problems.push({ code: 'aggregation-not-converged', object: 'ClusterRole/*', message: `aggregated ClusterRoles did not reach a fixed point after ${maxPasses} passes (cyclic selectors)` });
  return rules;
}
