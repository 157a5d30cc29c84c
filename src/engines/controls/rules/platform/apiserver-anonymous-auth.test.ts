import { testControl } from '../../tester.js';
import control from './apiserver-anonymous-auth.js';
import { COMMAND_LINE, COMMAND_PATH, flagLine, flagPath, staticPod, unrelatedPod } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'anonymous auth disabled', yaml: staticPod('kube-apiserver', ['--anonymous-auth=false']) },
    { name: 'authentication config file decides', yaml: staticPod('kube-apiserver', ['--authentication-config=/etc/kubernetes/authn.yaml']) },
    { name: 'a pod that is not the component', yaml: unrelatedPod },
  ],
  invalid: [
    {
      name: 'flag missing',
      yaml: staticPod('kube-apiserver', ['--secure-port=6443']),
      findings: [
        { message: 'kube-apiserver: --anonymous-auth is not set and defaults to true; it must be false', path: COMMAND_PATH, line: COMMAND_LINE, container: 'kube-apiserver' },
      ],
    },
    {
      name: 'enabled explicitly',
      yaml: staticPod('kube-apiserver', ['--anonymous-auth=true']),
      findings: [
        { message: 'kube-apiserver: --anonymous-auth is "true"; it must be false', path: flagPath(0), line: flagLine(0) },
      ],
    },
    {
      name: 'boolean flags never take the next argument',
      yaml: staticPod('kube-apiserver', ['--anonymous-auth', 'false']),
      findings: [
        { message: 'kube-apiserver: --anonymous-auth is "true"; it must be false', path: flagPath(0), line: flagLine(0) },
      ],
    },
    {
      name: 'last occurrence wins',
      yaml: staticPod('kube-apiserver', ['--anonymous-auth=false', '--anonymous-auth=1']),
      findings: [
        { message: 'kube-apiserver: --anonymous-auth is "1"; it must be false', path: flagPath(1), line: flagLine(1) },
      ],
    },
  ],
});
