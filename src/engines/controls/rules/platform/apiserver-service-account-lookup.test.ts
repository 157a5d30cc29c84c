import { testControl } from '../../tester.js';
import control from './apiserver-service-account-lookup.js';
import { flagLine, flagPath, staticPod, unrelatedPod } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'default', yaml: staticPod('kube-apiserver', ['--secure-port=6443']) },
    { name: 'explicit', yaml: staticPod('kube-apiserver', ['--service-account-lookup=true']) },
    { name: 'a pod that is not the component', yaml: unrelatedPod },
  ],
  invalid: [
    {
      name: 'disabled',
      yaml: staticPod('kube-apiserver', ['--service-account-lookup=false']),
      findings: [
        { message: 'kube-apiserver: --service-account-lookup is "false"; it must be true', path: flagPath(0), line: flagLine(0) },
      ],
    },
  ],
});
