import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testControl } from '../../tester.js';
import control from './image-tag-latest.js';
import { parseImage } from '../templates/image.js';

const pod = (image: string): string => `apiVersion: v1
kind: Pod
metadata: { name: w }
spec:
  containers:
  - name: a
    image: ${image}
`;

testControl(control, {
  valid: [
    { name: 'version tag', yaml: pod('nginx:1.27') },
    { name: 'registry with port and tag', yaml: pod('registry.local:5000/team/app:v2') },
    { name: 'digest without tag', yaml: pod('nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef') },
  ],
  invalid: [
    { name: 'no tag', yaml: pod('nginx'), findings: [{ message: 'container "a" uses image "nginx" without a tag (resolves to latest)', path: '/spec/containers/0/image', line: 7 }] },
    {
      name: 'registry port is not a tag',
      yaml: pod('registry.local:5000/app'),
      findings: [{ message: 'container "a" uses image "registry.local:5000/app" without a tag (resolves to latest)', path: '/spec/containers/0/image', line: 7 }],
    },
    { name: 'latest', yaml: pod('ghcr.io/acme/app:latest'), findings: [{ message: 'container "a" uses image "ghcr.io/acme/app:latest" with the latest tag', path: '/spec/containers/0/image' }] },
    {
      name: 'missing image',
      yaml: 'apiVersion: v1\nkind: Pod\nmetadata: { name: w }\nspec:\n  containers:\n  - name: a\n',
      findings: [{ message: 'container "a" has no image', path: '/spec/containers/0', line: 6 }],
    },
  ],
});

test('image references parse like the Docker reference grammar', () => {
  assert.deepEqual(parseImage('nginx'), { registry: 'docker.io', repository: 'library/nginx' });
  assert.deepEqual(parseImage('localhost/app:1'), { registry: 'localhost', repository: 'app', tag: '1' });
  assert.deepEqual(parseImage('acme/app:1@sha256:abc'), { registry: 'docker.io', repository: 'acme/app', tag: '1', digest: 'sha256:abc' });
  assert.deepEqual(parseImage('index.docker.io/library/nginx'), { registry: 'docker.io', repository: 'library/nginx' });
});
