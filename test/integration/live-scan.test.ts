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
const findingKey = (f: Finding) => `${f.control}|${objKey(f.resource.kind, f.resource.namespace, f.resource.name)}|${f.path}|${f.container ?? ''}`;

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

    const clusterKeys = new Set(fromCluster.findings.map(findingKey));
    const comparable = fromFiles.findings.filter((f) => created.has(objKey(f.resource.kind, f.resource.namespace, f.resource.name)));
    assert.ok(comparable.length > 10, 'the examples must produce findings on accepted objects');
    const missing = comparable.filter((f) => !clusterKeys.has(findingKey(f))).map((f) => `${findingKey(f)}: ${f.message}`);
    assert.deepEqual(missing, [], `findings from files missing in the cluster scan (refused objects:\n${refused.join('\n')})`);
    // Cluster findings have no file location.
    assert.ok(fromCluster.findings.every((f) => f.location === undefined));
  });
});
