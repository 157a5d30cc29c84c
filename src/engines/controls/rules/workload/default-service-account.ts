import { defineControl } from '../../types.js';
import { joinPointer } from '../../../../model/pointer.js';
import { serviceAccountOf, WORKLOAD_KINDS } from '../../../../model/workloads.js';
import { isRecord, podAndContainers } from '../templates/pod.js';

export default defineControl({
  meta: {
    id: 'default-service-account',
    title: 'Pod runs as the default service account',
    severity: 'low',
    kinds: WORKLOAD_KINDS,
    frameworks: { cis: ['5.1.5'], nsa: ['pod-security/service-account-tokens', 'authn/rbac'], pss: [], mitre: ['T1078.001'] },
    rationale:
      'Every pod of the namespace shares the `default` service account, so a role bound to it for one workload is granted to all. Not reported when the pod cannot use the identity (no automounted and no projected token).',
    remediation: 'Create a dedicated ServiceAccount per workload and set `serviceAccountName`.',
  },
  check({ object, inventory, report }) {
    const pod = podAndContainers(object);
    if (!pod) return;
    const { view } = pod;
    if (serviceAccountOf(view) !== 'default') return;
    const podSetting = view.spec.automountServiceAccountToken;
    const sa = inventory.get('ServiceAccount', object.metadata?.namespace, 'default')?.object;
    const mounted = typeof podSetting === 'boolean' ? podSetting : sa?.['automountServiceAccountToken'] !== false;
    const projected = (view.spec.volumes ?? []).some(
      (v) => isRecord(v) && isRecord(v['projected']) && Array.isArray(v['projected']['sources']) && v['projected']['sources'].some((s) => isRecord(s) && 'serviceAccountToken' in s),
    );
    if (!mounted && !projected) return;
    const field = typeof view.spec.serviceAccountName === 'string' ? 'serviceAccountName' : typeof view.spec.serviceAccount === 'string' ? 'serviceAccount' : undefined;
    report({
      message: field ? `pod explicitly runs as the "default" service account` : 'pod runs as the "default" service account (no serviceAccountName set)',
      path: field ? joinPointer(view.specPath, field) : view.specPath,
    });
  },
});
