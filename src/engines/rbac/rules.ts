/**
 * Rule matching exactly as kube-apiserver's RBAC authorizer does it (RuleAllows and the
 * helpers in pkg/apis/rbac/v1/evaluation_helpers.go), plus rule normalisation for untrusted input.
 */
import type { Attributes, PolicyRule } from './types.js';
import { isNonResource } from './types.js';

export function verbMatches(rule: PolicyRule, verb: string): boolean {
  return rule.verbs.some((v) => v === '*' || v === verb);
}

export function apiGroupMatches(rule: PolicyRule, group: string): boolean {
  return rule.apiGroups.some((g) => g === '*' || g === group);
}

// `*` covers every resource and subresource; `res/sub` matches exactly; `*/sub` matches that
// subresource of any resource. `pods` never covers `pods/exec`, and `pods/*` is a literal, not a
// wildcard: upstream compares strings, so it only matches a subresource literally named `*`.
export function resourceMatches(rule: PolicyRule, resource: string, subresource: string): boolean {
  const combined = subresource ? `${resource}/${subresource}` : resource;
  for (const r of rule.resources) {
    if (r === '*' || r === combined) return true;
    if (subresource && r.length === subresource.length + 2 && r.startsWith('*/') && r.endsWith(subresource)) return true;
  }
  return false;
}

/** An empty resourceNames list matches any name, including none; otherwise the name must be listed. */
export function resourceNameMatches(rule: PolicyRule, name: string): boolean {
  return rule.resourceNames.length === 0 || rule.resourceNames.includes(name);
}

/** `*` matches every path; a trailing `*` is a prefix match; otherwise exact. */
export function nonResourceURLMatches(rule: PolicyRule, url: string): boolean {
  for (const u of rule.nonResourceURLs) {
    if (u === '*' || u === url) return true;
    // Upstream trims every trailing `*` (strings.TrimRight) before the prefix test.
    if (u.endsWith('*') && url.startsWith(u.replace(/\*+$/, ''))) return true;
  }
  return false;
}

export function ruleAllows(attrs: Attributes, rule: PolicyRule): boolean {
  if (isNonResource(attrs)) return verbMatches(rule, attrs.verb) && nonResourceURLMatches(rule, attrs.nonResourceURL);
  return (
    verbMatches(rule, attrs.verb) &&
    apiGroupMatches(rule, attrs.apiGroup) &&
    resourceMatches(rule, attrs.resource, attrs.subresource ?? '') &&
    resourceNameMatches(rule, attrs.name ?? '')
  );
}

export function rulesAllow(attrs: Attributes, rules: readonly PolicyRule[]): boolean {
  return rules.some((r) => ruleAllows(attrs, r));
}

function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** Normalise a rule from input; non-string entries are dropped (the API server would reject them). */
export function normalizeRule(raw: unknown): PolicyRule {
  const r = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  return {
    verbs: stringList(r['verbs']),
    apiGroups: stringList(r['apiGroups']),
    resources: stringList(r['resources']),
    resourceNames: stringList(r['resourceNames']),
    nonResourceURLs: stringList(r['nonResourceURLs']),
  };
}

/** Deep equality of rules as the aggregation controller uses it (order-sensitive lists). */
export function ruleKey(rule: PolicyRule): string {
  return JSON.stringify([rule.verbs, rule.apiGroups, rule.resources, rule.resourceNames, rule.nonResourceURLs]);
}

/** Compact display, in the spirit of upstream's CompactString. */
export function describeRule(rule: PolicyRule): string {
  const parts: string[] = [];
  if (rule.apiGroups.length) parts.push(`apiGroups=[${rule.apiGroups.map((g) => (g === '' ? '""' : g)).join(',')}]`);
  if (rule.resources.length) parts.push(`resources=[${rule.resources.join(',')}]`);
  if (rule.nonResourceURLs.length) parts.push(`nonResourceURLs=[${rule.nonResourceURLs.join(',')}]`);
  if (rule.resourceNames.length) parts.push(`resourceNames=[${rule.resourceNames.join(',')}]`);
  parts.push(`verbs=[${rule.verbs.join(',')}]`);
  return parts.join(' ');
}

/** True for a rule granting every verb on every resource of every group (cluster-admin's shape). */
export function isFullWildcard(rule: PolicyRule): boolean {
  return rule.verbs.includes('*') && rule.apiGroups.includes('*') && rule.resources.includes('*') && rule.resourceNames.length === 0;
}
