import { testControl } from '../../tester.js';
import control from './kube-proxy-metrics-bind-address.js';
import { staticPod, unrelatedPod } from './lib/fixtures.js';

const proxyConfig = (line: string): string => `apiVersion: kubeproxy.config.k8s.io/v1alpha1
kind: KubeProxyConfiguration
mode: iptables
${line}
`;

const daemonSet = (args: string): string => `apiVersion: apps/v1
kind: DaemonSet
metadata: { name: kube-proxy, namespace: kube-system }
spec:
  template:
    spec:
      containers:
      - name: kube-proxy
        image: registry.k8s.io/kube-proxy:v1.34.1
        command:
        - /usr/local/bin/kube-proxy
        - --hostname-override=$(NODE_NAME)
${args}`;

testControl(control, {
  valid: [
    { name: 'config default', yaml: proxyConfig('clusterCIDR: 10.244.0.0/16') },
    { name: 'config loopback', yaml: proxyConfig('metricsBindAddress: 127.0.0.1:10249') },
    { name: 'daemonset without the flag', yaml: daemonSet('') },
    { name: 'flags are ignored when --config is given', yaml: daemonSet('        - --config=/var/lib/kube-proxy/config.conf\n        - --metrics-bind-address=0.0.0.0:10249\n') },
    { name: 'ConfigMap with the default', yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: kube-proxy }\ndata:\n  config.conf: |\n    apiVersion: kubeproxy.config.k8s.io/v1alpha1\n    kind: KubeProxyConfiguration\n    metricsBindAddress: ""\n' },
    { name: 'static pod on loopback', yaml: staticPod('kube-proxy', ['--metrics-bind-address=127.0.0.1:10249']) },
    { name: 'a pod that is not the component', yaml: unrelatedPod },
  ],
  invalid: [
    {
      name: 'kubeadm kube-proxy ConfigMap',
      yaml: `apiVersion: v1
kind: ConfigMap
metadata: { name: kube-proxy, namespace: kube-system }
data:
  kubeconfig.conf: "apiVersion: v1"
  config.conf: |-
    apiVersion: kubeproxy.config.k8s.io/v1alpha1
    kind: KubeProxyConfiguration
    metricsBindAddress: 0.0.0.0:10249
`,
      findings: [{ message: 'ConfigMap key "config.conf": KubeProxyConfiguration: metricsBindAddress is "0.0.0.0:10249"; it must be 127.0.0.1', path: '/data/config.conf', line: 6 }],
    },
    {
      name: 'config on all interfaces',
      yaml: proxyConfig('metricsBindAddress: 0.0.0.0:10249'),
      findings: [{ message: 'KubeProxyConfiguration: metricsBindAddress is "0.0.0.0:10249"; it must be 127.0.0.1', path: '/metricsBindAddress', line: 4 }],
    },
    {
      name: 'daemonset flag on all interfaces',
      yaml: daemonSet('        - --metrics-bind-address=0.0.0.0:10249\n'),
      findings: [
        {
          message: 'kube-proxy: --metrics-bind-address is "0.0.0.0:10249"; it must be 127.0.0.1',
          path: '/spec/template/spec/containers/0/command/2',
          line: 13,
          container: 'kube-proxy',
        },
      ],
    },
  ],
});
