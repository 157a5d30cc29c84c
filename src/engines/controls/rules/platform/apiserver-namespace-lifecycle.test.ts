import { testControl } from '../../tester.js';
import control from './apiserver-namespace-lifecycle.js';
import { flagLine, flagPath, staticPod, unrelatedPod } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'not disabled', yaml: staticPod('kube-apiserver', ['--disable-admission-plugins=DefaultStorageClass']) },
    { name: 'a pod that is not the component', yaml: unrelatedPod },
  ],
  invalid: [
    {
      name: 'disabled among others',
      yaml: staticPod('kube-apiserver', ['--disable-admission-plugins=DefaultStorageClass,NamespaceLifecycle']),
      findings: [
        { message: 'kube-apiserver: --disable-admission-plugins "DefaultStorageClass,NamespaceLifecycle" includes NamespaceLifecycle', path: flagPath(0), line: flagLine(0) },
      ],
    },
  ],
});
