import { testControl } from '../../tester.js';
import control from './apiserver-service-account-admission.js';
import { flagLine, flagPath, staticPod, unrelatedPod } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'default plugins', yaml: staticPod('kube-apiserver', ['--enable-admission-plugins=NodeRestriction']) },
    { name: 'a pod that is not the component', yaml: unrelatedPod },
  ],
  invalid: [
    {
      name: 'disabled',
      yaml: staticPod('kube-apiserver', ['--disable-admission-plugins=ServiceAccount']),
      findings: [
        { message: 'kube-apiserver: --disable-admission-plugins "ServiceAccount" includes ServiceAccount', path: flagPath(0), line: flagLine(0) },
      ],
    },
    {
      name: 'left out of the legacy --admission-control list',
      yaml: staticPod('kube-apiserver', ['--admission-control=NamespaceLifecycle,NodeRestriction']),
      findings: [
        { message: 'kube-apiserver: --admission-control "NamespaceLifecycle,NodeRestriction" does not include ServiceAccount', path: flagPath(0), line: flagLine(0) },
      ],
    },
  ],
});
