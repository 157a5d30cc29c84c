import { testControl } from '../../tester.js';
import control from './kubelet-seccomp-default.js';
import { kubeletConfig } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'enabled', yaml: kubeletConfig('seccompDefault: true\n') },
    { name: 'another API group is not the kubelet config', yaml: 'apiVersion: example.com/v1\nkind: KubeletConfiguration\nreadOnlyPort: 10255\n' },
  ],
  invalid: [
    {
      name: 'default',
      yaml: kubeletConfig('readOnlyPort: 0\n'),
      findings: [
        { message: 'KubeletConfiguration: seccompDefault is not set and defaults to false; it must be true', path: '', line: 1 },
      ],
    },
  ],
});
