import { testControl } from '../../tester.js';
import control from './apiserver-node-restriction.js';
import { COMMAND_LINE, COMMAND_PATH, flagLine, flagPath, staticPod, unrelatedPod } from './lib/fixtures.js';

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
    {
      name: 'legacy --admission-control is the whole enabled list',
      yaml: staticPod('kube-apiserver', ['--admission-control=NamespaceLifecycle,ServiceAccount', '--enable-admission-plugins=NodeRestriction']),
      findings: [
        { message: 'kube-apiserver: --admission-control "NamespaceLifecycle,ServiceAccount" does not include NodeRestriction', path: flagPath(0), line: flagLine(0) },
      ],
    },
  ],
});
