import { testControl } from '../../tester.js';
import control from './apiserver-node-restriction.js';
import { COMMAND_LINE, COMMAND_PATH, staticPod, unrelatedPod } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'enabled', yaml: staticPod('kube-apiserver', ['--enable-admission-plugins=NodeRestriction']) },
    { name: 'a pod that is not the component', yaml: unrelatedPod },
  ],
  invalid: [
    {
      name: 'flag missing',
      yaml: staticPod('kube-apiserver', []),
      findings: [
        { message: 'kube-apiserver: --enable-admission-plugins is not set; it must include NodeRestriction', path: COMMAND_PATH, line: COMMAND_LINE, container: 'kube-apiserver' },
      ],
    },
  ],
});
