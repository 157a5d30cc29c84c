import { testControl } from '../../tester.js';
import control from './kubelet-rotate-certificates.js';
import { kubeletConfig } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'enabled', yaml: kubeletConfig('rotateCertificates: true\n') },
    { name: 'another API group is not the kubelet config', yaml: 'apiVersion: example.com/v1\nkind: KubeletConfiguration\nreadOnlyPort: 10255\n' },
  ],
  invalid: [
    {
      name: 'default',
      yaml: kubeletConfig('readOnlyPort: 0\n'),
      findings: [
        { message: 'KubeletConfiguration: rotateCertificates is not set and defaults to false; it must be true', path: '', line: 1 },
      ],
    },
    {
      name: 'disabled',
      yaml: kubeletConfig('rotateCertificates: false\n'),
      findings: [
        { message: 'KubeletConfiguration: rotateCertificates is false; it must be true', path: '/rotateCertificates', line: 3 },
      ],
    },
  ],
});
