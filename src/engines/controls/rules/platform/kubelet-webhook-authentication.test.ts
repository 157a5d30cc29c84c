import { testControl } from '../../tester.js';
import control from './kubelet-webhook-authentication.js';
import { kubeletConfig } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'default', yaml: kubeletConfig('readOnlyPort: 0\n') },
    { name: 'another API group is not the kubelet config', yaml: 'apiVersion: example.com/v1\nkind: KubeletConfiguration\nreadOnlyPort: 10255\n' },
  ],
  invalid: [
    {
      name: 'disabled',
      yaml: kubeletConfig('authentication:\n  webhook:\n    enabled: false\n'),
      findings: [
        { message: 'KubeletConfiguration: authentication.webhook.enabled is false; it must be true', path: '/authentication/webhook/enabled', line: 5 },
      ],
    },
  ],
});
