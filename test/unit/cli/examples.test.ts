import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rampart } from './harness.js';
import { FORMATS } from '../../../src/reports/index.js';

const repo = join(fileURLToPath(import.meta.url), '..', '..', '..', '..');
/** Credentials planted in examples/: they must never reach any output. */
const SECRETS = ['AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'correct-horse-battery', 's3cr3t-Sup3r-L0ng-Sess10n-K3y-9f8e7d6c'];

test('the bundled examples scan with findings in every namespace and no input errors', async () => {
  const r = await rampart(['scan', 'examples/', '--format', 'json'], { cwd: repo });
  assert.equal(r.code, 1, r.stderr);
  const report = JSON.parse(r.stdout) as { findings: { control: string; resource: { kind: string; name: string; namespace?: string } }[]; errors: unknown[]; summary: { files: { failed: number } } };
  assert.deepEqual(report.errors, []);
  assert.equal(report.summary.files.failed, 0);
  // A Namespace's own findings (e.g. an invalid Pod Security label) count for that namespace.
  const namespaces = new Set(report.findings.map((f) => (f.resource.kind === 'Namespace' ? f.resource.name : f.resource.namespace)));
  for (const ns of ['shop', 'payments', 'monitoring', 'ci', 'default', 'kube-system']) assert.ok(namespaces.has(ns), `findings in ${ns}`);
  // The multi-hop RBAC analysis finds the CI deployer's path to cluster-admin (bind on clusterrolebindings).
  assert.ok(report.findings.some((f) => f.control === 'rbac-escalation-path'), 'an RBAC escalation path');
  // The invalid PSA label on the ci namespace is reported with upstream's fallback.
  assert.ok(report.findings.some((f) => f.control === 'pod-security-namespace' && f.resource.name === 'ci'), 'invalid PSA label');
});

for (const format of FORMATS) {
  test(`secret values never appear in the ${format} report`, async () => {
    const r = await rampart(['scan', 'examples/', '--format', format], { cwd: repo });
    for (const s of SECRETS) assert.ok(!r.stdout.includes(s) && !r.stderr.includes(s), `${format} leaks ${s.slice(0, 6)}…`);
  });
}
