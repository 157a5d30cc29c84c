import { testControl } from '../../tester.js';
import control from './kubelet-tls-cipher-suites.js';
import { kubeletConfig } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'strong', yaml: kubeletConfig('tlsCipherSuites:\n- TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\n- TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384\n') },
    { name: 'another API group is not the kubelet config', yaml: 'apiVersion: example.com/v1\nkind: KubeletConfiguration\nreadOnlyPort: 10255\n' },
  ],
  invalid: [
    {
      name: 'unset',
      yaml: kubeletConfig('readOnlyPort: 0\n'),
      findings: [
        { message: 'KubeletConfiguration: tlsCipherSuites is not set, so Go\'s default suites apply, including CBC-mode ones', path: '', line: 1 },
      ],
    },
    {
      name: 'weak entry',
      yaml: kubeletConfig('tlsCipherSuites:\n- TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\n- TLS_RSA_WITH_3DES_EDE_CBC_SHA\n'),
      findings: [
        { message: 'KubeletConfiguration: tlsCipherSuites allows TLS_RSA_WITH_3DES_EDE_CBC_SHA', path: '/tlsCipherSuites/1', line: 5 },
      ],
    },
  ],
});
