/**
 * Which action a control gets for one request. Precedence, strongest first:
 *   1. `admission.namespaces.<ns>.controls.<id>` (exact),
 *   2. `admission.controls.<id>.action`,
 *   3. the default: controls that judge an object by what else exists in the cluster are `off`
 *      (the webhook sees one object), otherwise by severity (enforceAt / warnAt).
 * Then two ceilings, which can only weaken: `admission.namespaces.<ns>.action` and the
 * namespace label `rampart.dev/enforce` (enforce | warn | audit), for gradual rollouts.
 */
import type { Severity } from '../../model/types.js';
import { severityRank } from '../../model/types.js';
import type { AdmissionConfig } from './config.js';
import type { Action } from './types.js';
import { weakerAction } from './types.js';

export const ENFORCE_LABEL = 'rampart.dev/enforce';
/** Label values accepted; `off` is deliberately not one: turning checks off belongs in config. */
export const LABEL_ACTIONS: readonly Action[] = ['enforce', 'warn', 'audit'];

/**
 * Controls whose verdict depends on other objects (LimitRanges, quotas, policies, pods, bindings).
 * A webhook sees one object at a time, so by default they do not run at admission.
 */
export function isCrossObjectControl(id: string): boolean {
  return id.startsWith('netpol-') || id.startsWith('rbac-escalation') || id === 'namespace-without-limit-range' || id === 'namespace-without-resource-quota';
}

export function defaultAction(id: string, severity: Severity, config: AdmissionConfig): Action {
  if (isCrossObjectControl(id)) return 'off';
  if (severityRank(severity) >= severityRank(config.enforceAt)) return 'enforce';
  if (severityRank(severity) >= severityRank(config.warnAt)) return 'warn';
  return 'audit';
}

export interface LabelOverride {
  ceiling?: Action;
  /** Set when the label has a value Rampart does not accept (reported as a warning). */
  invalid?: string;
}

export function labelOverride(labels: Record<string, string> | undefined, config: AdmissionConfig): LabelOverride {
  if (!config.namespaceLabelOverride || !labels || !Object.hasOwn(labels, ENFORCE_LABEL)) return {};
  const v = labels[ENFORCE_LABEL] as string;
  if ((LABEL_ACTIONS as readonly string[]).includes(v)) return { ceiling: v as Action };
  return { invalid: v };
}

export function actionFor(id: string, baseAction: Action, namespace: string | undefined, config: AdmissionConfig, label: LabelOverride): Action {
  const ns = namespace === undefined ? undefined : config.namespaces[namespace];
  let action = ns?.controls[id] ?? baseAction;
  if (ns?.action) action = weakerAction(action, ns.action);
  if (label.ceiling) action = weakerAction(action, label.ceiling);
  return action;
}
