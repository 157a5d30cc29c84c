import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { BinaryBuildError, parseKubernetesGoMod, wrapperGoMod } from './ensure-binaries.js';
import { binaryPaths, stagingVersion } from './versions.js';

const GO_MOD = `module k8s.io/kubernetes

go 1.26.0

require (
	go.etcd.io/etcd/server/v3 v3.6.8 // indirect
	k8s.io/api v0.0.0
	k8s.io/apiserver v0.0.0
	k8s.io/sample-apiserver v0.0.0
)

require k8s.io/kms v0.0.0

replace (
	k8s.io/api => ./staging/src/k8s.io/api
	k8s.io/apiserver => ./staging/src/k8s.io/apiserver
	k8s.io/kms => ./staging/src/k8s.io/kms
	k8s.io/sample-apiserver => ./staging/src/k8s.io/sample-apiserver
	k8s.io/sample-cli-plugin => ./staging/src/k8s.io/sample-cli-plugin
)
`;

describe('ensure-binaries', () => {
  it('reads the staging modules that are required, and the pinned etcd', () => {
    assert.deepEqual(parseKubernetesGoMod(GO_MOD), { staging: ['k8s.io/api', 'k8s.io/apiserver', 'k8s.io/kms', 'k8s.io/sample-apiserver'], etcdVersion: 'v3.6.8' });
  });

  it('fails clearly when etcd is not pinned', () => {
    assert.throws(() => parseKubernetesGoMod('module k8s.io/kubernetes\n'), BinaryBuildError);
  });

  it('writes replaces at the matching v0.x.y', () => {
    const mod = wrapperGoMod('v1.36.3', ['k8s.io/api', 'k8s.io/kms'], 'v3.6.8', '1.26.0');
    assert.match(mod, /^go 1\.26\.0$/m);
    assert.match(mod, /^\tk8s\.io\/kubernetes v1\.36\.3$/m);
    assert.match(mod, /^\tgo\.etcd\.io\/etcd\/server\/v3 v3\.6\.8$/m);
    assert.match(mod, /^\tk8s\.io\/api => k8s\.io\/api v0\.36\.3$/m);
    assert.match(mod, /^\tk8s\.io\/kms => k8s\.io\/kms v0\.36\.3$/m);
  });

  it('staging versions and cache location', () => {
    assert.equal(stagingVersion('v1.34.10'), 'v0.34.10');
    assert.throws(() => stagingVersion('1.34'), /unexpected Kubernetes version/);
    assert.equal(binaryPaths({ RAMPART_K8S_CACHE: '/c' }).kubeApiserver, '/c/bin/kube-apiserver');
    assert.equal(binaryPaths({}).cacheDir.startsWith(join(homedir(), '.cache', 'rampart', 'k8s-v1.')), true);
  });
});
