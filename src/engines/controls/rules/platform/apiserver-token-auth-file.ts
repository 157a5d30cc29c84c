import { flagControl } from './lib/flag-control.js';
import { flagMustNotBeSet } from './lib/flag-rules.js';

export default flagControl({
  id: 'apiserver-token-auth-file',
  title: 'API server accepts static bearer tokens from a file',
  severity: 'high',
  component: 'kube-apiserver',
  frameworks: { cis: ['1.2.2'], nsa: ['authn/authentication'], mitre: ['T1078', 'T1552.001'] },
  rule: flagMustNotBeSet('token-auth-file'),
  rationale: 'Static tokens live in clear text on the control plane node, never expire and cannot be revoked without restarting the API server.',
  remediation: 'Remove `--token-auth-file`; use client certificates, OIDC or webhook token authentication instead.',
});
