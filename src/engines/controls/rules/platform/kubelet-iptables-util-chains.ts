import { configControl, KUBELET } from './lib/config-control.js';
import { fieldMustEqual } from './lib/config-rules.js';

export default configControl({
  id: 'kubelet-iptables-util-chains',
  title: 'Kubelet does not manage its iptables utility chains',
  severity: 'low',
  ...KUBELET,
  frameworks: { cis: ['4.2.6'], nsa: ['network/network-policies'], mitre: ['T1557'] },
  rule: fieldMustEqual(KUBELET.kind, ['makeIPTablesUtilChains'], true, true),
  rationale: 'The kubelet keeps the iptables chains it relies on in a consistent state; turning that off lets networking rules drift.',
  remediation: 'Remove `makeIPTablesUtilChains: false` (the default is true).',
});
