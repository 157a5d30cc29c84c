/**
 * Pod Security as scan controls:
 *  - `pod-security-standard`: every workload's pod (template) at a configured level/version, one
 *    finding per failing check, in PSA's words;
 *  - `pod-security-namespace`: workloads in a Namespace that carries `pod-security.kubernetes.io/*`
 *    labels, evaluated at exactly those levels (enforce → rejected, warn → warning, audit →
 *    audit annotation); invalid labels are findings with upstream's fallbacks.
 */
import { escapeToken } from '../../model/pointer.js';
import type { JsonPointer, K8sObject, Severity } from '../../model/types.js';
import { WORKLOAD_KINDS, podTemplateOf } from '../../model/workloads.js';
import type { AnyControl, Report } from '../controls/types.js';
import { defineControl } from '../controls/types.js';
import type { ResourceEvaluation } from './evaluate.js';
import { evaluateResource } from './evaluate.js';
import { fixFor } from './fixes.js';
import { formatLevelVersion, parseLevel, parseVersion } from './levels.js';
import type { Mode } from './namespace.js';
import { hasPodSecurityLabels, MODES, policyFromLabels } from './namespace.js';
import { levelOfCheck } from './registry.js';
import { CHECK_IDS } from './types.js';

/** The container a pointer lies in (name as written, or `containers[0]`-style when unnamed). */
function containerAt(obj: K8sObject, specPath: JsonPointer, path: JsonPointer): string | undefined {
  const prefix = `${specPath}/`;
  if (!path.startsWith(prefix)) return undefined;
  const match = /^(initContainers|containers|ephemeralContainers)\/(\d+)(?:\/|$)/.exec(path.slice(prefix.length));
  if (!match) return undefined;
  const list = podTemplateOf(obj)?.spec[match[1] as 'containers'];
  const c = Array.isArray(list) ? list[Number(match[2])] : undefined;
  const name = c && typeof c === 'object' ? (c as { name?: unknown }).name : undefined;
  return typeof name === 'string' ? name : `${match[1]}[${match[2]}]`;
}

function withContainer(report: Report, obj: K8sObject, evaluation: ResourceEvaluation): Report {
  const container = containerAt(obj, evaluation.specPath, report.path);
  return container === undefined ? report : { ...report, container };
}

/** One mapping object per check, so the runner shares it across findings (it never mutates it). */
const pssRefs = new Map<string, { pss: string[] }>();
function pssRefOf(check: string): { pss: string[] } {
  let ref = pssRefs.get(check);
  if (!ref) pssRefs.set(check, (ref = { pss: [check] }));
  return ref;
}

export const podSecurityStandard = defineControl({
  meta: {
    id: 'pod-security-standard',
    title: 'Pod Security Standard (as Pod Security Admission enforces it)',
    severity: 'high',
    kinds: WORKLOAD_KINDS,
    frameworks: { pss: [...CHECK_IDS], nsa: ['pod-security/enforcement'] },
    rationale:
      'Pod Security Admission is how a cluster enforces least privilege for pods. Evaluating with its exact checks and versions means a finding here is exactly a pod the API server would reject in a namespace enforcing this level.',
    remediation:
      'Change the pod spec as each message says (e.g. set allowPrivilegeEscalation: false, drop ALL capabilities, runAsNonRoot: true, seccompProfile RuntimeDefault), or run the workload in a namespace whose Pod Security level allows it.',
    params: {
      level: { type: 'string', description: 'Pod Security level: privileged, baseline or restricted', default: 'restricted' },
      version: { type: 'string', description: 'Policy version: latest or v1.N', default: 'latest' },
    },
  },
  check({ object, params, report }) {
    const lv = { level: parseLevel(params.level), version: parseVersion(params.version) };
    const evaluation = evaluateResource(object, lv);
    if (!evaluation || evaluation.allowed) return;
    const policy = formatLevelVersion(lv);
    for (const v of evaluation.violations) {
      const severity: Severity = levelOfCheck(v.check) === 'baseline' ? 'high' : 'medium';
      const finding: Report = {
        message: `violates PodSecurity "${policy}": ${v.detail === '' ? v.reason : `${v.reason} (${v.detail})`}`,
        path: v.paths[0] ?? evaluation.specPath,
        severity,
        frameworks: pssRefOf(v.check),
      };
      const fix = fixFor(v.check, object);
      if (fix) finding.fix = fix;
      report(withContainer(finding, object, evaluation));
    }
  },
});

const MODE_SEVERITY: Record<Mode, Severity> = { enforce: 'high', warn: 'medium', audit: 'low' };

function modePhrase(mode: Mode, namespace: string, isPod: boolean): string {
  switch (mode) {
    case 'enforce':
      return `${isPod ? 'rejected' : 'its pods rejected'} by namespace "${namespace}" (enforce)`;
    case 'warn':
      return `warning from namespace "${namespace}" (warn)`;
    case 'audit':
      return `audit annotation in namespace "${namespace}" (audit)`;
  }
}

export const podSecurityNamespace = defineControl({
  meta: {
    id: 'pod-security-namespace',
    title: 'Workload violates its namespace Pod Security labels',
    severity: 'high',
    kinds: [...WORKLOAD_KINDS, 'Namespace'],
    frameworks: { pss: [...CHECK_IDS], nsa: ['pod-security/enforcement'] },
    rationale:
      'A namespace labelled pod-security.kubernetes.io/enforce rejects pods that violate its level; warn and audit report them. Finding this before deploying avoids pods that never start, and invalid labels make the API server reject the Namespace.',
    remediation:
      'Fix the pod spec as the message says, or change the namespace labels deliberately (see `rampart pss recommend`). Use a valid level (privileged, baseline, restricted) and version (latest or v1.N).',
  },
  check({ object, inventory, report }) {
    if (object.kind === 'Namespace') {
      const { errors } = policyFromLabels(object.metadata?.labels ?? {});
      for (const e of errors) {
        report({
          message: `invalid Pod Security label: ${e.message} (the API server rejects this Namespace on create or update; where the label already exists, PSA uses "${e.fallback}" for ${e.mode})`,
          path: `/metadata/labels/${escapeToken(e.label)}`,
          severity: 'medium',
          frameworks: { pss: [] },
        });
      }
      return;
    }
    const namespace = object.metadata?.namespace;
    if (typeof namespace !== 'string') return;
    const labels = inventory.get('Namespace', undefined, namespace)?.object.metadata?.labels ?? {};
    if (!hasPodSecurityLabels(labels)) return;
    const { policy } = policyFromLabels(labels);
    const isPod = object.kind === 'Pod';
    let rejected = false;
    for (const mode of MODES) {
      const lv = policy[mode];
      if (lv.level === 'privileged') continue;
      // PSA adds no warning to a Pod request it already rejects.
      if (mode === 'warn' && rejected) continue;
      const evaluation = evaluateResource(object, lv);
      if (!evaluation || evaluation.allowed) continue;
      if (mode === 'enforce' && isPod) rejected = true;
      report(
        withContainer(
          {
            message: `${modePhrase(mode, namespace, isPod)}: would violate PodSecurity "${formatLevelVersion(lv)}": ${evaluation.message}`,
            path: evaluation.violations[0]?.paths[0] ?? evaluation.specPath,
            severity: MODE_SEVERITY[mode],
            frameworks: { pss: evaluation.violations.map((v) => v.check) },
          },
          object,
          evaluation,
        ),
      );
    }
  },
});

export const pssControls: AnyControl[] = [podSecurityStandard, podSecurityNamespace];
