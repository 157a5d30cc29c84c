import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadText } from '../input/text.js';
import { containersOf, effective, podTemplateOf, serviceAccountOf, WORKLOAD_KINDS } from './workloads.js';

const yaml = `apiVersion: batch/v1
kind: CronJob
metadata: { name: nightly, namespace: ops }
spec:
  schedule: "0 0 * * *"
  jobTemplate:
    spec:
      template:
        metadata:
          labels: { app: nightly }
        spec:
          securityContext:
            runAsUser: 1000
          initContainers:
          - name: init
            image: busybox
          containers:
          - name: main
            image: nginx
            securityContext:
              runAsUser: 0
          ephemeralContainers:
          - name: debug
            image: busybox
`;

test('reaches the pod template of a CronJob with labels and every container type', () => {
  const [r] = loadText(yaml, 'c.yaml').resources;
  assert.ok(r);
  const view = podTemplateOf(r.object);
  assert.ok(view);
  assert.equal(view.specPath, '/spec/jobTemplate/spec/template/spec');
  assert.deepEqual(view.labels, { app: 'nightly' });
  assert.deepEqual(containersOf(view).map((c) => `${c.type}:${c.name}:${c.path}`), [
    'initContainers:init:/spec/jobTemplate/spec/template/spec/initContainers/0',
    'containers:main:/spec/jobTemplate/spec/template/spec/containers/0',
    'ephemeralContainers:debug:/spec/jobTemplate/spec/template/spec/ephemeralContainers/0',
  ]);
  assert.equal(serviceAccountOf(view), 'default');
});

test('container security context overrides the pod; unset inherits from the pod', () => {
  const [r] = loadText(yaml, 'c.yaml').resources;
  const view = podTemplateOf(r!.object)!;
  const [init, main] = containersOf(view);
  const mainUser = effective(view, main!, 'runAsUser');
  assert.deepEqual([mainUser.value, mainUser.from], [0, 'container']);
  assert.equal(r!.source.locate(mainUser.path)?.line, 21);
  const initUser = effective(view, init!, 'runAsUser');
  assert.deepEqual([initUser.value, initUser.from], [1000, 'pod']);
  assert.equal(r!.source.locate(initUser.path)?.line, 13);
  const initNonRoot = effective(view, init!, 'runAsNonRoot');
  assert.equal(initNonRoot.from, 'unset');
  assert.equal(r!.source.locate(initNonRoot.path)?.line, 15, 'unset falls back to the container itself');
});

test('every workload kind yields a pod template; other kinds do not', () => {
  for (const kind of WORKLOAD_KINDS) assert.ok(podTemplateOf({ apiVersion: 'v1', kind }), kind);
  assert.equal(podTemplateOf({ apiVersion: 'v1', kind: 'Service' }), undefined);
});
