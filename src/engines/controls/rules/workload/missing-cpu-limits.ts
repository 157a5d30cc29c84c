import { missingResourceControl } from '../templates/resources.js';

export default missingResourceControl({
  id: 'missing-cpu-limits',
  resource: 'cpu',
  bound: 'limits',
  severity: 'medium',
  frameworks: { cis: [], nsa: ['pod-security/hardening-container-environments', 'network/resource-policies'], pss: [], mitre: ['T1496', 'T1499'] },
});
