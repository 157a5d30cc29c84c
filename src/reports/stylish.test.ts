import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CLUSTER_GROUP, formatStylish } from './stylish.js';
import { emptyResult, fixtureContext, fixtureResult } from './testing/fixtures.js';

const plain = formatStylish(fixtureResult(), fixtureContext());
const lines = plain.split('\n');

describe('stylish report', () => {
  it('groups findings by file, each line starting with file:line:col', () => {
    const idx = lines.indexOf('manifests/shop/web.yaml');
    assert.ok(idx >= 0);
    assert.deepEqual(
      lines.slice(idx + 1, idx + 4).map((l) => l.trim().split(/\s{2,}/).slice(0, 2)),
      [
        ['manifests/shop/web.yaml:24:18', 'medium'],
        ['manifests/shop/web.yaml:31:25', 'critical'],
        ['manifests/shop/web.yaml:36:11', 'high'],
      ],
    );
    assert.match(lines[idx + 2]!, /Container "app" is privileged {2}Deployment\/shop\/web {2}privileged-container$/);
  });

  it('shows findings without a location by resource, under the cluster group', () => {
    const idx = lines.indexOf(CLUSTER_GROUP);
    assert.ok(idx >= 0);
    assert.match(lines[idx + 1]!, /^ {2}ClusterRoleBinding\/ops-admins {2}critical {2}ClusterRoleBinding "ops-admins" grants cluster-admin/);
  });

  it('does not list suppressed findings individually, but counts them', () => {
    assert.ok(!plain.includes('node agent needs root'));
    assert.ok(plain.includes('suppressed: 3 (annotation 1, exception 1, baseline 1)'));
  });

  it('lists input errors, accounting, exceptions, coverage gaps and compliance', () => {
    for (const expected of [
      'Input errors (2)',
      '  manifests/shop/broken.yaml:7:3  error  bad indentation of a mapping entry  yaml-syntax',
      '8 findings (3 critical, 2 high, 1 medium, 1 low, 1 info)',
      '  by framework: CIS 6, NSA/CISA 5, PSS 4, MITRE 5',
      '  files: 6 total, 4 scanned, 1 skipped, 1 failed',
      '    skipped: manifests/shop/cronjob.yaml:30 document 2: document has no apiVersion/kind',
      '    skipped: manifests/shop/notes.txt (not a .yaml, .yml or .json file)',
      '  unused exception: rampart-exceptions.yaml#2 (host-namespaces): legacy monitoring stack',
      '  expired exception: rampart-exceptions.yaml#3 (privileged-container) expired 2026-01-31; it no longer suppresses',
      '  not covered: Secret in kube-system: could not list secrets in kube-system: forbidden',
      'Compliance',
      '  CIS Kubernetes Benchmark v1.12   33.3%  1 passed, 4 failed, 1 manual, 1 n/a',
      'Failed: findings at or above high.',
    ]) {
      assert.ok(lines.includes(expected), `missing line: ${expected}`);
    }
    assert.ok(!lines.includes('  5.2.2  FAIL    Minimize the admission of privileged containers  2 findings'), 'no per-item table after a full scan');
  });

  it('prints the per-item compliance table when the run is limited to one framework', () => {
    const result = fixtureResult();
    const cis = result.summary.compliance.filter((fw) => fw.framework === 'cis');
    const one = formatStylish({ ...result, summary: { ...result.summary, compliance: cis } }, fixtureContext()).split('\n');
    for (const expected of [
      'CIS Kubernetes Benchmark v1.12: score 33.3%',
      '  5.2.2  FAIL    Minimize the admission of privileged containers  2 findings',
      '  5.4.2  manual  Consider external secret storage  (manual recommendation: needs a human review)',
    ]) {
      assert.ok(one.includes(expected), `missing line: ${expected}`);
    }
  });

  it('uses colour only when asked, and never lets input emit escape sequences', () => {
    assert.ok(!plain.includes('\u001b'), 'plain output has no escape character at all');
    assert.ok(plain.includes('pwn\\u001b[2J line2'), 'the hostile ESC and newline are made visible');
    const colored = formatStylish(fixtureResult(), fixtureContext({ color: true }));
    assert.ok(colored.includes('\u001b[31mhigh    \u001b[39m'));
    assert.ok(!colored.includes('\u001b[2J'), 'the hostile clear-screen sequence is neutralised');
    assert.equal(colored.replace(/\u001b\[\d+m/g, ''), plain, 'colour changes nothing but escapes');
  });

  it('prints no compliance section when none was computed, and a clean verdict', () => {
    const clean = formatStylish(emptyResult(), fixtureContext());
    assert.ok(!clean.includes('score'));
    assert.ok(clean.startsWith('No findings\n'));
    assert.ok(clean.trimEnd().endsWith('Passed (fail-on: high).'));
  });
});
