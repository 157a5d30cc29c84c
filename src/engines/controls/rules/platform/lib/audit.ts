/**
 * Audit Policy semantics (audit.k8s.io/v1): rules are evaluated in order and the FIRST rule that
 * matches a request sets its level; a request no rule matches is not audited (level None).
 * A rule matches when every restriction it states matches: users, userGroups, verbs, namespaces,
 * resources (group + resource names, `*`, `pods/*`, `*​/scale`), resourceNames, nonResourceURLs.
 */
import type { K8sObject } from '../../../../../model/types.js';
import { joinPointer } from '../../../../../model/pointer.js';

export const AUDIT_GROUP = 'audit.k8s.io';
export const LEVELS = ['None', 'Metadata', 'Request', 'RequestResponse'] as const;

export interface AuditRuleView {
  index: number;
  path: string;
  level: string;
  raw: Record<string, unknown>;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

const nonEmpty = (v: unknown): boolean => Array.isArray(v) && v.length > 0;

export function rulesOf(policy: K8sObject): AuditRuleView[] {
  const rules = policy['rules'];
  if (!Array.isArray(rules)) return [];
  return rules.flatMap((r, index) =>
    isRecord(r) ? [{ index, path: joinPointer('/rules', index), level: typeof r['level'] === 'string' ? r['level'] : '', raw: r }] : [],
  );
}

/** The resource (and optional subresource) a synthetic request targets. */
export interface ResourceRequest {
  group: string;
  resource: string;
  subresource?: string;
}

function resourceNameMatches(pattern: string, req: ResourceRequest): boolean {
  const full = req.subresource ? `${req.resource}/${req.subresource}` : req.resource;
  if (pattern === '*' || pattern === full) return true;
  if (pattern.endsWith('/*')) return req.subresource !== undefined && pattern.slice(0, -2) === req.resource;
  if (pattern.startsWith('*/')) return req.subresource !== undefined && pattern.slice(2) === req.subresource;
  return false;
}

/** Does the rule's resource selection cover the request (ignoring user/verb/namespace restrictions)? */
export function coversResource(rule: AuditRuleView, req: ResourceRequest): boolean {
  if (nonEmpty(rule.raw['nonResourceURLs'])) return false;
  const resources = rule.raw['resources'];
  if (!nonEmpty(resources)) return true; // no resource restriction: every request
  return (resources as unknown[]).some((gr) => {
    if (!isRecord(gr)) return false;
    const group = typeof gr['group'] === 'string' ? gr['group'] : '';
    if (group !== req.group && group !== '*') return false;
    const names = gr['resources'];
    if (!nonEmpty(names)) return true; // every resource of the group
    return (names as unknown[]).some((n) => typeof n === 'string' && resourceNameMatches(n, req));
  });
}

/** A rule that matches only some requests for a resource (by user, group, verb, namespace or name). */
export function isConditional(rule: AuditRuleView): boolean {
  const r = rule.raw;
  if (['users', 'userGroups', 'verbs', 'namespaces'].some((k) => nonEmpty(r[k]))) return true;
  const resources = r['resources'];
  return Array.isArray(resources) && resources.some((gr) => isRecord(gr) && nonEmpty(gr['resourceNames']));
}

/** A rule that matches every request (resource and non-resource). */
export function isCatchAll(rule: AuditRuleView): boolean {
  return !isConditional(rule) && !nonEmpty(rule.raw['resources']) && !nonEmpty(rule.raw['nonResourceURLs']);
}

/**
 * Rules that can decide the level of requests to `req`, in order, up to and including the first
 * unconditional one (which shadows everything after it).
 */
export function decidingRules(policy: K8sObject, req: ResourceRequest): { rules: AuditRuleView[]; unconditional?: AuditRuleView } {
  const out: AuditRuleView[] = [];
  for (const rule of rulesOf(policy)) {
    if (!coversResource(rule, req)) continue;
    out.push(rule);
    if (!isConditional(rule)) return { rules: out, unconditional: rule };
  }
  return { rules: out };
}

export const describeRequest = (req: ResourceRequest): string => {
  const name = req.subresource ? `${req.resource}/${req.subresource}` : req.resource;
  return req.group === '' ? name : `${name}.${req.group}`;
};
