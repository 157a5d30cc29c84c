import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadText } from '../../input/text.js';
import { recommend } from './recommend.js';
import { MAX_MINOR } from './registry.js';

const pinned = `v1.${MAX_MINOR}`;

function pod(name: string, ns: string | undefined, spec: string): string {
  return `apiVersion: v1
kind: Pod
metadata: { name: ${name}${ns ? `, namespace: ${ns}` : ''} }
spec:
${spec}
---
`;
}

const restrictedSpec = `  securityContext: { runAsNonRoot: true, seccompProfile: { type: RuntimeDefault } }
  containers:
  - name: c
    image: i
    securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: [ALL] } }`;
// Passes restricted before v1.22 (no drop ALL) and before v1.8 nothing about escalation: newest passing is v1.21.
const restrictedUntil121 = `  securityContext: { runAsNonRoot: true, seccompProfile: { type: RuntimeDefault } }
  containers:
  - name: c
    image: i
    securityContext: { allowPrivilegeEscalation: false }`;
const baselineSpec = `  containers:
  - name: c
    image: i`;
const privilegedSpec = `  hostNetwork: true
  containers:
  - name: c
    image: i`;

function run(yaml: string) {
  return recommend(loadText(yaml, 'in.yaml').resources);
}

describe('recommend', () => {
  const cases: { name: string; yaml: string; expect: [string, string, string | null, string[], string | null][] }[] = [
    { name: 'all restricted', yaml: pod('a', 'ns1', restrictedSpec), expect: [['ns1', 'restricted', null, [], null]] },
    {
      name: 'one baseline workload keeps the namespace at baseline and blocks restricted',
      yaml: pod('a', 'ns1', restrictedSpec) + pod('b', 'ns1', baselineSpec),
      expect: [['ns1', 'baseline', 'restricted', ['b'], null]],
    },
    {
      name: 'older policy versions of the next level are reported',
      yaml: pod('a', 'ns1', restrictedUntil121),
      expect: [['ns1', 'baseline', 'restricted', ['a'], 'v1.21']],
    },
    { name: 'host networking blocks baseline', yaml: pod('h', 'ns2', privilegedSpec), expect: [['ns2', 'privileged', 'baseline', ['h'], null]] },
    {
      name: 'namespaces sorted; workloads without namespace go to default; an empty Namespace is restricted',
      yaml: pod('x', undefined, baselineSpec) + 'apiVersion: v1\nkind: Namespace\nmetadata: { name: empty }\n---\n' + pod('y', 'b', restrictedSpec),
      expect: [
        ['b', 'restricted', null, [], null],
        ['default', 'baseline', 'restricted', ['x'], null],
        ['empty', 'restricted', null, [], null],
      ],
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const recs = run(c.yaml);
      assert.deepEqual(
        recs.map((r) => [r.namespace, r.recommended.level, r.next?.level ?? null, r.next?.blockers.map((b) => b.name) ?? [], r.next?.satisfiedAtVersion ?? null]),
        c.expect,
      );
      for (const r of recs) assert.equal(r.recommended.version, pinned);
    });
  }

  test('labels, kubectl command and YAML patch', () => {
    const [r] = run('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: { pod-security.kubernetes.io/enforce: privileged }\n---\n' + pod('b', 'shop', baselineSpec));
    assert.ok(r);
    assert.equal(r.currentEnforce, 'privileged:latest');
    assert.deepEqual(r.currentLabels, { 'pod-security.kubernetes.io/enforce': 'privileged' });
    assert.deepEqual(r.labels, {
      'pod-security.kubernetes.io/enforce': 'baseline',
      'pod-security.kubernetes.io/enforce-version': pinned,
      'pod-security.kubernetes.io/warn': 'restricted',
      'pod-security.kubernetes.io/warn-version': 'latest',
      'pod-security.kubernetes.io/audit': 'restricted',
      'pod-security.kubernetes.io/audit-version': 'latest',
    });
    assert.equal(
      r.kubectl,
      `kubectl label --overwrite namespace shop pod-security.kubernetes.io/enforce=baseline pod-security.kubernetes.io/enforce-version=${pinned} pod-security.kubernetes.io/warn=restricted pod-security.kubernetes.io/warn-version=latest pod-security.kubernetes.io/audit=restricted pod-security.kubernetes.io/audit-version=latest`,
    );
    assert.equal(
      r.patch,
      `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    pod-security.kubernetes.io/enforce: baseline\n    pod-security.kubernetes.io/enforce-version: ${pinned}\n    pod-security.kubernetes.io/warn: restricted\n    pod-security.kubernetes.io/warn-version: latest\n    pod-security.kubernetes.io/audit: restricted\n    pod-security.kubernetes.io/audit-version: latest\n`,
    );
    assert.match(r.next?.blockers[0]?.message ?? '', /^allowPrivilegeEscalation != false/);
  });

  test('a hostile namespace name is shell-quoted', () => {
    const [r] = run(pod('a', "x'; rm -rf /", restrictedSpec));
    assert.ok(r?.kubectl.includes(`namespace 'x'\\''; rm -rf /' `), r?.kubectl);
  });
});
