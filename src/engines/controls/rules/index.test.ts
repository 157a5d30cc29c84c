import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadText } from '../../../input/text.js';
import { Inventory } from '../../../model/inventory.js';
import { libraryControls } from './index.js';
import { resolve, runControls } from '../runner.js';
import type { ControlFailure } from '../runner.js';

const here = dirname(fileURLToPath(import.meta.url));
const DIRS = ['workload', 'secrets', 'exposure', 'rbac'];

const NSA = new Set([
  'pod-security/non-root', 'pod-security/immutable-filesystem', 'pod-security/secure-images', 'pod-security/enforcement',
  'pod-security/service-account-tokens', 'pod-security/hardening-container-environments', 'network/namespaces', 'network/network-policies',
  'network/resource-policies', 'network/control-plane', 'network/etcd', 'network/kubeconfig', 'network/worker-node-segmentation',
  'network/encryption', 'network/secrets', 'network/cloud-metadata', 'authn/authentication', 'authn/rbac', 'audit/logging',
  'audit/threat-detection', 'upgrading/application-security',
]);
const PSS = new Set([
  'hostNamespaces', 'privileged', 'capabilities_baseline', 'hostPathVolumes', 'hostPorts', 'hostProbesAndHostLifecycle', 'appArmorProfile',
  'seLinuxOptions', 'procMount', 'seccompProfile_baseline', 'sysctls', 'windowsHostProcess', 'allowPrivilegeEscalation', 'runAsNonRoot',
  'runAsUser', 'seccompProfile_restricted', 'capabilities_restricted', 'restrictedVolumes', 'procMount_restricted',
]);

describe('library registry', () => {
  test('every control file is registered, once, under its file name', () => {
    const files = DIRS.flatMap((d) => readdirSync(join(here, d)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => f.slice(0, -3)));
    const ids = libraryControls.map((c) => c.meta.id);
    assert.equal(new Set(ids).size, ids.length, 'duplicate control IDs');
    assert.deepEqual([...ids].sort(), [...files].sort());
    for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  test('every control has a table test importing it', () => {
    const tests = DIRS.flatMap((d) => readdirSync(join(here, d)).filter((f) => f.endsWith('.test.ts')).map((f) => readFileSync(join(here, d, f), 'utf8')));
    for (const c of libraryControls) {
      assert.ok(
        tests.some((t) => t.includes(`'./${c.meta.id}.js'`) && t.includes('testControl(')),
        `${c.meta.id} has no testControl table`,
      );
    }
  });

  test('framework mappings use the shared ID scheme', () => {
    for (const c of libraryControls) {
      const f = c.meta.frameworks;
      for (const id of f.cis ?? []) assert.match(id, /^[1-5](\.\d+){2}$/, `${c.meta.id}: CIS ${id}`);
      for (const id of f.nsa ?? []) assert.ok(NSA.has(id), `${c.meta.id}: NSA ${id}`);
      for (const id of f.pss ?? []) assert.ok(PSS.has(id), `${c.meta.id}: PSS ${id}`);
      for (const id of f.mitre ?? []) assert.match(id, /^T\d{4}(\.\d{3})?$/, `${c.meta.id}: MITRE ${id}`);
      const mapped = (f.cis?.length ?? 0) + (f.nsa?.length ?? 0) + (f.pss?.length ?? 0) + (f.mitre?.length ?? 0);
      assert.ok(mapped > 0, `${c.meta.id} maps to no framework`);
    }
  });

  test('parameter defaults have their declared type', () => {
    for (const c of libraryControls) {
      for (const [name, spec] of Object.entries(c.meta.params ?? {})) {
        const d: unknown = spec.default;
        const ok = spec.type === 'string[]' ? Array.isArray(d) && d.every((x) => typeof x === 'string') : typeof d === spec.type;
        assert.ok(ok, `${c.meta.id}.${name}`);
      }
    }
  });

  test('hostile shapes never make a control throw', () => {
    const hostile = `apiVersion: v1
kind: Pod
metadata: { name: a, annotations: { x: 1 } }
spec:
  securityContext: [1, 2]
  containers: "nope"
  initContainers: [null, 3, { name: 7, securityContext: "x", env: { a: 1 }, ports: [null], volumeMounts: "v", resources: [] }]
  ephemeralContainers: [{ securityContext: { capabilities: { add: "ALL", drop: [1, null] }, seccompProfile: "x" }, image: 5 }]
  volumes: [{ name: h, hostPath: "x" }, { hostPath: { path: 3 } }, null]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: d }
spec: { template: 3 }
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: { name: r }
rules: [null, { verbs: "*", resources: [1], apiGroups: null }]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: { name: b, namespace: n }
roleRef: "x"
subjects: [null, { kind: User }, "s"]
---
apiVersion: v1
kind: ConfigMap
metadata: { name: c }
data: [1]
binaryData: { k: "%%%" }
---
apiVersion: v1
kind: Service
metadata: { name: s }
spec: { type: LoadBalancer, externalIPs: "1.2.3.4", loadBalancerSourceRanges: [1] }
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: i }
spec: { tls: [null, { hosts: "x" }], rules: [null, { host: 3 }] }
---
apiVersion: v1
kind: Namespace
metadata: { name: n, labels: { pod-security.kubernetes.io/enforce: 3 } }
`;
    const { resources } = loadText(hostile, 'hostile.yaml');
    const failures: ControlFailure[] = [];
    runControls(resources, new Inventory(resources), libraryControls.map(resolve), (f) => failures.push(f));
    assert.deepEqual(failures.map((f) => `${f.control}: ${f.error.message}`), []);
  });
});
