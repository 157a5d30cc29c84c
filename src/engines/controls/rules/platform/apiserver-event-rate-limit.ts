import { flagControl } from './lib/flag-control.js';
import { admissionPlugin } from './lib/flag-rules.js';

export default flagControl({
  id: 'apiserver-event-rate-limit',
  title: 'API server does not rate-limit events',
  severity: 'low',
  component: 'kube-apiserver',
  frameworks: { cis: ['1.2.9'], nsa: ['network/control-plane'], mitre: ['T1499'] },
  rule: admissionPlugin('EventRateLimit', 'enabled'),
  rationale: 'A flood of Event objects can exhaust the API server and etcd; EventRateLimit bounds it per server, namespace or user.',
  remediation: 'Add EventRateLimit to `--enable-admission-plugins` and configure its limits in `--admission-control-config-file`.',
});
