/**
 * Oracle: the real API server's RBAC authorizer (SubjectAccessReview) versus `rampart rbac can-i`
 * and `rampart rbac who-can`, on random Roles, ClusterRoles (aggregated by the upstream
 * clusterrole-aggregation controller), bindings and service accounts, plus the server's own
 * bootstrap policy (read back with Rampart's cluster reader).
 *
 * who-can must list exactly the subjects whose SubjectAccessReview is allowed: every listed
 * subject is allowed (system:masters aside), and every identity of the world (users with their
 * groups, declared service accounts, every group named in a binding) that is allowed is listed.
 *
 * Replay a failure with RAMPART_SEED=<seed> (printed).
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { stringify } from 'yaml';
import { startApiServer, type ApiServer } from './helpers/apiserver.js';
import { Rng, seedFromEnv } from './helpers/random.js';
import { identities, randomQuestion, randomWorld, type Question, type RbacWorld, type Subject } from './helpers/rbac-gen.js';
import { CLUSTER_CATALOG, loadCluster } from '../../src/input/cluster/index.js';
import { createLimiter } from '../../src/input/cluster/pool.js';
import { main } from '../../src/interfaces/cli/main.js';
import type { CliIO } from '../../src/interfaces/cli/io.js';
import type { K8sObject } from '../../src/model/types.js';

const seed = seedFromEnv();
const CAN_I = Number(process.env['RAMPART_RBAC_QUESTIONS'] ?? 250);
const WHO_CAN = Number(process.env['RAMPART_RBAC_WHO_CAN'] ?? 40);
let api: ApiServer;
let world: RbacWorld;
let objectsFile: string;
let groupsFile: string;
const limit = createLimiter(8);

const RBAC_PATH = '/apis/rbac.authorization.k8s.io/v1';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function apiPath(o: K8sObject): string {
  const base = o.apiVersion === 'v1' ? '/api/v1' : `/apis/${o.apiVersion}`;
  const plural: Record<string, string> = { Namespace: 'namespaces', ServiceAccount: 'serviceaccounts', Role: 'roles', RoleBinding: 'rolebindings', ClusterRole: 'clusterroles', ClusterRoleBinding: 'clusterrolebindings' };
  const ns = o.metadata?.namespace;
  return `${base}${ns ? `/namespaces/${ns}` : ''}/${plural[o.kind]}`;
}

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.resume();
  const io: CliIO = { stdout, stderr, readStdin: async () => '', cwd: process.cwd(), env: {} };
  const code = await main(args, io);
  return { code, out };
}

function cliQuestionArgs(q: Question): string[] {
  if (q.nonResourceURL !== undefined) return [q.verb, q.nonResourceURL];
  const args = [q.verb, q.subresource ? `${q.resource}/${q.subresource}` : (q.resource as string), `--api-group=${q.apiGroup ?? ''}`];
  if (q.namespace) args.push('-n', q.namespace);
  if (q.name) args.push('--name', q.name);
  return args;
}

async function sar(who: Subject, q: Question): Promise<boolean> {
  const spec: Record<string, unknown> = { groups: who.groups };
  if (who.user) spec['user'] = who.user;
  if (q.nonResourceURL !== undefined) spec['nonResourceAttributes'] = { path: q.nonResourceURL, verb: q.verb };
  else {
    const ra: Record<string, string> = { verb: q.verb, group: q.apiGroup ?? '', resource: q.resource ?? '' };
    if (q.subresource) ra['subresource'] = q.subresource;
    if (q.namespace) ra['namespace'] = q.namespace;
    if (q.name) ra['name'] = q.name;
    spec['resourceAttributes'] = ra;
  }
  const res = (await limit(() => api.admin('/apis/authorization.k8s.io/v1/subjectaccessreviews', { method: 'POST', body: { apiVersion: 'authorization.k8s.io/v1', kind: 'SubjectAccessReview', spec } }))) as { status?: { allowed?: boolean } };
  return res.status?.allowed === true;
}

/** The identity a Rampart subject string stands for, as the authenticator would present it. */
function identityOf(text: string): Subject {
  if (text.startsWith('Group:')) return { text, groups: [text.slice('Group:'.length)] };
  if (text.startsWith('ServiceAccount:')) {
    const [, ns, name] = text.split(':');
    return { text, user: `system:serviceaccount:${ns}:${name}`, groups: ['system:serviceaccounts', `system:serviceaccounts:${ns}`, 'system:authenticated'] };
  }
  const user = text.slice('User:'.length);
  return { text, user, groups: [...(world.userGroups[user] ?? []), 'system:authenticated'] };
}

/** Waits until no ClusterRole changes for two consecutive polls (the aggregation controller settled). */
async function settleClusterRoles(): Promise<void> {
  let last = '';
  let stable = 0;
  for (let i = 0; i < 120 && stable < 2; i++) {
    await sleep(500);
    const list = (await api.admin(`${RBAC_PATH}/clusterroles`)) as { items: { metadata: { name: string }; rules?: unknown }[] };
    const now = JSON.stringify(list.items.map((x) => [x.metadata.name, x.rules ?? []]));
    stable = now === last ? stable + 1 : 0;
    last = now;
  }
}

before(async () => {
  api = await startApiServer({ aggregator: true });
  // The bootstrap aggregates (admin, edit, view) are filled by the controller: wait for it.
  for (let i = 0; ; i++) {
    const admin = (await api.admin(`${RBAC_PATH}/clusterroles/admin`)) as { rules?: unknown[] };
    if ((admin.rules?.length ?? 0) > 0) break;
    if (i > 120) throw new Error(`clusterrole-aggregator did not fill ClusterRole/admin\n${api.logs()}`);
    await sleep(500);
  }
  await settleClusterRoles();
  const bootstrap = await loadCluster({
    kubeconfig: api.kubeconfig,
    env: {},
    kinds: CLUSTER_CATALOG.filter((e) => e.group === 'rbac.authorization.k8s.io' || e.resource === 'serviceaccounts'),
  });
  assert.deepEqual(bootstrap.gaps, []);
  world = randomWorld(new Rng(seed));
  const order = ['Namespace', 'ServiceAccount', 'ClusterRole', 'Role', 'ClusterRoleBinding', 'RoleBinding'];
  for (const kind of order) for (const o of world.objects.filter((x) => x.kind === kind)) await api.admin(apiPath(o), { method: 'POST', body: o });
  await settleClusterRoles();
  objectsFile = join(api.dir, 'rbac.yaml');
  groupsFile = join(api.dir, 'groups.yaml');
  // Rampart sees the bootstrap policy as read from the server, and the random world as written
  // (aggregated ClusterRoles with empty rules): aggregation is Rampart's to compute.
  writeFileSync(objectsFile, [...bootstrap.resources.map((r) => r.object), ...world.objects].map((o) => stringify(o)).join('---\n'));
  writeFileSync(groupsFile, stringify(world.userGroups));
}, { timeout: 240_000 });

after(async () => {
  await api?.stop();
});

describe(`RBAC oracle (seed ${seed}; replay with RAMPART_SEED=${seed})`, () => {
  it('the aggregation controller ran: aggregated ClusterRoles hold the rules of the roles they select', async () => {
    const aggregated = await Promise.all(['agg-0', 'agg-1', 'agg-2'].map(async (n) => ((await api.admin(`${RBAC_PATH}/clusterroles/${n}`)) as { rules?: unknown[] }).rules?.length ?? 0));
    const labelled = world.objects.filter((o) => o.kind === 'ClusterRole' && Object.keys(o.metadata?.labels ?? {}).some((k) => k.startsWith('rampart.test/agg-')));
    if (labelled.length > 0) assert.ok(aggregated.some((n) => n > 0), `seed ${seed}: ${labelled.length} labelled roles but aggregates are empty: ${aggregated.join(',')}`);
  });

  it('SubjectAccessReview equals `rampart rbac can-i` for random questions', { timeout: 600_000 }, async () => {
    const rng = new Rng(seed ^ 0x5bd1e995);
    const people = identities(world);
    const groups = ['team-x', 'team-y', 'team-z', 'system:authenticated', 'system:serviceaccounts'].map((g) => ({ text: `Group:${g}`, groups: [g] }));
    const mismatches: string[] = [];
    let allowed = 0;
    const cases = Array.from({ length: CAN_I }, () => ({ who: rng.chance(0.85) ? rng.pick(people) : rng.pick(groups), q: randomQuestion(rng) }));
    const server = await Promise.all(cases.map((c) => sar(c.who, c.q)));
    for (const [i, c] of cases.entries()) {
      const { code, out } = await cli(['rbac', 'can-i', c.who.text, ...cliQuestionArgs(c.q), objectsFile, '--groups-file', groupsFile, '--format', 'json']);
      assert.ok(code === 0 || code === 1, `can-i exit ${code}: ${out}`);
      const ours = (JSON.parse(out) as { allowed: boolean }).allowed;
      if (server[i]) allowed++;
      if (ours !== server[i]) mismatches.push(`${c.who.text} ${JSON.stringify(c.q)}: api server ${server[i]}, rampart ${ours}`);
    }
    assert.deepEqual(mismatches.slice(0, 10), [], `${mismatches.length}/${CAN_I} mismatches; replay with RAMPART_SEED=${seed}`);
    assert.ok(allowed > CAN_I * 0.05 && allowed < CAN_I * 0.95, `questions must exercise both answers (allowed ${allowed}/${CAN_I}, seed ${seed})`);
  });

  it('`rampart rbac who-can` lists exactly the subjects SubjectAccessReview allows', { timeout: 600_000 }, async () => {
    const rng = new Rng(seed ^ 0x27d4eb2f);
    const bindingGroups = new Set<string>();
    const { readFileSync } = await import('node:fs');
    const { parseAllDocuments } = await import('yaml');
    for (const doc of parseAllDocuments(readFileSync(objectsFile, 'utf8'))) {
      const o = doc.toJS() as K8sObject;
      for (const s of (o['subjects'] as { kind: string; name: string }[] | undefined) ?? []) if (s.kind === 'Group') bindingGroups.add(s.name);
    }
    const universe: Subject[] = [...identities(world), ...[...bindingGroups].map((g) => ({ text: `Group:${g}`, groups: [g] }))].filter((s) => s.text !== 'Group:system:masters');
    const problems: string[] = [];
    let nonEmpty = 0;
    for (let i = 0; i < WHO_CAN; i++) {
      const q = randomQuestion(rng);
      const { code, out } = await cli(['rbac', 'who-can', ...cliQuestionArgs(q), objectsFile, '--groups-file', groupsFile, '--format', 'json']);
      assert.equal(code, 0, out);
      const listed = new Set((JSON.parse(out) as { subjects: { subject: string }[] }).subjects.map((s) => s.subject).filter((s) => s !== 'Group:system:masters'));
      const listedAnswers = await Promise.all([...listed].map(async (s) => [s, await sar(identityOf(s), q)] as const));
      for (const [s, ok] of listedAnswers) if (!ok) problems.push(`${JSON.stringify(q)}: lists ${s}, whose SubjectAccessReview is denied`);
      const universeAnswers = await Promise.all(universe.map(async (s) => [s.text, await sar(s, q)] as const));
      for (const [s, ok] of universeAnswers) if (ok && !listed.has(s)) problems.push(`${JSON.stringify(q)}: ${s} is allowed but not listed`);
      if (listed.size > 0) nonEmpty++;
    }
    assert.deepEqual(problems.slice(0, 10), [], `${problems.length} problems; replay with RAMPART_SEED=${seed}`);
    assert.ok(nonEmpty > 0, 'some questions must have answers');
  });
});
