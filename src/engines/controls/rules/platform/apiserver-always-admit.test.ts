import { testControl } from '../../tester.js';
import control from './apiserver-always-admit.js';
import { flagLine, flagPath, staticPod, unrelatedPod } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'not enabled', yaml: staticPod('kube-apiserver', ['--enable-admission-plugins=NodeRestriction']) },
    { name: 'flag absent', yaml: staticPod('kube-apiserver', ['--secure-port=6443']) },
    { name: 'a pod that is not the component', yaml: unrelatedPod },
  ],
  invalid: [
    {
      name: 'enabled with others',
      yaml: staticPod('kube-apiserver', ['--enable-admission-plugins=NodeRestriction,AlwaysAdmit']),
      findings: [
        { message: 'kube-apiserver: --enable-admission-plugins "NodeRestriction,AlwaysAdmit" includes AlwaysAdmit', path: flagPath(0), line: flagLine(0) },
      ],
    },
    {
      name: 'enabled alone',
      yaml: staticPod('kube-apiserver', ['--enable-admission-plugins=AlwaysAdmit']),
      findings: [
        { message: 'kube-apiserver: --enable-admission-plugins "AlwaysAdmit" includes AlwaysAdmit', path: flagPath(0), line: flagLine(0) },
      ],
    },
    {
      name: 'legacy --admission-control',
      yaml: staticPod('kube-apiserver', ['--admission-control=AlwaysAdmit,NodeRestriction']),
      findings: [
        { message: 'kube-apiserver: --admission-control "AlwaysAdmit,NodeRestriction" includes AlwaysAdmit', path: flagPath(0), line: flagLine(0) },
      ],
    },
  ],
});
