import { flagControl } from './lib/flag-control.js';
import { featureGateNotDisabled } from './lib/flag-rules.js';

export default flagControl({
  id: 'controller-manager-rotate-kubelet-server-certificate',
  title: 'Controller manager disables kubelet serving certificate rotation',
  severity: 'medium',
  component: 'kube-controller-manager',
  frameworks: { cis: ['1.3.6'], nsa: ['network/encryption'], mitre: ['T1557'] },
  rule: featureGateNotDisabled('RotateKubeletServerCertificate'),
  rationale: 'Kubelet serving certificates must be rotated before they expire or leak.',
  remediation: 'Remove `RotateKubeletServerCertificate=false` from `--feature-gates`.',
});
