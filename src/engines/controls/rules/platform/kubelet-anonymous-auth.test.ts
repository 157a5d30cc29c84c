import { testControl } from '../../tester.js';
import control from './kubelet-anonymous-auth.js';
import { kubeletConfig, kubeletConfigMap } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'default', yaml: kubeletConfig('authentication:\n  webhook:\n    enabled: true\n') },
    { name: 'explicit', yaml: kubeletConfig('authentication:\n  anonymous:\n    enabled: false\n') },
    { name: 'kubeadm kubelet-config ConfigMap, disabled', yaml: kubeletConfigMap('authentication:\n  anonymous:\n    enabled: false\n') },
    { name: 'another API group is not the kubelet config', yaml: 'apiVersion: example.com/v1\nkind: KubeletConfiguration\nreadOnlyPort: 10255\n' },
  ],
  invalid: [
    {
      name: 'enabled',
      yaml: kubeletConfig('authentication:\n  anonymous:\n    enabled: true\n'),
      findings: [
        { message: 'KubeletConfiguration: authentication.anonymous.enabled is true; it must be false', path: '/authentication/anonymous/enabled', line: 5 },
      ],
    },
    {
      name: 'kubeadm kubelet-config ConfigMap',
      yaml: kubeletConfigMap('authentication:\n  anonymous:\n    enabled: true\n'),
      findings: [
        { message: 'ConfigMap key "kubelet": KubeletConfiguration: authentication.anonymous.enabled is true; it must be false', path: '/data/kubelet', line: 5 },
      ],
    },
  ],
});
