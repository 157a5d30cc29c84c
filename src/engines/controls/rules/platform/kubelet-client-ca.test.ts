import { testControl } from '../../tester.js';
import control from './kubelet-client-ca.js';
import { kubeletConfig } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'set', yaml: kubeletConfig('authentication:\n  x509:\n    clientCAFile: /etc/kubernetes/pki/ca.crt\n') },
    { name: 'another API group is not the kubelet config', yaml: 'apiVersion: example.com/v1\nkind: KubeletConfiguration\nreadOnlyPort: 10255\n' },
  ],
  invalid: [
    {
      name: 'missing entirely',
      yaml: kubeletConfig('readOnlyPort: 0\n'),
      findings: [
        { message: 'KubeletConfiguration: authentication.x509.clientCAFile is not set', path: '', line: 1 },
      ],
    },
    {
      name: 'parent present',
      yaml: kubeletConfig('authentication:\n  x509: {}\n'),
      findings: [
        { message: 'KubeletConfiguration: authentication.x509.clientCAFile is not set', path: '/authentication/x509', line: 4 },
      ],
    },
  ],
});
