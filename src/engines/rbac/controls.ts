/**
 * Scan integration: the multi-hop RBAC analysis as a control. Single-object RBAC checks
 * (cluster-admin bindings, wildcards, secrets access, ...) live with the other controls; this one
 * reports chains: a binding that lets a subject reach a critical impact in two or more steps.
 */
import type { Inventory } from '../../model/inventory.js';
import type { FrameworkRefs } from '../../model/finding.js';
import { defineControl } from '../controls/types.js';
import type { AnyControl } from '../controls/types.js';
import { authorizerFromModel, bindingSubjectString } from './authorizer.js';
import { analyzeEscalations } from './escalation.js';
import type { EscalationPath, Impact } from './escalation.js';
import { buildModel } from './model.js';

/** Impacts worth a scan finding, most severe first (cluster-admin implies the others). */
const REPORTED: readonly Impact[] = ['cluster-admin', 'node', 'admission'];

const IMPACT_FRAMEWORKS: Readonly<Record<string, Partial<FrameworkRefs>>> = {
  'cluster-admin': { cis: ['5.1.1', '5.1.8'], mitre: ['T1078', 'T1098.006'], nsa: ['authn/rbac'] },
  node: { cis: ['5.1.4', '5.1.10'], mitre: ['T1078', 'T1611'], nsa: ['authn/rbac'] },
  admission: { cis: ['5.1.12'], mitre: ['T1078'], nsa: ['authn/rbac'] },
};

interface BindingFinding {
  path: EscalationPath;
  /** Index in the binding's `subjects` of the subject the path starts from. */
  subjectIndex: number;
}

/** Computed once per inventory: `check` runs per resource. */
const cache = new WeakMap<Inventory, Map<string, BindingFinding[]>>();

function bindingKey(kind: string, namespace: string | undefined, name: string): string {
  return kind === 'ClusterRoleBinding' ? `ClusterRoleBinding/${name}` : `RoleBinding/${namespace ?? ''}/${name}`;
}

function analyse(inventory: Inventory): Map<string, BindingFinding[]> {
  const cached = cache.get(inventory);
  if (cached) return cached;
  const model = buildModel(inventory.resources.map((r) => r.object));
  const authz = authorizerFromModel(model);
  const { paths } = analyzeEscalations(authz);
  const byId = new Map(model.bindings.map((b) => [b.id, b]));
  const best = new Map<string, BindingFinding>(); // binding + from -> worst path
  for (const p of paths) {
    if (p.steps.length < 2 || !REPORTED.includes(p.impact)) continue;
    const first = p.steps[0];
    const binding = first ? byId.get(first.grantedBy.binding) : undefined;
    // Findings sit on input objects; a path opened by a bootstrap binding is the platform's own.
    if (!binding || binding.source !== 'input') continue;
    // Only where the binding names the subject itself: members of a bound group are reported once, on the group.
    const subjectIndex = binding.subjects.findIndex((s) => bindingSubjectString(binding, s) === p.from);
    if (subjectIndex < 0) continue;
    const key = `${binding.id}\u0000${p.from}`;
    const prev = best.get(key);
    if (!prev || REPORTED.indexOf(p.impact) < REPORTED.indexOf(prev.path.impact)) best.set(key, { path: p, subjectIndex });
  }
  const out = new Map<string, BindingFinding[]>();
  for (const [key, f] of best) {
    const id = key.slice(0, key.indexOf('\u0000'));
    const list = out.get(id);
    if (list) list.push(f);
    else out.set(id, [f]);
  }
  cache.set(inventory, out);
  return out;
}

/** `ServiceAccount:ci:deployer` -> `ServiceAccount ci/deployer`; `User:alice` -> `User alice`. */
function describeSubject(subject: string): string {
  const colon = subject.indexOf(':');
  const kind = subject.slice(0, colon);
  const rest = subject.slice(colon + 1);
  return kind === 'ServiceAccount' ? `${kind} ${rest.replace(':', '/')}` : `${kind} ${rest}`;
}

export const rbacEscalationPath = defineControl({
  meta: {
    id: 'rbac-escalation-path',
    title: 'RBAC grants open a multi-step path to cluster-admin, the node or admission control',
    severity: 'critical',
    kinds: ['RoleBinding', 'ClusterRoleBinding'],
    frameworks: { cis: ['5.1.1', '5.1.4', '5.1.8', '5.1.10', '5.1.12'], mitre: ['T1078', 'T1098.006', 'T1611'], nsa: ['authn/rbac'] },
    rationale:
      'Attackers chain individually modest grants (create pods in a namespace, read a token, bind a role) into full control. Each step here is allowed exactly as the API server would allow it.',
    remediation:
      'Remove the subject from the binding that opens the path, or narrow the role (namespace, verbs, resourceNames). Run `rampart rbac escalations --from <subject>` for every step.',
  },
  check(ctx) {
    const obj = ctx.object;
    const name = obj.metadata?.name;
    if (typeof name !== 'string') return;
    const findings = analyse(ctx.inventory).get(bindingKey(obj.kind, obj.metadata?.namespace, name)) ?? [];
    for (const { path, subjectIndex } of findings) {
      const hops = path.steps
        .map((s) => {
          const p = s.permission;
          const what = p.verb === '*' && p.resource === '*' ? 'all permissions' : `${p.verb} ${p.resource}${p.name ? ` (${p.name})` : ''}`;
          return `${what}${p.namespace ? ` in ${p.namespace}` : ''} -> ${s.becomes}`;
        })
        .join('; ');
      ctx.report({
        message: `${describeSubject(path.from)} can become ${path.impact} in ${path.steps.length} steps: ${hops}`,
        path: `/subjects/${subjectIndex}`,
        severity: path.severity,
        frameworks: IMPACT_FRAMEWORKS[path.impact] ?? {},
      });
    }
  },
});

export const rbacControls: AnyControl[] = [rbacEscalationPath as unknown as AnyControl];
