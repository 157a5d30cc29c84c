import { flagControl } from './lib/flag-control.js';
import { flagMustBeSet } from './lib/flag-rules.js';

export default flagControl({
  id: 'apiserver-etcd-client-certificate',
  title: 'API server connects to etcd without a client certificate',
  severity: 'high',
  component: 'kube-apiserver',
  frameworks: { cis: ['1.2.23'], nsa: ['network/etcd', 'network/encryption'], mitre: ['T1557', 'T1552.007'] },
  rule: flagMustBeSet('etcd-certfile', 'etcd-keyfile'),
  rationale: 'etcd holds every secret; the API server must authenticate to it with a client certificate over TLS.',
  remediation: 'Set `--etcd-certfile` and `--etcd-keyfile`.',
});
