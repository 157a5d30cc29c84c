import { defineControl } from '../../types.js';
import { isRecord } from '../templates/pod.js';
import { SYSTEM_NAMESPACES } from '../templates/namespace.js';

export default defineControl({
  meta: {
    id: 'namespace-without-resource-quota',
    title: 'Namespace without a ResourceQuota',
    severity: 'low',
    kinds: ['Namespace'],
    frameworks: { cis: [], nsa: ['network/resource-policies'], pss: [], mitre: ['T1496', 'T1499'] },
    rationale: 'Without a quota, one namespace can consume the whole cluster (pods, CPU, memory, storage, LoadBalancers), by accident or in a resource-hijacking attack. Judged from the loaded objects: scan the namespace\'s manifests together with it (or a cluster).',
    remediation: 'Create a ResourceQuota in the namespace with `hard` limits on compute, object counts and storage.',
    params: {
      excludedNamespaces: { type: 'string[]', description: 'Namespaces not checked.', default: [...SYSTEM_NAMESPACES] },
    },
  },
  check({ object, inventory, params, report }) {
    const ns = object.metadata?.name;
    if (typeof ns !== 'string' || params.excludedNamespaces.includes(ns)) return;
    // An object with an empty `spec.hard` constrains nothing, so it does not count.
    const effective = inventory.inNamespace(ns, 'ResourceQuota').some((r) => {
      const spec = r.object['spec'];
      const v = isRecord(spec) ? spec['hard'] : undefined;
      return Array.isArray(v) ? v.length > 0 : isRecord(v) && Object.keys(v).length > 0;
    });
    if (effective) return;
    report({ message: `namespace "${ns}" has no ResourceQuota`, path: '/metadata/name' });
  },
});
