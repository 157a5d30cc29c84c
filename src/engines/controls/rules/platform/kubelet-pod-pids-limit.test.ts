import { testControl } from '../../tester.js';
import control from './kubelet-pod-pids-limit.js';
import { kubeletConfig } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'limited', yaml: kubeletConfig('podPidsLimit: 4096\n') },
    { name: 'another API group is not the kubelet config', yaml: 'apiVersion: example.com/v1\nkind: KubeletConfiguration\nreadOnlyPort: 10255\n' },
  ],
  invalid: [
    {
      name: 'unset',
      yaml: kubeletConfig('readOnlyPort: 0\n'),
      findings: [
        { message: 'KubeletConfiguration: podPidsLimit is not set, so a pod can fork until the node runs out of PIDs', path: '', line: 1 },
      ],
    },
    {
      name: 'unlimited',
      yaml: kubeletConfig('podPidsLimit: -1\n'),
      findings: [
        { message: 'KubeletConfiguration: podPidsLimit is -1, so a pod can fork until the node runs out of PIDs', path: '/podPidsLimit', line: 3 },
      ],
    },
  ],
});
