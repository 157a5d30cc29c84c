import { flagControl } from './lib/flag-control.js';
import { admissionPlugin } from './lib/flag-rules.js';

export default flagControl({
  id: 'apiserver-deny-service-external-ips',
  title: 'API server does not deny Service externalIPs',
  severity: 'medium',
  component: 'kube-apiserver',
  frameworks: { cis: ['1.2.3'], nsa: ['network/control-plane'], mitre: ['T1557'] },
  rule: admissionPlugin('DenyServiceExternalIPs', 'enabled'),
  rationale: 'Anyone who can create a Service can set externalIPs and intercept traffic to those addresses (CVE-2020-8554).',
  remediation: 'Add DenyServiceExternalIPs to `--enable-admission-plugins`.',
});
