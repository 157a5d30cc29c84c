import { defineControl } from '../../types.js';
import { isRecord } from '../templates/pod.js';
import { SYSTEM_NAMESPACES } from '../templates/namespace.js';

export default defineControl({
  meta: {
    id: 'namespace-without-limit-range',
    title: 'Namespace without a LimitRange',
    severity: 'low',
    kinds: ['Namespace'],
    frameworks: { cis: [], nsa: ['network/resource-policies'], pss: [], mitre: ['T1496', 'T1499'] },
    rationale: 'A LimitRange gives containers default requests and limits and caps what a single pod may claim; without one, containers that omit resources are unbounded. Judged from the loaded objects: scan the namespace\'s manifests together with it (or a cluster).',
    remediation: 'Create a LimitRange of type Container with `default`, `defaultRequest` and `max`.',
    params: {
      excludedNamespaces: { type: 'string[]', description: 'Namespaces not checked.', default: [...SYSTEM_NAMESPACES] },
    },
  },
  check({ object, inventory, params, report }) {
    const ns = object.metadata?.name;
    if (typeof ns !== 'string' || params.excludedNamespaces.includes(ns)) return;
    // An object with an empty `spec.limits` constrains nothing, so it does not count.
    const effective = inventory.inNamespace(ns, 'LimitRange').some((r) => {
      const spec = r.object['spec'];
      const v = isRecord(spec) ? spec['limits'] : undefined;
      return Array.isArray(v) ? v.length > 0 : isRecord(v) && Object.keys(v).length > 0;
    });
    if (effective) return;
    report({ message: `namespace "${ns}" has no LimitRange`, path: '/metadata/name' });
  },
});
