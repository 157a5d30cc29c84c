import { testControl } from '../../tester.js';
import control from './apiserver-tls-cipher-suites.js';
import { COMMAND_LINE, COMMAND_PATH, flagLine, flagPath, staticPod, unrelatedPod } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'strong only', yaml: staticPod('kube-apiserver', ['--tls-cipher-suites=TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384']) },
    { name: 'a pod that is not the component', yaml: unrelatedPod },
  ],
  invalid: [
    {
      name: 'unset',
      yaml: staticPod('kube-apiserver', []),
      findings: [
        { message: 'kube-apiserver: --tls-cipher-suites is not set, so Go\'s default suites apply, including CBC-mode ones', path: COMMAND_PATH, line: COMMAND_LINE, container: 'kube-apiserver' },
      ],
    },
    {
      name: 'weak suite',
      yaml: staticPod('kube-apiserver', ['--tls-cipher-suites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,TLS_RSA_WITH_AES_128_CBC_SHA']),
      findings: [
        { message: 'kube-apiserver: --tls-cipher-suites allows TLS_RSA_WITH_AES_128_CBC_SHA', path: flagPath(0), line: flagLine(0) },
      ],
    },
  ],
});
