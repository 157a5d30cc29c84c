import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadText } from './text.js';

const RENDERED = `---
# Source: web/templates/service.yaml
apiVersion: v1
kind: Service
metadata: { name: web }
---
# Source: web/templates/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  template:
    spec:
      containers:
      - name: web
        securityContext: { privileged: true }
---
apiVersion: v1
kind: ConfigMap
metadata: { name: plain }
`;

test('already rendered Helm output: template from each # Source: comment, positions in the given file', () => {
  const { resources, errors } = loadText(RENDERED, 'out/rendered.yaml');
  assert.deepEqual(errors, []);
  assert.deepEqual(
    resources.map((r) => [r.object.kind, r.source.file, r.source.template]),
    [
      ['Service', 'out/rendered.yaml', 'web/templates/service.yaml'],
      ['Deployment', 'out/rendered.yaml', 'web/templates/deployment.yaml'],
      ['ConfigMap', 'out/rendered.yaml', undefined],
    ],
  );
  const loc = resources[1]!.source.locate('/spec/template/spec/containers/0/securityContext/privileged');
  assert.deepEqual([loc?.file, loc?.line], ['out/rendered.yaml', 16]);
});

test('a # Source: comment after content starts is not a heading', () => {
  const { resources } = loadText('apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x }\n# Source: not/a/heading.yaml\n', 'x.yaml');
  assert.equal(resources[0]?.source.template, undefined);
});
