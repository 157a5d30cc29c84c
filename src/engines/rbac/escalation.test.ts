import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildAuthorizer } from './authorizer.js';
import { analyzeEscalations } from './escalation.js';
import type { EscalationPath } from './escalation.js';
import type { K8sObject } from '../../model/types.js';
import { clusterRole, clusterRoleBinding, deployment, role, roleBinding, serviceAccount } from './test-fixtures.js';

const ADMIN = clusterRole('cluster-admin', [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }]);
const RBAC = 'rbac.authorization.k8s.io';
const restricted = (name: string): K8sObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'pod-security.kubernetes.io/enforce': 'restricted' } } });

function paths(objs: K8sObject[]): EscalationPath[] {
  return analyzeEscalations(buildAuthorizer(objs)).paths;
}
function pathOf(objs: K8sObject[], from: string, impact: string): EscalationPath | undefined {
  return paths(objs).find((p) => p.from === from && p.impact === impact);
}

test('create pods in a namespace -> its cluster-admin service account (2 steps), with remediation', () => {
  const objs = [
    ADMIN,
    restricted('ci'),
    restricted('kube-system'),
    serviceAccount('ci', 'deployer'),
    serviceAccount('kube-system', 'powerful'),
    clusterRoleBinding('powerful', 'cluster-admin', ['ServiceAccount:kube-system:powerful']),
    clusterRole('pod-creator', [{ verbs: ['create'], apiGroups: [''], resources: ['pods'] }]),
    roleBinding('kube-system', 'ci-deploys', { kind: 'ClusterRole', name: 'pod-creator' }, ['ServiceAccount:ci:deployer']),
  ];
  const p = pathOf(objs, 'ServiceAccount:ci:deployer', 'cluster-admin');
  assert.ok(p);
  assert.equal(p.severity, 'critical');
  assert.deepEqual(p.steps.map((s) => [s.subject, s.becomes, s.permission.verb, s.permission.resource, s.permission.namespace ?? '', s.grantedBy.binding]), [
    ['ServiceAccount:ci:deployer', 'ServiceAccount:kube-system:powerful', 'create', 'pods', 'kube-system', 'RoleBinding/kube-system/ci-deploys'],
    ['ServiceAccount:kube-system:powerful', 'cluster-admin', '*', '*', '', 'ClusterRoleBinding/powerful'],
  ]);
  assert.equal(p.remediation.kind, 'remove-subject');
  assert.equal(p.remediation.binding, 'RoleBinding/kube-system/ci-deploys');
  // The same grant in a namespace without powerful accounts is no path to cluster-admin.
  const other = objs.map((o) => (o.kind === 'RoleBinding' ? roleBinding('ci', 'ci-deploys', { kind: 'ClusterRole', name: 'pod-creator' }, ['ServiceAccount:ci:deployer']) : o));
  assert.equal(pathOf(other, 'ServiceAccount:ci:deployer', 'cluster-admin'), undefined);
});

test('pod creation without Pod Security enforcement reaches the node; restricted namespaces do not', () => {
  const base = [serviceAccount('app', 'a'), clusterRole('pc', [{ verbs: ['create'], apiGroups: ['apps'], resources: ['deployments'] }]), roleBinding('app', 'b', { kind: 'ClusterRole', name: 'pc' }, ['ServiceAccount:app:a'])];
  assert.ok(pathOf(base, 'ServiceAccount:app:a', 'node'));
  assert.equal(pathOf([...base, restricted('app')], 'ServiceAccount:app:a', 'node'), undefined);
});

test('create rolebindings without bind is not an escalation; with bind it is', () => {
  const objs = (withBind: boolean): K8sObject[] => [
    ADMIN,
    serviceAccount('team', 'lead'),
    clusterRole('rb-writer', [
      { verbs: ['create'], apiGroups: [RBAC], resources: ['clusterrolebindings'] },
      ...(withBind ? [{ verbs: ['bind'], apiGroups: [RBAC], resources: ['clusterroles'], resourceNames: ['cluster-admin'] }] : []),
    ]),
    clusterRoleBinding('lead', 'rb-writer', ['ServiceAccount:team:lead']),
  ];
  assert.equal(pathOf(objs(false), 'ServiceAccount:team:lead', 'cluster-admin'), undefined);
  const p = pathOf(objs(true), 'ServiceAccount:team:lead', 'cluster-admin');
  assert.ok(p);
  assert.deepEqual(p.steps.map((s) => s.becomes), ['ClusterRole:cluster-admin', 'cluster-admin']);
});

test('bind on any clusterrole in a namespace grants everything there (secrets)', () => {
  const objs = [
    restricted('ns'),
    role('ns', 'delegate', [
      { verbs: ['create'], apiGroups: [RBAC], resources: ['rolebindings'] },
      { verbs: ['bind'], apiGroups: [RBAC], resources: ['clusterroles'] },
    ]),
    roleBinding('ns', 'd', { kind: 'Role', name: 'delegate' }, ['User:dana']),
  ];
  const p = pathOf(objs, 'User:dana', 'secrets');
  assert.ok(p);
  assert.deepEqual(p.steps.map((s) => s.becomes), ['ClusterRole:*@ns', 'secrets']);
  assert.equal(pathOf(objs, 'User:dana', 'cluster-admin'), undefined);
});

test('escalate + update on a bound role; escalate alone is nothing', () => {
  const objs = (verbs: string[]): K8sObject[] => [
    clusterRole('self-edit', [{ verbs, apiGroups: [RBAC], resources: ['clusterroles'], resourceNames: ['self-edit'] }]),
    clusterRoleBinding('se', 'self-edit', ['User:eve']),
  ];
  assert.ok(pathOf(objs(['escalate', 'update']), 'User:eve', 'cluster-admin'));
  assert.equal(pathOf(objs(['escalate']), 'User:eve', 'cluster-admin'), undefined);
  assert.equal(pathOf(objs(['update']), 'User:eve', 'cluster-admin'), undefined);
});

test('impersonation, token requests, secrets and nodes/proxy', () => {
  const objs = [
    ADMIN,
    restricted('kube-system'),
    serviceAccount('kube-system', 'root'),
    clusterRoleBinding('root', 'cluster-admin', ['ServiceAccount:kube-system:root', 'User:admin-user']),
    clusterRole('imp', [{ verbs: ['impersonate'], apiGroups: [''], resources: ['users'], resourceNames: ['admin-user'] }]),
    clusterRoleBinding('imp', 'imp', ['User:i']),
    clusterRole('impg', [{ verbs: ['impersonate'], apiGroups: [''], resources: ['groups'] }]),
    clusterRoleBinding('impg', 'impg', ['User:g']),
    clusterRole('tok', [{ verbs: ['create'], apiGroups: [''], resources: ['serviceaccounts/token'], resourceNames: ['root'] }]),
    roleBinding('kube-system', 'tok', { kind: 'ClusterRole', name: 'tok' }, ['User:t']),
    clusterRole('sec', [{ verbs: ['list'], apiGroups: [''], resources: ['secrets'] }]),
    roleBinding('kube-system', 'sec', { kind: 'ClusterRole', name: 'sec' }, ['User:s']),
    clusterRole('proxy', [{ verbs: ['get'], apiGroups: [''], resources: ['nodes/proxy'] }]),
    clusterRoleBinding('proxy', 'proxy', ['User:p']),
    clusterRole('noproxy', [{ verbs: ['get'], apiGroups: [''], resources: ['nodes'] }]),
    clusterRoleBinding('noproxy', 'noproxy', ['User:np']),
    { apiVersion: 'v1', kind: 'Secret', type: 'kubernetes.io/service-account-token', metadata: { name: 'root-token', namespace: 'kube-system', annotations: { 'kubernetes.io/service-account.name': 'root' } } },
  ];
  const all = paths(objs);
  const has = (from: string, impact: string): boolean => all.some((p) => p.from === from && p.impact === impact);
  assert.equal(has('User:i', 'cluster-admin'), true);
  assert.equal(has('User:g', 'cluster-admin'), true); // impersonate system:masters
  assert.equal(has('User:t', 'cluster-admin'), true);
  assert.equal(has('User:s', 'cluster-admin'), true); // list secrets -> legacy token of root
  assert.equal(has('User:s', 'secrets'), true);
  assert.equal(has('User:p', 'node'), true);
  assert.equal(has('User:np', 'node'), false);
  assert.equal(has('User:np', 'cluster-admin'), false);
  // Shortest path first: the token path is 2 steps (token -> root -> cluster-admin).
  assert.equal(all.find((p) => p.from === 'User:t' && p.impact === 'cluster-admin')?.steps.length, 2);
});

test('exec into running pods reaches the identities of workloads that mount tokens', () => {
  const objs = (automount: boolean, verbs = ['create'], sub = 'exec'): K8sObject[] => {
    const d = deployment('prod', 'api', 'api-sa');
    if (!automount) ((d['spec'] as { template: { spec: Record<string, unknown> } }).template.spec)['automountServiceAccountToken'] = false;
    return [
      restricted('prod'),
      ADMIN,
      d,
      clusterRoleBinding('api', 'cluster-admin', ['ServiceAccount:prod:api-sa']),
      clusterRole('exec', [{ verbs, apiGroups: [''], resources: [`pods/${sub}`] }]),
      roleBinding('prod', 'exec', { kind: 'ClusterRole', name: 'exec' }, ['User:dev']),
    ];
  };
  assert.ok(pathOf(objs(true), 'User:dev', 'cluster-admin'));
  assert.ok(pathOf(objs(true, ['create'], 'attach'), 'User:dev', 'cluster-admin'));
  assert.equal(pathOf(objs(false), 'User:dev', 'cluster-admin'), undefined);
  // v1.35+: WebSocket exec/attach (GET) also needs create (AuthorizePodWebsocketUpgradeCreatePermission).
  assert.equal(pathOf(objs(true, ['get']), 'User:dev', 'cluster-admin'), undefined);
  assert.equal(pathOf(objs(true, ['get'], 'attach'), 'User:dev', 'cluster-admin'), undefined);
});

test('CSR create+approve, webhooks and namespace relabelling', () => {
  const csr = [
    { verbs: ['create'], apiGroups: ['certificates.k8s.io'], resources: ['certificatesigningrequests'] },
    { verbs: ['update'], apiGroups: ['certificates.k8s.io'], resources: ['certificatesigningrequests/approval'] },
    { verbs: ['approve'], apiGroups: ['certificates.k8s.io'], resources: ['signers'], resourceNames: ['kubernetes.io/kube-apiserver-client'] },
  ];
  const objs = [
    clusterRole('csr', csr),
    clusterRoleBinding('csr', 'csr', ['User:c']),
    clusterRole('csr-no-approve', csr.slice(0, 2)),
    clusterRoleBinding('csr2', 'csr-no-approve', ['User:c2']),
    clusterRole('hooks', [{ verbs: ['patch'], apiGroups: ['admissionregistration.k8s.io'], resources: ['mutatingwebhookconfigurations'] }]),
    clusterRoleBinding('hooks', 'hooks', ['User:w']),
    clusterRole('ns', [{ verbs: ['patch'], apiGroups: [''], resources: ['namespaces'] }, { verbs: ['create'], apiGroups: [''], resources: ['pods'] }]),
    clusterRoleBinding('ns', 'ns', ['User:n']),
  ];
  const all = paths(objs);
  const get = (from: string, impact: string): EscalationPath | undefined => all.find((p) => p.from === from && p.impact === impact);
  assert.deepEqual(get('User:c', 'cluster-admin')?.steps.map((s) => s.becomes), ['Group:system:masters', 'cluster-admin']);
  assert.equal(get('User:c2', 'cluster-admin'), undefined);
  assert.equal(get('User:w', 'admission')?.severity, 'critical');
  assert.ok(get('User:n', 'pod-security'));
  assert.ok(get('User:n', 'node'));
});

test('one shortest path per (from, impact), sorted', () => {
  const objs = [
    ADMIN,
    restricted('a'),
    serviceAccount('a', 'x'),
    clusterRoleBinding('x', 'cluster-admin', ['ServiceAccount:a:x']),
    clusterRole('many', [{ verbs: ['create'], apiGroups: [''], resources: ['pods', 'serviceaccounts/token'] }, { verbs: ['list'], apiGroups: [''], resources: ['secrets'] }]),
    roleBinding('a', 'm', { kind: 'ClusterRole', name: 'many' }, ['User:u']),
  ];
  const all = paths(objs);
  const keys = all.map((p) => `${p.from}|${p.impact}`);
  assert.equal(new Set(keys).size, keys.length);
  assert.deepEqual(keys, [...keys].sort((a, b) => (a.split('|')[0]! < b.split('|')[0]! ? -1 : a.split('|')[0]! > b.split('|')[0]! ? 1 : 0)));
  assert.equal(all.find((p) => p.from === 'User:u' && p.impact === 'cluster-admin')?.steps.length, 2);
});

test('update on a named workload reaches the namespace accounts only if the workload exists', () => {
  const objs = (withWorkload: boolean): K8sObject[] => [
    ADMIN,
    restricted('prod'),
    serviceAccount('prod', 'root'),
    clusterRoleBinding('root', 'cluster-admin', ['ServiceAccount:prod:root']),
    ...(withWorkload ? [deployment('prod', 'web', 'web-sa')] : []),
    role('prod', 'patch-web', [{ verbs: ['patch'], apiGroups: ['apps'], resources: ['deployments'], resourceNames: ['web'] }]),
    roleBinding('prod', 'p', { kind: 'Role', name: 'patch-web' }, ['User:dev']),
  ];
  assert.ok(pathOf(objs(true), 'User:dev', 'cluster-admin'));
  assert.equal(pathOf(objs(false), 'User:dev', 'cluster-admin'), undefined);
});

test('grants that only combine across bindings are still found (bind in one, write bindings in another)', () => {
  const objs = [
    ADMIN,
    clusterRole('binder', [{ verbs: ['bind'], apiGroups: [RBAC], resources: ['clusterroles'], resourceNames: ['cluster-admin'] }]),
    clusterRole('crb-writer', [{ verbs: ['create'], apiGroups: [RBAC], resources: ['clusterrolebindings'] }]),
    clusterRoleBinding('a', 'binder', ['User:split']),
    clusterRoleBinding('b', 'crb-writer', ['Group:writers']),
  ];
  assert.equal(pathOf(objs, 'User:split', 'cluster-admin'), undefined);
  const withGroup = analyzeEscalations(buildAuthorizer(objs, { userGroups: { split: ['writers'] } })).paths;
  assert.ok(withGroup.some((p) => p.from === 'User:split' && p.impact === 'cluster-admin'));
});
