import { defineControl } from '../../types.js';
import { getAtPointer, joinPointer } from '../../../../model/pointer.js';
import { serviceAccountOf, WORKLOAD_KINDS } from '../../../../model/workloads.js';
import { isRecord, podAndContainers } from '../templates/pod.js';

export default defineControl({
  meta: {
    id: 'automount-service-account-token',
    title: 'Service account token automounted by default',
    severity: 'medium',
    kinds: WORKLOAD_KINDS,
    frameworks: { cis: ['5.1.6'], nsa: ['pod-security/service-account-tokens'], pss: [], mitre: ['T1528', 'T1552.007'] },
    rationale:
      'An automounted token lets anyone who compromises the container call the API server as the pod\'s service account. The pod\'s `automountServiceAccountToken` wins over the ServiceAccount\'s; when neither sets it, the token is mounted. An explicit `true` on the pod is taken as a declared need and not reported.',
    remediation: 'Set `automountServiceAccountToken: false` in the pod spec (or on the ServiceAccount), and mount a projected token only where the workload calls the API.',
  },
  check({ object, inventory, report }) {
    const pod = podAndContainers(object);
    if (!pod) return;
    const { view } = pod;
    // The pod's own setting decides; an explicit true is a declared need, so either way: done.
    if (typeof view.spec.automountServiceAccountToken === 'boolean') return;
    const saName = serviceAccountOf(view);
    const sa = inventory.get('ServiceAccount', object.metadata?.namespace, saName)?.object;
    const saSetting = sa?.['automountServiceAccountToken'];
    if (saSetting === false) return;
    const specExists = isRecord(getAtPointer(object, view.specPath));
    report({
      message:
        saSetting === true
          ? `pod automounts the token of service account "${saName}" (the ServiceAccount sets automountServiceAccountToken: true and the pod does not opt out)`
          : `pod automounts the token of service account "${saName}" (automountServiceAccountToken is not false)`,
      path: view.specPath,
      ...(specExists ? { fix: [{ op: 'add' as const, path: joinPointer(view.specPath, 'automountServiceAccountToken'), value: false }] } : {}),
    });
  },
});
