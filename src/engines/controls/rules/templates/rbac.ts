/**
 * Single-object RBAC helpers with the authorizer's matching semantics (RBAC `RuleAllows`):
 * `*` verbs and apiGroups; resources `*` (covering subresources), exact `res/sub`, and `*\/sub`;
 * `pods` does not cover `pods/exec`, and `pods/*` is not a wildcard. A rule with resourceNames
 * never allows `create` or `deletecollection` (the request has no name) and otherwise allows
 * only the named objects.
 */
import { defineControl } from '../../types.js';
import type { AnyControl } from '../../types.js';
import type { FrameworkRefs } from '../../../../model/finding.js';
import type { K8sObject, Severity } from '../../../../model/types.js';
import { SEVERITIES } from '../../../../model/types.js';
import { joinPointer } from '../../../../model/pointer.js';
import { isRecord, list } from './pod.js';

export interface PolicyRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** The rules of a Role/ClusterRole with their indexes; malformed entries are skipped. */
export function rulesOf(role: K8sObject): { rule: PolicyRule; index: number }[] {
  const rules = role['rules'];
  if (!Array.isArray(rules)) return [];
  const out: { rule: PolicyRule; index: number }[] = [];
  rules.forEach((r, index) => {
    if (!isRecord(r)) return;
    out.push({
      index,
      rule: {
        apiGroups: strings(r['apiGroups']),
        resources: strings(r['resources']),
        verbs: strings(r['verbs']),
        resourceNames: strings(r['resourceNames']),
        nonResourceURLs: strings(r['nonResourceURLs']),
      },
    });
  });
  return out;
}

export function verbMatches(rule: PolicyRule, verb: string): boolean {
  return rule.verbs.includes('*') || rule.verbs.includes(verb);
}

export function apiGroupMatches(rule: PolicyRule, group: string): boolean {
  return rule.apiGroups.includes('*') || rule.apiGroups.includes(group);
}

/** `resource` may carry a subresource (`pods/exec`). */
export function resourceMatches(rule: PolicyRule, resource: string): boolean {
  const slash = resource.indexOf('/');
  const sub = slash >= 0 ? resource.slice(slash + 1) : '';
  return rule.resources.some((r) => r === '*' || r === resource || (sub !== '' && r === `*/${sub}`));
}

/** Would the rule allow this request (for some object name, when names are restricted)? */
export function ruleAllows(rule: PolicyRule, verb: string, apiGroup: string, resource: string): boolean {
  if (!verbMatches(rule, verb) || !apiGroupMatches(rule, apiGroup) || !resourceMatches(rule, resource)) return false;
  if (rule.resourceNames.length > 0 && (verb === 'create' || verb === 'deletecollection')) return false;
  return true;
}

/** The RBAC default objects the API server creates (and reconciles); reported only on request. */
export function isBootstrapObject(obj: K8sObject): boolean {
  return obj.metadata?.labels?.['kubernetes.io/bootstrapping'] === 'rbac-defaults';
}

/** One severity step down (a Role's reach is one namespace). */
export function lower(severity: Severity, steps = 1): Severity {
  const i = Math.min(SEVERITIES.indexOf(severity) + steps, SEVERITIES.length - 1);
  return SEVERITIES[i] as Severity;
}

export interface GrantTarget {
  apiGroup: string;
  /** Resource, possibly with a subresource (`nodes/proxy`). */
  resource: string;
  /** Verbs of concern; `['*any*']` means any verb at all. */
  verbs: readonly string[];
}

export const ANY_VERB = '*any*';

export interface GrantControlSpec {
  id: string;
  title: string;
  severity: Severity;
  frameworks: Partial<FrameworkRefs>;
  rationale: string;
  remediation: string;
  targets: readonly GrantTarget[];
}

function display(t: GrantTarget): string {
  return t.apiGroup === '' ? t.resource : `${t.resource}.${t.apiGroup}`;
}

/**
 * A control reporting every rule of a Role/ClusterRole that grants any of the targets: one
 * finding per rule, naming the verbs and resources granted. A Role is one severity lower than a
 * ClusterRole; a grant limited to resourceNames is `low`. Aggregated ClusterRoles are skipped
 * (their rules are copies of the roles they aggregate, which are reported themselves).
 */
export function grantControl(spec: GrantControlSpec): AnyControl {
  return defineControl({
    meta: {
      id: spec.id,
      title: spec.title,
      severity: spec.severity,
      kinds: ['Role', 'ClusterRole'],
      frameworks: spec.frameworks,
      rationale: spec.rationale,
      remediation: spec.remediation,
      params: {
        includeBootstrap: { type: 'boolean', description: 'Also report the RBAC default roles (label kubernetes.io/bootstrapping=rbac-defaults).', default: false },
      },
    },
    check({ object, params, report }) {
      if (!params.includeBootstrap && isBootstrapObject(object)) return;
      if (object.kind === 'ClusterRole' && isRecord(object['aggregationRule'])) return;
      for (const { rule, index } of rulesOf(object)) {
        const granted: string[] = [];
        const verbs = new Set<string>();
        for (const t of spec.targets) {
          const candidates = t.verbs.includes(ANY_VERB) ? (rule.verbs.includes('*') ? ['*'] : rule.verbs) : t.verbs;
          const matched = candidates.filter((v) => ruleAllows(rule, v, t.apiGroup, t.resource));
          if (matched.length === 0) continue;
          granted.push(display(t));
          for (const v of matched) verbs.add(rule.verbs.includes('*') ? '*' : v);
        }
        if (granted.length === 0) continue;
        const named = rule.resourceNames.length > 0;
        const severity = named ? 'low' : object.kind === 'Role' ? lower(spec.severity) : spec.severity;
        const verbText = verbs.has('*') ? 'every verb (*)' : list([...verbs]);
        report({
          message: `${object.kind} "${object.metadata?.name ?? ''}" grants ${verbText} on ${list(granted)}${named ? ` (only ${list(rule.resourceNames.map((n) => `"${n}"`))})` : ''}`,
          path: joinPointer('/rules', index),
          severity,
        });
      }
    },
  });
}

export interface Subject {
  kind: string;
  name: string;
  /** For ServiceAccounts: the subject's namespace, defaulting to the binding's. */
  namespace: string | undefined;
  index: number;
}

export function subjectsOf(binding: K8sObject): Subject[] {
  const subjects = binding['subjects'];
  if (!Array.isArray(subjects)) return [];
  const out: Subject[] = [];
  subjects.forEach((s, index) => {
    if (!isRecord(s) || typeof s['kind'] !== 'string' || typeof s['name'] !== 'string') return;
    const ns = typeof s['namespace'] === 'string' && s['namespace'] !== '' ? s['namespace'] : binding.metadata?.namespace;
    out.push({ kind: s['kind'], name: s['name'], namespace: ns, index });
  });
  return out;
}

export function roleRefOf(binding: K8sObject): { kind: string; name: string } | undefined {
  const ref = binding['roleRef'];
  if (!isRecord(ref) || typeof ref['kind'] !== 'string' || typeof ref['name'] !== 'string') return undefined;
  return { kind: ref['kind'], name: ref['name'] };
}

/** `User:alice`, `Group:devs`, `ServiceAccount:ns:name` (the subject notation used across Rampart). */
export function subjectText(s: Subject): string {
  return s.kind === 'ServiceAccount' ? `ServiceAccount:${s.namespace ?? '?'}:${s.name}` : `${s.kind}:${s.name}`;
}
