import { testControl } from '../../tester.js';
import control from './kubelet-read-only-port.js';
import { kubeletConfig, kubeletConfigMap } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'default', yaml: kubeletConfig('authentication:\n  anonymous:\n    enabled: false\n') },
    { name: 'zero', yaml: kubeletConfig('readOnlyPort: 0\n') },
    { name: 'another API group is not the kubelet config', yaml: 'apiVersion: example.com/v1\nkind: KubeletConfiguration\nreadOnlyPort: 10255\n' },
  ],
  invalid: [
    {
      name: 'open',
      yaml: kubeletConfig('readOnlyPort: 10255\n'),
      findings: [
        { message: 'KubeletConfiguration: readOnlyPort is 10255; it must be 0', path: '/readOnlyPort', line: 3 },
      ],
    },
    {
      name: 'kubeadm kubelet-config ConfigMap',
      yaml: kubeletConfigMap('readOnlyPort: 10255\n'),
      findings: [
        { message: 'ConfigMap key "kubelet": KubeletConfiguration: readOnlyPort is 10255; it must be 0', path: '/data/kubelet', line: 5 },
      ],
    },
  ],
});
