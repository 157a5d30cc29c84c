import { flagControl } from './lib/flag-control.js';
import { flagMustBeSet } from './lib/flag-rules.js';

export default flagControl({
  id: 'apiserver-client-ca',
  title: 'API server does not authenticate client certificates',
  severity: 'high',
  component: 'kube-apiserver',
  frameworks: { cis: ['1.2.25'], nsa: ['authn/authentication', 'network/encryption'], mitre: ['T1078'] },
  rule: flagMustBeSet('client-ca-file'),
  rationale: 'Without a client CA, components and kubelets cannot authenticate to the API server with certificates.',
  remediation: 'Set `--client-ca-file` to the cluster CA.',
});
