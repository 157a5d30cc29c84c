import { testControl } from '../../tester.js';
import control from './apiserver-pod-security-admission.js';
import { flagLine, flagPath, staticPod, unrelatedPod } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'default plugins', yaml: staticPod('kube-apiserver', ['--enable-admission-plugins=NodeRestriction']) },
    { name: 'a pod that is not the component', yaml: unrelatedPod },
  ],
  invalid: [
    {
      name: 'disabled',
      yaml: staticPod('kube-apiserver', ['--disable-admission-plugins=PodSecurity']),
      findings: [
        { message: 'kube-apiserver: --disable-admission-plugins "PodSecurity" includes PodSecurity', path: flagPath(0), line: flagLine(0) },
      ],
    },
  ],
});
