import { testControl } from '../../tester.js';
import control from './kubelet-authorization-mode.js';
import { kubeletConfig } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'default', yaml: kubeletConfig('readOnlyPort: 0\n') },
    { name: 'webhook', yaml: kubeletConfig('authorization:\n  mode: Webhook\n') },
    { name: 'another API group is not the kubelet config', yaml: 'apiVersion: example.com/v1\nkind: KubeletConfiguration\nreadOnlyPort: 10255\n' },
  ],
  invalid: [
    {
      name: 'AlwaysAllow',
      yaml: kubeletConfig('authorization:\n  mode: AlwaysAllow\n'),
      findings: [
        { message: 'KubeletConfiguration: authorization.mode is "AlwaysAllow"; it must not be "AlwaysAllow"', path: '/authorization/mode', line: 4 },
      ],
    },
  ],
});
