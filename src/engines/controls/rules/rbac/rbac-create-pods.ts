import { grantControl } from '../templates/rbac.js';

export default grantControl({
  id: 'rbac-create-pods',
  title: 'Role grants creating pods or pod controllers',
  severity: 'high',
  frameworks: { cis: ['5.1.4'], nsa: ['authn/rbac'], pss: [], mitre: ['T1610', 'T1053.007', 'T1078'] },
  rationale:
    'Whoever creates pods (directly or through Deployments, Jobs, CronJobs and the like) can run as any service account of the namespace and mount its Secrets and ConfigMaps; with lax Pod Security, also take the node.',
  remediation: 'Reserve pod and controller creation to CD service accounts; give people read access and deploy through the pipeline.',
  targets: [
    { apiGroup: '', resource: 'pods', verbs: ['create'] },
    { apiGroup: '', resource: 'replicationcontrollers', verbs: ['create'] },
    { apiGroup: 'apps', resource: 'deployments', verbs: ['create'] },
    { apiGroup: 'apps', resource: 'replicasets', verbs: ['create'] },
    { apiGroup: 'apps', resource: 'statefulsets', verbs: ['create'] },
    { apiGroup: 'apps', resource: 'daemonsets', verbs: ['create'] },
    { apiGroup: 'batch', resource: 'jobs', verbs: ['create'] },
    { apiGroup: 'batch', resource: 'cronjobs', verbs: ['create'] },
  ],
});
