import { testControl } from '../../tester.js';
import control from './kubelet-tls-certificate.js';
import { kubeletConfig } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'files', yaml: kubeletConfig('tlsCertFile: /var/lib/kubelet/pki/kubelet.crt\ntlsPrivateKeyFile: /var/lib/kubelet/pki/kubelet.key\n') },
    { name: 'bootstrap', yaml: kubeletConfig('serverTLSBootstrap: true\n') },
    { name: 'another API group is not the kubelet config', yaml: 'apiVersion: example.com/v1\nkind: KubeletConfiguration\nreadOnlyPort: 10255\n' },
  ],
  invalid: [
    {
      name: 'neither',
      yaml: kubeletConfig('readOnlyPort: 0\n'),
      findings: [
        { message: 'KubeletConfiguration: tlsCertFile is not set', path: '', line: 1 },
        { message: 'KubeletConfiguration: tlsPrivateKeyFile is not set', path: '', line: 1 },
      ],
    },
    {
      name: 'key missing',
      yaml: kubeletConfig('tlsCertFile: /var/lib/kubelet/pki/kubelet.crt\n'),
      findings: [
        { message: 'KubeletConfiguration: tlsPrivateKeyFile is not set', path: '', line: 1 },
      ],
    },
  ],
});
