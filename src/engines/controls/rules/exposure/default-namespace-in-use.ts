import { defineControl } from '../../types.js';
import { WORKLOAD_KINDS } from '../../../../model/workloads.js';

/** Objects the API server itself keeps in `default`. */
function isBuiltIn(kind: string, name: string | undefined): boolean {
  return (kind === 'Service' && name === 'kubernetes') || (kind === 'ServiceAccount' && name === 'default') || (kind === 'ConfigMap' && name === 'kube-root-ca.crt');
}

export default defineControl({
  meta: {
    id: 'default-namespace-in-use',
    title: 'Object placed in the default namespace',
    severity: 'low',
    kinds: [...WORKLOAD_KINDS, 'Service', 'ConfigMap', 'Secret', 'ServiceAccount', 'Role', 'RoleBinding', 'Ingress', 'PersistentVolumeClaim', 'NetworkPolicy'],
    frameworks: { cis: ['5.6.4'], nsa: ['network/namespaces'], pss: [], mitre: [] },
    rationale:
      'The default namespace has no owner, quota, Pod Security level or network policy of its own; workloads there share one administrative boundary. Only an explicit `namespace: default` is reported, since manifests without a namespace are usually applied with `-n`.',
    remediation: 'Create a namespace per application or team and deploy there.',
  },
  check({ object, report }) {
    if (object.metadata?.namespace !== 'default' || isBuiltIn(object.kind, object.metadata?.name)) return;
    report({ message: `${object.kind} "${object.metadata?.name ?? ''}" is in the default namespace`, path: '/metadata/namespace' });
  },
});
