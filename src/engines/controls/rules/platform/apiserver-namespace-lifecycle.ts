import { flagControl } from './lib/flag-control.js';
import { admissionPlugin } from './lib/flag-rules.js';

export default flagControl({
  id: 'apiserver-namespace-lifecycle',
  title: 'API server disables the NamespaceLifecycle admission plugin',
  severity: 'low',
  component: 'kube-apiserver',
  frameworks: { cis: ['1.2.13'], nsa: ['network/namespaces'], mitre: ['T1610'] },
  rule: admissionPlugin('NamespaceLifecycle', 'not-disabled'),
  rationale: 'NamespaceLifecycle prevents objects in terminating or non-existent namespaces and protects the system namespaces from deletion.',
  remediation: 'Remove NamespaceLifecycle from `--disable-admission-plugins`.',
});
