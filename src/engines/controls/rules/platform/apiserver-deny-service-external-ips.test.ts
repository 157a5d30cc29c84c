import { testControl } from '../../tester.js';
import control from './apiserver-deny-service-external-ips.js';
import { COMMAND_LINE, COMMAND_PATH, flagLine, flagPath, staticPod, unrelatedPod } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'plugin enabled', yaml: staticPod('kube-apiserver', ['--enable-admission-plugins=NodeRestriction,DenyServiceExternalIPs']) },
    { name: 'a pod that is not the component', yaml: unrelatedPod },
  ],
  invalid: [
    {
      name: 'flag missing',
      yaml: staticPod('kube-apiserver', []),
      findings: [
        { message: 'kube-apiserver: --enable-admission-plugins is not set; it must include DenyServiceExternalIPs', path: COMMAND_PATH, line: COMMAND_LINE, container: 'kube-apiserver' },
      ],
    },
    {
      name: 'plugin absent',
      yaml: staticPod('kube-apiserver', ['--enable-admission-plugins=NodeRestriction']),
      findings: [
        { message: 'kube-apiserver: --enable-admission-plugins "NodeRestriction" does not include DenyServiceExternalIPs', path: flagPath(0), line: flagLine(0) },
      ],
    },
  ],
});
