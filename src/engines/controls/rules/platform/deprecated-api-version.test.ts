import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { testControl } from '../../tester.js';
import control from './deprecated-api-version.js';
import { API_REMOVALS, atLeast } from './lib/deprecated-apis.js';

const obj = (apiVersion: string, kind: string, name = 'x'): string => `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: ${name}\n  namespace: apps\n`;

testControl(control, {
  valid: [
    { name: 'current apps/v1', yaml: obj('apps/v1', 'Deployment') },
    { name: 'current batch/v1 CronJob', yaml: obj('batch/v1', 'CronJob') },
    { name: 'flowcontrol v1beta3 before it was deprecated', yaml: obj('flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema'), params: { targetVersion: '1.28' } },
    { name: 'a kind the group version never had', yaml: obj('networking.k8s.io/v1beta1', 'NetworkPolicy') },
  ],
  invalid: [
    {
      name: 'removed, mechanical fix',
      yaml: obj('batch/v1beta1', 'CronJob', 'nightly'),
      findings: [{ message: 'batch/v1beta1 CronJob is removed since Kubernetes 1.25; use batch/v1', path: '/apiVersion', line: 1, severity: 'high' }],
    },
    {
      name: 'removed, needs field changes',
      yaml: obj('extensions/v1beta1', 'Ingress'),
      findings: [
        {
          message: 'extensions/v1beta1 Ingress is removed since Kubernetes 1.22; use networking.k8s.io/v1 (backend fields are renamed and pathType is required)',
          path: '/apiVersion',
          line: 1,
        },
      ],
    },
    {
      name: 'no successor',
      yaml: obj('policy/v1beta1', 'PodSecurityPolicy'),
      findings: [{ message: 'policy/v1beta1 PodSecurityPolicy is removed since Kubernetes 1.25; PodSecurityPolicy is gone; use Pod Security Admission', path: '/apiVersion' }],
    },
    {
      name: 'deprecated but still served in the target',
      yaml: obj('flowcontrol.apiserver.k8s.io/v1beta3', 'PriorityLevelConfiguration'),
      params: { targetVersion: 'v1.30.2' },
      findings: [
        {
          message:
            'flowcontrol.apiserver.k8s.io/v1beta3 PriorityLevelConfiguration is deprecated since Kubernetes 1.29 and removed in 1.32; use flowcontrol.apiserver.k8s.io/v1 (v1 defaults nominalConcurrencyShares differently when it is 0)',
          path: '/apiVersion',
          line: 1,
          severity: 'low',
        },
      ],
    },
    {
      name: 'CSIStorageCapacity',
      yaml: obj('storage.k8s.io/v1beta1', 'CSIStorageCapacity'),
      findings: [{ message: 'storage.k8s.io/v1beta1 CSIStorageCapacity is removed since Kubernetes 1.27; use storage.k8s.io/v1', path: '/apiVersion', line: 1 }],
    },
  ],
});

describe('deprecated API table', () => {
  test('every row is deprecated before it is removed, and has a replacement or a note', () => {
    for (const r of API_REMOVALS) {
      assert.ok(atLeast(r.removedIn, r.deprecatedIn) && r.removedIn !== r.deprecatedIn, `${r.apiVersion} ${r.kind}`);
      assert.ok(r.replacement ?? r.note, `${r.apiVersion} ${r.kind}`);
      if (r.mechanical) assert.ok(r.replacement, `${r.apiVersion} ${r.kind} mechanical needs a replacement`);
    }
  });
  test('version comparison', () => {
    assert.equal(atLeast('1.34', '1.25'), true);
    assert.equal(atLeast('1.9', '1.16'), false);
    assert.equal(atLeast('2.0', '1.99'), true);
    assert.equal(atLeast('latest', '1.16'), false);
  });
  test('a malformed target version is an error, not a silent pass', () => {
    assert.throws(
      () =>
        control.check({
          resource: undefined as never,
          inventory: undefined as never,
          object: { apiVersion: 'batch/v1beta1', kind: 'CronJob', metadata: { name: 'x' } },
          params: { targetVersion: 'one-thirty' },
          report: () => {},
        }),
      /targetVersion "one-thirty" is not a Kubernetes version/,
    );
  });
});
