import { grantControl } from '../templates/rbac.js';

export default grantControl({
  id: 'rbac-create-persistentvolumes',
  title: 'Role grants creating PersistentVolumes',
  severity: 'high',
  frameworks: { cis: ['5.1.9'], nsa: ['authn/rbac'], pss: [], mitre: ['T1611'] },
  rationale: 'A PersistentVolume may be a hostPath: creating one and claiming it mounts any node directory into a pod, around Pod Security\'s hostPath check.',
  remediation: 'Let storage provisioners create PersistentVolumes; give users PersistentVolumeClaims only.',
  targets: [{ apiGroup: '', resource: 'persistentvolumes', verbs: ['create'] }],
});
