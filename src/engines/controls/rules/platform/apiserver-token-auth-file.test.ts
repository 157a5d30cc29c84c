import { testControl } from '../../tester.js';
import control from './apiserver-token-auth-file.js';
import { flagLine, flagPath, staticPod, unrelatedPod } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'no token file', yaml: staticPod('kube-apiserver', ['--anonymous-auth=false']) },
    { name: 'a pod that is not the component', yaml: unrelatedPod },
  ],
  invalid: [
    {
      name: 'inline form',
      yaml: staticPod('kube-apiserver', ['--token-auth-file=/etc/kubernetes/tokens.csv']),
      findings: [
        { message: 'kube-apiserver: --token-auth-file is set', path: flagPath(0), line: flagLine(0) },
      ],
    },
    {
      name: 'separate form',
      yaml: staticPod('kube-apiserver', ['--secure-port=6443', '--token-auth-file', '/etc/kubernetes/tokens.csv']),
      findings: [
        { message: 'kube-apiserver: --token-auth-file is set', path: flagPath(1), line: flagLine(1) },
      ],
    },
  ],
});
