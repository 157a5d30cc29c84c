import { testControl } from '../../tester.js';
import control from './kubelet-rotate-server-certificate.js';
import { kubeletConfig } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'default', yaml: kubeletConfig('featureGates:\n  SomeGate: true\n') },
    { name: 'another API group is not the kubelet config', yaml: 'apiVersion: example.com/v1\nkind: KubeletConfiguration\nreadOnlyPort: 10255\n' },
  ],
  invalid: [
    {
      name: 'disabled',
      yaml: kubeletConfig('featureGates:\n  RotateKubeletServerCertificate: false\n'),
      findings: [
        { message: 'KubeletConfiguration: featureGates.RotateKubeletServerCertificate is false; it must not be false', path: '/featureGates/RotateKubeletServerCertificate', line: 4 },
      ],
    },
  ],
});
