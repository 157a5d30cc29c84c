import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testControl } from '../../tester.js';
import control from './sensitive-host-path.js';
import { exposes, normalizeHostPath } from '../templates/host-path.js';

const pod = (path: string): string => `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers: [{ name: app }]
  volumes:
  - name: host
    hostPath:
      path: ${path}
`;

testControl(control, {
  valid: [
    { name: 'ordinary data directory', yaml: pod('/mnt/data') },
    { name: 'sibling name is not inside /etc', yaml: pod('/etcetera') },
    { name: 'path removed from the list by parameter', yaml: pod('/var/log/app'), params: { sensitivePaths: ['/etc'] } },
  ],
  invalid: [
    {
      name: 'docker socket through the /var/run symlink',
      yaml: pod('/var/run/docker.sock'),
      findings: [{ message: 'volume "host" mounts the sensitive host path "/var/run/docker.sock" (exposes /run/docker.sock)', path: '/spec/volumes/0/hostPath/path', severity: 'critical', line: 9 }],
    },
    {
      name: 'the root file system',
      yaml: pod('/'),
      findings: [{ message: 'volume "host" mounts the sensitive host path "/"', path: '/spec/volumes/0/hostPath/path', severity: 'critical', line: 9 }],
    },
    {
      name: 'an ancestor of the kubelet state',
      yaml: pod('/var/lib/'),
      findings: [{ message: 'volume "host" mounts the sensitive host path "/var/lib/" (exposes /var/lib/kubelet)', path: '/spec/volumes/0/hostPath/path', severity: 'critical' }],
    },
    {
      name: 'inside /etc with a dot-dot trick',
      yaml: pod('/opt/../etc/ssl'),
      findings: [{ message: 'volume "host" mounts the sensitive host path "/opt/../etc/ssl" (exposes /etc)', path: '/spec/volumes/0/hostPath/path', severity: 'high' }],
    },
  ],
});

test('host path normalisation and tree matching', () => {
  assert.equal(normalizeHostPath('//var/run/../run/./x/'), '/run/x');
  assert.equal(exposes('/', '/etc'), true);
  assert.equal(exposes('/var', '/'), false);
  assert.equal(exposes('/etc/kubernetes/pki', '/etc/kubernetes'), true);
  assert.equal(exposes('/etc/kubernetesx', '/etc/kubernetes'), false);
});
