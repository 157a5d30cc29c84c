/**
 * Live scan parity: seed a real API server with the objects of examples/, then every finding
 * `rampart scan examples/` reports on an object the server accepted must also be reported by the
 * cluster scan (same control, object, path and container). Objects the server refuses (kinds it
 * does not serve, pods denied by the examples' own Pod Security labels) are listed, not compared.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { startApiServer, type ApiServer } from './helpers/apiserver.js';
import { ApiStatusError, CLUSTER_CATALOG } from '../../src/input/cluster/index.js';
import { loadPaths, type LoadResult } from '../../src/input/index.js';
import { scanInputFromCluster } from '../../src/interfaces/cli/commands/snapshot.js';
import type { CliIO } from '../../src/interfaces/cli/io.js';
import type { Finding } from '../../src/model/finding.js';
import type { K8sObject } from '../../src/model/types.js';
import { allControls } from '../../src/engines/controls/registry.js';
import { loadConfig } from '../../src/config/config.js';
import { runScan } from '../../src/scan/run.js';
import type { ScanInput } from '../../src/scan/run.js';

const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding', 'AdminNetworkPolicy', 'BaselineAdminNetworkPolicy']);
const ORDER = ['Namespace', 'ServiceAccount', 'ClusterRole', 'Role'];

let api: ApiServer;
let files: LoadResult;
const created = new Set<string>();
const refused: string[] = [];

const objKey = (kind: string, namespace: string | undefined, name: string) => `${kind}/${CLUSTER_SCOPED.has(kind) ? '' : (namespace ?? 'default')}/${name}`;

/**
 * Differences that come from the API server, not from reading: it defaults `imagePullPolicy`
 * (IfNotPresent for tagged images), so a control about the field being absent cannot fire on
 * cluster objects. Listed here so any other difference fails.
 */
const SERVER_DEFAULTED: Record<string, string> = { 'image-pull-policy': 'the API server defaults imagePullPolicy' };

/**
 * What "the same finding" means across files and a cluster: same control, object and container.
 * Not the path: defaulting adds fields (`resources: {}`), which moves the pointer to the nearest
 * existing field. Namespace-level controls report on the Namespace object when it is present (it
 * always is in a cluster) and on the namespace's first workload otherwise: key them by namespace.
 */
function findingKey(f: Finding, namespaceLevel: ReadonlySet<string>): string {
  if (namespaceLevel.has(f.control)) return `${f.control}|ns:${f.resource.kind === 'Namespace' ? f.resource.name : (f.resource.namespace ?? 'default')}`;
  return `${f.control}|${objKey(f.resource.kind, f.resource.namespace, f.resource.name)}|${f.container ?? ''}`;
}

function createPath(o: K8sObject): string | undefined {
  const slash = o.apiVersion.indexOf('/');
  const group = slash >= 0 ? o.apiVersion.slice(0, slash) : '';
  const entry = CLUSTER_CATALOG.find((e) => e.kind === o.kind && e.group === group);
  if (!entry) return undefined;
  const base = group ? `/apis/${o.apiVersion}` : `/api/${o.apiVersion}`;
  return CLUSTER_SCOPED.has(o.kind) ? `${base}/${entry.resource}` : `${base}/namespaces/${o.metadata?.namespace ?? 'default'}/${entry.resource}`;
}

before(async () => {
  api = await startApiServer();
  files = await loadPaths(['examples']);
  const objects = files.resources.map((r) => r.object);
  const rank = (o: K8sObject) => (ORDER.includes(o.kind) ? ORDER.indexOf(o.kind) : ORDER.length);
  for (const o of [...objects].sort((a, b) => rank(a) - rank(b))) {
    const name = o.metadata?.name ?? '';
    const path = createPath(o);
    if (!path) {
      refused.push(`${o.kind}/${name}: not an API object Rampart reads from clusters`);
      continue;
    }
    try {
      await api.admin(path, { method: 'POST', body: o });
      created.add(objKey(o.kind, o.metadata?.namespace, name));
    } catch (err) {
      if (!(err instanceof ApiStatusError)) throw err;
      refused.push(`${o.kind}/${name}: HTTP ${err.status} ${err.message}`);
    }
  }
}, { timeout: 180_000 });

after(async () => {
  await api?.stop();
});

describe('scan --cluster finds what scan examples/ finds', () => {
  it('every file finding on an object the server accepted is found in the cluster', async () => {
    assert.ok(created.size >= 20, `most examples must be accepted; refused:\n${refused.join('\n')}`);
    const controls = allControls();
    const config = loadConfig(undefined, process.cwd(), controls);
    const fromFiles = runScan(files, { controls, config });
    const stderr = new PassThrough();
    let err = '';
    stderr.on('data', (c: Buffer) => (err += c.toString()));
    const io: CliIO = { stdout: new PassThrough(), stderr, readStdin: async () => '', cwd: process.cwd(), env: {} };
    const input = await scanInputFromCluster({ cluster: true, kubeconfig: api.kubeconfig }, io);
    assert.notEqual(typeof input, 'number', err);
    const fromCluster = runScan(input as ScanInput, { controls, config });
    assert.deepEqual((input as ScanInput).coverageGaps, []);

    const namespaceLevel = new Set([...fromFiles.findings, ...fromCluster.findings].filter((f) => f.resource.kind === 'Namespace').map((f) => f.control));
    const key = (f: Finding) => findingKey(f, namespaceLevel);
    const clusterKeys = new Set(fromCluster.findings.map(key));
    const comparable = fromFiles.findings.filter((f) => created.has(objKey(f.resource.kind, f.resource.namespace, f.resource.name)) && !(f.control in SERVER_DEFAULTED));
    assert.ok(comparable.length > 10, 'the examples must produce findings on accepted objects');
    const missing = comparable.filter((f) => !clusterKeys.has(key(f))).map((f) => `${key(f)}: ${f.message}`);
    assert.deepEqual(missing, [], `findings from files missing in the cluster scan (refused objects:\n${refused.join('\n')})`);
    // Cluster findings have no file location.
    assert.ok(fromCluster.findings.every((f) => f.location === undefined));
  });
});
