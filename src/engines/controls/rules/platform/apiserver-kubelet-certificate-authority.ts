import { flagControl } from './lib/flag-control.js';
import { flagMustBeSet } from './lib/flag-rules.js';

export default flagControl({
  id: 'apiserver-kubelet-certificate-authority',
  title: 'API server does not verify kubelet serving certificates',
  severity: 'medium',
  component: 'kube-apiserver',
  frameworks: { cis: ['1.2.5'], nsa: ['network/encryption'], mitre: ['T1557'] },
  rule: flagMustBeSet('kubelet-certificate-authority'),
  rationale: 'Without a CA for kubelet serving certificates, API server to kubelet connections (exec, logs, port-forward) can be intercepted.',
  remediation: 'Set `--kubelet-certificate-authority` to the CA that signs kubelet serving certificates.',
});
