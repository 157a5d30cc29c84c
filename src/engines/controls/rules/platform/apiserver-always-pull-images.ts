import { flagControl } from './lib/flag-control.js';
import { admissionPlugin } from './lib/flag-rules.js';

export default flagControl({
  id: 'apiserver-always-pull-images',
  title: 'API server does not force image pulls (AlwaysPullImages)',
  severity: 'low',
  component: 'kube-apiserver',
  frameworks: { cis: ['1.2.11'], nsa: ['pod-security/secure-images'], mitre: ['T1525', 'T1204.003'] },
  rule: admissionPlugin('AlwaysPullImages', 'enabled'),
  rationale: 'Without AlwaysPullImages a pod can run a private image already cached on its node without the credentials to pull it.',
  remediation: 'Add AlwaysPullImages to `--enable-admission-plugins` (on multi-tenant clusters).',
});
