import { missingResourceControl } from '../templates/resources.js';

export default missingResourceControl({
  id: 'missing-memory-requests',
  resource: 'memory',
  bound: 'requests',
  severity: 'low',
  frameworks: { cis: [], nsa: ['pod-security/hardening-container-environments', 'network/resource-policies'], pss: [], mitre: ['T1496', 'T1499'] },
});
