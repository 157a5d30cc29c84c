import { defineControl } from '../../types.js';
import { joinPointer } from '../../../../model/pointer.js';
import { labelsPointer, SYSTEM_NAMESPACES } from '../templates/namespace.js';

const ENFORCE = 'pod-security.kubernetes.io/enforce';
const LEVELS = ['privileged', 'baseline', 'restricted'];

export default defineControl({
  meta: {
    id: 'namespace-without-pod-security-labels',
    title: 'Namespace without a Pod Security enforce level',
    severity: 'medium',
    kinds: ['Namespace'],
    frameworks: { cis: ['5.2.1'], nsa: ['pod-security/enforcement', 'network/namespaces'], pss: [], mitre: ['T1610', 'T1611'] },
    rationale:
      'Pod Security Admission enforces a namespace\'s level only through the `pod-security.kubernetes.io/enforce` label; without it (or with an invalid value) the cluster default applies, which is `privileged` unless an AdmissionConfiguration says otherwise.',
    remediation: 'Label the namespace `pod-security.kubernetes.io/enforce: restricted` (or `baseline`), after checking workloads with a `warn`/`audit` label first.',
    params: {
      excludedNamespaces: { type: 'string[]', description: 'Namespaces not checked.', default: [...SYSTEM_NAMESPACES] },
    },
  },
  check({ object, params, report }) {
    const ns = object.metadata?.name;
    if (typeof ns !== 'string' || params.excludedNamespaces.includes(ns)) return;
    const labels = object.metadata?.labels ?? {};
    const level = labels[ENFORCE];
    if (level === undefined) {
      report({ message: `namespace "${ns}" has no ${ENFORCE} label`, path: labelsPointer(object) });
      return;
    }
    const path = joinPointer('/metadata/labels', ENFORCE);
    if (!LEVELS.includes(String(level))) {
      report({ message: `namespace "${ns}" has an invalid ${ENFORCE} value ${JSON.stringify(level)}; the cluster default applies`, path });
    } else if (level === 'privileged') {
      report({ message: `namespace "${ns}" enforces the privileged Pod Security level`, path, severity: 'low' });
    }
  },
});
