import { flagControl } from './lib/flag-control.js';
import { flagMustBeSet } from './lib/flag-rules.js';

export default flagControl({
  id: 'apiserver-kubelet-client-certificate',
  title: 'API server has no client certificate for kubelets',
  severity: 'high',
  component: 'kube-apiserver',
  frameworks: { cis: ['1.2.4'], nsa: ['network/encryption', 'authn/authentication'], mitre: ['T1557'] },
  rule: flagMustBeSet('kubelet-client-certificate', 'kubelet-client-key'),
  rationale: 'Without a client certificate the API server cannot authenticate to kubelets, which must then accept unauthenticated requests.',
  remediation: 'Set `--kubelet-client-certificate` and `--kubelet-client-key` to the API server\'s kubelet client certificate and key.',
});
