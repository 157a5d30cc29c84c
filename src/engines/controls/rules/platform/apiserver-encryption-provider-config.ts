import { flagControl } from './lib/flag-control.js';
import { flagMustBeSet } from './lib/flag-rules.js';

export default flagControl({
  id: 'apiserver-encryption-provider-config',
  title: 'API server does not encrypt Secrets at rest',
  severity: 'high',
  component: 'kube-apiserver',
  frameworks: { cis: ['1.2.27'], nsa: ['network/secrets'], mitre: ['T1552'] },
  rule: flagMustBeSet('encryption-provider-config'),
  rationale: 'Without an encryption configuration, Secrets are stored in etcd (and its backups) in plain text.',
  remediation: 'Create an EncryptionConfiguration (KMS v2 preferred) and set `--encryption-provider-config`.',
});
