import { flagControl } from './lib/flag-control.js';
import { flagMustBeSet } from './lib/flag-rules.js';

export default flagControl({
  id: 'apiserver-etcd-ca',
  title: 'API server does not verify etcd\'s certificate',
  severity: 'high',
  component: 'kube-apiserver',
  frameworks: { cis: ['1.2.26'], nsa: ['network/etcd', 'network/encryption'], mitre: ['T1557'] },
  rule: flagMustBeSet('etcd-cafile'),
  rationale: 'Without the etcd CA the API server cannot tell a real etcd from an impostor holding the cluster state.',
  remediation: 'Set `--etcd-cafile` to the etcd CA.',
});
