/**
 * Exactness proof for src/engines/rbac/bootstrap.ts: the bootstrap policy a real kube-apiserver
 * (the pinned release, with the upstream ClusterRole aggregation controller) writes, versus
 * Rampart's data and model.
 *
 * - The same bootstrap ClusterRoles, ClusterRoleBindings, Roles and RoleBindings exist (by name).
 * - Every role's effective rules (admin/edit/view after aggregation) match the server's in both
 *   directions, compared with the engine's Covers-based diff (order and grouping of rules may differ).
 * - Every binding has the same roleRef and the same subjects.
 * - SubjectAccessReview answers for bootstrap identities equal Rampart's with an empty input.
 * - The CLI's `--no-bootstrap` and `--include-system` flags.
 *
 * Replay a failure with RAMPART_SEED=<seed> (printed).
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { startApiServer, type ApiServer } from './helpers/apiserver.js';
import { Rng, seedFromEnv } from './helpers/random.js';
import { createLimiter } from '../../src/input/cluster/pool.js';
import { main } from '../../src/interfaces/cli/main.js';
import type { CliIO } from '../../src/interfaces/cli/io.js';
import { buildAuthorizer, buildModel, diffPermissions } from '../../src/engines/rbac/index.js';
import type { Permissions, PolicyRule, UserInfo, Attributes } from '../../src/engines/rbac/index.js';
import { CLUSTER_ROLE_BINDINGS, CLUSTER_ROLES, NAMESPACE_ROLE_BINDINGS, NAMESPACE_ROLES } from '../../src/engines/rbac/bootstrap.js';
import { normalizeRule } from '../../src/engines/rbac/rules.js';

const RBAC_PATH = '/apis/rbac.authorization.k8s.io/v1';
const seed = seedFromEnv();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const limit = createLimiter(8);

interface ServerObject {
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  rules?: unknown[] | null;
  aggregationRule?: { clusterRoleSelectors?: { matchLabels?: Record<string, string> }[] };
  roleRef?: { kind: string; name: string; apiGroup: string };
  subjects?: { kind: string; name: string; namespace?: string }[] | null;
}

let api: ApiServer;
const server: Record<'clusterroles' | 'clusterrolebindings' | 'roles' | 'rolebindings', Map<string, ServerObject>> = {
  clusterroles: new Map(),
  clusterrolebindings: new Map(),
  roles: new Map(),
  rolebindings: new Map(),
};
const key = (o: { name: string; namespace?: string }) => (o.namespace ? `${o.namespace}/${o.name}` : o.name);
const isBootstrap = (o: ServerObject) => o.metadata.labels?.['kubernetes.io/bootstrapping'] === 'rbac-defaults';

async function settleClusterRoles(): Promise<void> {
  let last = '';
  let stable = 0;
  for (let i = 0; i < 120 && stable < 2; i++) {
    await sleep(500);
    const list = (await api.admin(`${RBAC_PATH}/clusterroles`)) as { items: ServerObject[] };
    const now = JSON.stringify(list.items.map((x) => [x.metadata.name, x.rules ?? []]));
    stable = now === last ? stable + 1 : 0;
    last = now;
  }
}

before(async () => {
  api = await startApiServer({ aggregator: true });
  for (let i = 0; ; i++) {
    const admin = (await api.admin(`${RBAC_PATH}/clusterroles/admin`)) as ServerObject;
    if ((admin.rules?.length ?? 0) > 0) break;
    if (i > 120) throw new Error(`clusterrole-aggregator did not fill ClusterRole/admin\n${api.logs()}`);
    await sleep(500);
  }
  await settleClusterRoles();
  for (const kind of Object.keys(server) as (keyof typeof server)[]) {
    const list = (await api.admin(`${RBAC_PATH}/${kind}`)) as { items: ServerObject[] };
    for (const o of list.items) if (isBootstrap(o)) server[kind].set(key(o.metadata), o);
  }
}, { timeout: 240_000 });

after(async () => {
  await api?.stop();
});

function asPermissions(subject: string, rules: readonly PolicyRule[]): Permissions {
  return { subject, user: { name: subject, groups: [] }, unrestricted: false, rules: rules.map((rule) => ({ namespace: '*', rule, via: { binding: subject, role: subject } })), problems: [] };
}

function ruleDifferences(label: string, ours: readonly PolicyRule[], theirs: readonly unknown[]): string[] {
  const d = diffPermissions(asPermissions('rampart', ours), asPermissions('server', theirs.map(normalizeRule)));
  const show = (a: (typeof d.onlyA)[number]) => `${a.verb} ${a.nonResourceURL ?? `${a.apiGroup === '' ? 'core' : a.apiGroup}/${a.resource}${a.resourceName ? `[${a.resourceName}]` : ''}`}`;
  return [...d.onlyA.map((a) => `${label}: only Rampart grants ${show(a)}`), ...d.onlyB.map((a) => `${label}: only the server grants ${show(a)}`)];
}

const sorted = (xs: Iterable<string>) => [...xs].sort();
const subjectText = (s: { kind: string; name: string; namespace?: string }) => `${s.kind}:${s.namespace ?? ''}:${s.name}`;

describe(`bootstrap policy versus kube-apiserver (seed ${seed})`, () => {
  it('the same bootstrap objects exist', () => {
    assert.deepEqual(sorted(CLUSTER_ROLES.map((r) => r.name)), sorted(server.clusterroles.keys()));
    assert.deepEqual(sorted(CLUSTER_ROLE_BINDINGS.map((b) => b.name)), sorted(server.clusterrolebindings.keys()));
    assert.deepEqual(sorted(NAMESPACE_ROLES.map((r) => key(r))), sorted(server.roles.keys()));
    assert.deepEqual(sorted(NAMESPACE_ROLE_BINDINGS.map((b) => key(b))), sorted(server.rolebindings.keys()));
    assert.ok(server.clusterroles.size > 50, `the server wrote its bootstrap ClusterRoles (${server.clusterroles.size})`);
  });

  it('every role grants exactly what the server\'s does (aggregated admin/edit/view included), both directions', () => {
    const model = buildModel([]);
    const problems: string[] = [];
    for (const r of CLUSTER_ROLES) {
      const theirs = server.clusterroles.get(r.name);
      if (!theirs) continue;
      problems.push(...ruleDifferences(`ClusterRole/${r.name}`, model.roles.get(`ClusterRole/${r.name}`) ?? [], theirs.rules ?? []));
      // Aggregation wiring: the same labels and selectors, so input roles aggregate as on the server.
      const labels = Object.entries(theirs.metadata.labels ?? {}).filter(([k]) => k.startsWith('rbac.authorization.k8s.io/aggregate-to-')).map(([k]) => k.slice('rbac.authorization.k8s.io/aggregate-to-'.length));
      assert.deepEqual(sorted(r.aggregateTo ?? []), sorted(labels), `ClusterRole/${r.name} aggregate-to labels`);
      const selectors = (theirs.aggregationRule?.clusterRoleSelectors ?? []).map((s) => JSON.stringify(s.matchLabels ?? {}));
      assert.deepEqual((r.aggregates ?? []).map((t) => JSON.stringify({ [`rbac.authorization.k8s.io/aggregate-to-${t}`]: 'true' })), selectors, `ClusterRole/${r.name} aggregationRule`);
    }
    for (const r of NAMESPACE_ROLES) {
      const theirs = server.roles.get(key(r));
      if (theirs) problems.push(...ruleDifferences(`Role/${key(r)}`, model.roles.get(`Role/${key(r)}`) ?? [], theirs.rules ?? []));
    }
    assert.deepEqual(problems, []);
    // The aggregates are not vacuous: admin holds rolebindings, edit secrets, view pods.
    assert.ok((model.roles.get('ClusterRole/admin') ?? []).length > 10);
  });

  it('every binding has the server\'s roleRef and subjects', () => {
    const check = (label: string, ours: { role: string; roleKind?: string; subjects: readonly { kind: string; name: string; namespace?: string }[] }, theirs: ServerObject | undefined) => {
      assert.ok(theirs, `${label} exists on the server`);
      assert.deepEqual({ kind: theirs.roleRef?.kind, name: theirs.roleRef?.name }, { kind: ours.roleKind ?? 'ClusterRole', name: ours.role }, `${label} roleRef`);
      assert.deepEqual(sorted(ours.subjects.map(subjectText)), sorted((theirs.subjects ?? []).map(subjectText)), `${label} subjects`);
    };
    for (const b of CLUSTER_ROLE_BINDINGS) check(`ClusterRoleBinding/${b.name}`, b, server.clusterrolebindings.get(b.name));
    for (const b of NAMESPACE_ROLE_BINDINGS) check(`RoleBinding/${key(b)}`, b, server.rolebindings.get(key(b)));
  });

  it('SubjectAccessReview for bootstrap identities equals Rampart with an empty input', { timeout: 300_000 }, async () => {
    const rng = new Rng(seed);
    const authz = buildAuthorizer([]);
    // Identities named by bootstrap bindings (Node-authorizer identities excluded: system:node:* users).
    const who = new Map<string, UserInfo>();
    for (const b of [...CLUSTER_ROLE_BINDINGS, ...NAMESPACE_ROLE_BINDINGS]) for (const s of b.subjects) {
      if (s.kind === 'Group') who.set(`Group:${s.name}`, { name: '', groups: [s.name] });
      else if (s.kind === 'User') who.set(`User:${s.name}`, { name: s.name, groups: ['system:authenticated'] });
      else who.set(`ServiceAccount:${s.namespace}:${s.name}`, authz.userInfo(`ServiceAccount:${s.namespace}:${s.name}`));
    }
    who.set('User:someone', { name: 'someone', groups: ['system:authenticated'] });
    const identities = [...who.entries()];
    // Questions drawn from the bootstrap rules themselves (so many are allowed), in random namespaces.
    const atoms: Attributes[] = [];
    for (const r of [...CLUSTER_ROLES, ...NAMESPACE_ROLES]) for (const rule of r.rules) {
      const verb = rng.pick([...rule.v]);
      if (rule.u) {
        const url = rng.pick([...rule.u]);
        atoms.push({ verb, nonResourceURL: url === '*' ? '/metrics' : url.replace(/\*$/, 'x') });
        continue;
      }
      const group = rng.pick([...(rule.g ?? [''])]);
      const resource = rng.pick([...(rule.r ?? ['pods'])]);
      const [res = '', sub] = (resource === '*' ? 'secrets' : resource).split('/');
      const a: Attributes = { verb: verb === '*' ? 'delete' : verb, apiGroup: group === '*' ? 'apps' : group, resource: res };
      if (sub) a.subresource = sub;
      const ns = r.namespace ?? rng.pick(['', 'kube-system', 'default', 'shop']);
      if (ns) a.namespace = ns;
      if (rule.n && rng.chance(0.8)) a.name = rng.pick([...rule.n]);
      atoms.push(a);
    }
    const cases = Array.from({ length: 400 }, () => ({ id: rng.pick(identities), q: rng.pick(atoms) }));
    const answers = await Promise.all(cases.map(({ id: [, user], q }) => limit(async () => {
      const spec: Record<string, unknown> = { groups: user.groups };
      if (user.name) spec['user'] = user.name;
      if ('nonResourceURL' in q) spec['nonResourceAttributes'] = { path: q.nonResourceURL, verb: q.verb };
      else spec['resourceAttributes'] = { verb: q.verb, group: q.apiGroup, resource: q.resource, ...(q.subresource ? { subresource: q.subresource } : {}), ...(q.namespace ? { namespace: q.namespace } : {}), ...(q.name ? { name: q.name } : {}) };
      const res = (await api.admin('/apis/authorization.k8s.io/v1/subjectaccessreviews', { method: 'POST', body: { apiVersion: 'authorization.k8s.io/v1', kind: 'SubjectAccessReview', spec } })) as { status?: { allowed?: boolean } };
      return res.status?.allowed === true;
    })));
    const mismatches: string[] = [];
    let allowed = 0;
    cases.forEach(({ id: [text, user], q }, i) => {
      const ours = authz.allows(user, q).allowed;
      if (answers[i]) allowed++;
      if (ours !== answers[i]) mismatches.push(`${text} ${JSON.stringify(q)}: api server ${answers[i]}, rampart ${ours}`);
    });
    assert.deepEqual(mismatches.slice(0, 10), [], `${mismatches.length}/${cases.length} mismatches (seed ${seed})`);
    assert.ok(allowed > 40 && allowed < cases.length - 40, `both answers exercised (allowed ${allowed}/${cases.length})`);
  });
});

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const io: CliIO = { stdout, stderr, readStdin: async () => '', cwd: process.cwd(), env: {} };
  const code = await main(args, io);
  return { code, out, err };
}

describe('rampart rbac with the bootstrap policy (examples/)', () => {
  it('can-i: a binding to cluster-admin grants everything; --no-bootstrap restores the old answer', async () => {
    const yes = await cli(['rbac', 'can-i', 'ServiceAccount:shop:checkout', 'delete', 'nodes', 'examples/', '--format', 'json']);
    assert.equal(yes.code, 0, yes.out);
    assert.deepEqual((JSON.parse(yes.out) as { via: unknown[] }).via, [{ binding: 'ClusterRoleBinding/checkout-admin', role: 'ClusterRole/cluster-admin', roleSource: 'bootstrap' }]);
    const no = await cli(['rbac', 'can-i', 'ServiceAccount:shop:checkout', 'delete', 'nodes', 'examples/', '--no-bootstrap', '--format', 'json']);
    assert.equal(no.code, 1, no.out);
  });

  it('escalations: ci/deployer reaches cluster-admin in 2 steps through shop/checkout; platform paths only with --include-system', async () => {
    const r = await cli(['rbac', 'escalations', 'examples/', '--format', 'json']);
    assert.equal(r.code, 0, r.err);
    const paths = (JSON.parse(r.out) as { paths: { from: string; impact: string; steps: { becomes: string }[] }[] }).paths;
    const p = paths.find((x) => x.from === 'ServiceAccount:ci:deployer' && x.impact === 'cluster-admin');
    assert.ok(p, 'deployer path');
    assert.equal(p.steps.length, 2);
    assert.equal(p.steps[0]?.becomes, 'ServiceAccount:shop:checkout');
    assert.ok(!paths.some((x) => /^(User|Group):system:|^ServiceAccount:kube-system:/.test(x.from)), 'no platform sources by default');
    assert.ok(!r.err.includes('not in the input'), 'no missing-role warnings for bootstrap roles');

    const all = await cli(['rbac', 'escalations', 'examples/', '--include-system', '--format', 'json']);
    const allPaths = (JSON.parse(all.out) as { paths: { from: string }[] }).paths;
    assert.ok(allPaths.some((x) => x.from === 'Group:system:masters'));

    const old = await cli(['rbac', 'escalations', 'examples/', '--no-bootstrap', '--format', 'json']);
    assert.ok(!(JSON.parse(old.out) as { paths: { from: string; impact: string }[] }).paths.some((x) => x.from === 'ServiceAccount:ci:deployer' && x.impact === 'cluster-admin'));
    assert.match(old.err, /ClusterRole\/cluster-admin, which is not in the input/);
  });
});
