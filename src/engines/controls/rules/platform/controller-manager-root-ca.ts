import { flagControl } from './lib/flag-control.js';
import { flagMustBeSet } from './lib/flag-rules.js';

export default flagControl({
  id: 'controller-manager-root-ca',
  title: 'Controller manager does not publish the root CA to service accounts',
  severity: 'medium',
  component: 'kube-controller-manager',
  frameworks: { cis: ['1.3.5'], nsa: ['network/encryption'], mitre: ['T1557'] },
  rule: flagMustBeSet('root-ca-file'),
  rationale: 'Without the root CA in service account token volumes, pods cannot verify the API server\'s certificate.',
  remediation: 'Set `--root-ca-file` to the cluster CA.',
});
