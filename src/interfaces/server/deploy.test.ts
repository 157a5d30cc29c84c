/**
 * deploy/: Rampart eats its own cooking (`rampart scan deploy/` has zero findings) and the
 * manifests keep the properties the webhook's safety depends on.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { loadPaths, loadText } from '../../input/index.js';
import { runScan } from '../../scan/run.js';
import { EMPTY_CONFIG, parseConfig } from '../../config/config.js';
import { allControls } from '../../engines/controls/registry.js';
import { admissionConfigOf } from '../../engines/admission/index.js';
import type { K8sObject } from '../../model/types.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

describe('deploy/ manifests', () => {
  let objects: K8sObject[] = [];
  const find = (kind: string, name?: string): K8sObject => {
    const o = objects.find((x) => x.kind === kind && (name === undefined || x.metadata?.name === name));
    assert.ok(o, `${kind} ${name ?? ''} in deploy/`);
    return o;
  };
  before(async () => {
    const input = await loadPaths(['deploy'], { cwd: ROOT });
    assert.deepEqual(input.errors, []);
    objects = input.resources.map((r) => r.object);
  });

  const VACUOUS = 'netpol-workload-reachable-from-everything';

  it('rampart scan deploy/ reports zero findings and no errors', async () => {
    const input = await loadPaths(['deploy'], { cwd: ROOT });
    const result = runScan(input, { controls: allControls(), config: EMPTY_CONFIG });
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.findings.map((f) => `${f.control} ${f.location?.file}:${f.location?.line} ${f.message}`), []);
    assert.equal(result.summary.suppressed.total, 0, 'nothing hidden by suppressions');
  });

  it('no pod can reach the webhook: judged beside another workload', async () => {
    const input = await loadPaths(['deploy'], { cwd: ROOT });
    const peer = loadText('apiVersion: v1\nkind: Pod\nmetadata: {name: client, namespace: apps}\nspec: {containers: [{name: c, image: x}]}\n', 'peer.yaml');
    assert.equal(peer.resources.length, 1);
    const controls = allControls().filter((c) => c.meta.id === VACUOUS);
    const result = runScan({ ...input, resources: [...input.resources, ...peer.resources] }, { controls, config: EMPTY_CONFIG });
    // The control does judge here: the peer pod, which no policy selects, is reported.
    if (controls.length > 0) assert.ok(result.findings.some((f) => f.resource.name === 'client'));
    assert.deepEqual(result.findings.filter((f) => f.resource.name === 'rampart-webhook').map((f) => f.message), []);
  });

  it('webhook configurations: v1 reviews, no side effects, timeouts ≤ 3 s, system namespaces excluded', () => {
    for (const kind of ['ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration']) {
      const hooks = find(kind)['webhooks'] as Record<string, unknown>[];
      assert.ok(hooks.length > 0);
      for (const h of hooks) {
        assert.deepEqual(h['admissionReviewVersions'], ['v1']);
        assert.equal(h['sideEffects'], 'None');
        assert.ok(typeof h['timeoutSeconds'] === 'number' && h['timeoutSeconds'] <= 3 && h['timeoutSeconds'] >= 1);
        assert.ok(h['failurePolicy'] === 'Fail' || h['failurePolicy'] === 'Ignore');
        const sel = h['namespaceSelector'] as { matchExpressions: { key: string; operator: string; values: string[] }[] };
        const excluded = sel.matchExpressions.find((e) => e.key === 'kubernetes.io/metadata.name' && e.operator === 'NotIn');
        assert.deepEqual([...(excluded?.values ?? [])].sort(), ['kube-system', 'rampart-system']);
        const svc = (h['clientConfig'] as { service: { namespace: string; name: string; path: string } }).service;
        assert.deepEqual([svc.namespace, svc.name], ['rampart-system', 'rampart-webhook']);
        assert.equal(svc.path, kind.startsWith('Validating') ? '/validate' : '/mutate');
      }
    }
    // Fail-closed validation, fail-open mutation (docs/admission.md explains the trade-off).
    assert.equal((find('ValidatingWebhookConfiguration')['webhooks'] as { failurePolicy: string }[])[0]?.failurePolicy, 'Fail');
    assert.equal((find('MutatingWebhookConfiguration')['webhooks'] as { failurePolicy: string }[])[0]?.failurePolicy, 'Ignore');
  });

  it('Deployment: ≥ 2 replicas, anti-affinity, hardened, bounded; PDB; NetworkPolicy; least RBAC', () => {
    const dep = find('Deployment', 'rampart-webhook') as K8sObject & { spec: { replicas: number; template: { spec: Record<string, unknown> } } };
    assert.ok(dep.spec.replicas >= 2);
    const pod = dep.spec.template.spec;
    assert.ok((pod['affinity'] as { podAntiAffinity?: unknown }).podAntiAffinity);
    const c = (pod['containers'] as Record<string, unknown>[])[0] as { securityContext: Record<string, unknown>; resources: { requests: object; limits: { memory: string; cpu: string } }; args: string[] };
    assert.deepEqual(c.securityContext['capabilities'], { drop: ['ALL'] });
    assert.equal(c.securityContext['readOnlyRootFilesystem'], true);
    assert.equal(c.securityContext['allowPrivilegeEscalation'], false);
    assert.ok(c.resources.limits.memory && c.resources.limits.cpu && c.resources.requests);
    assert.ok(find('PodDisruptionBudget', 'rampart-webhook'));
    assert.ok(find('NetworkPolicy', 'rampart-webhook'));
    const role = find('ClusterRole', 'rampart-webhook') as K8sObject & { rules: unknown[] };
    assert.deepEqual(role.rules, [{ apiGroups: [''], resources: ['namespaces'], verbs: ['get'] }]);
    assert.equal(c.args[0], 'admit');
  });

  it('the shipped rampart.yaml is a valid admission config', () => {
    const cm = find('ConfigMap', 'rampart-config') as K8sObject & { data: Record<string, string> };
    const controls = allControls();
    const config = parseConfig(cm.data['rampart.yaml'] ?? '', 'rampart.yaml', controls);
    const admission = admissionConfigOf(config, new Set(controls.map((x) => x.meta.id)), ROOT);
    assert.deepEqual(admission.exemptions.namespaces, ['rampart-system', 'kube-system']);
    assert.equal(admission.limits.maxBodyBytes, 3 * 1024 * 1024);
  });
});
