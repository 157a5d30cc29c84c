import { WORKLOAD_KINDS } from '../../../../model/workloads.js';
import { defineControl } from '../../types.js';
import { componentContainers } from './lib/components.js';
import { lookup } from './lib/config-rules.js';
import { apiGroupOf } from './lib/config-control.js';
import { componentToken, type PlatformMeta } from './lib/flag-control.js';
import { flagMustBeLoopback } from './lib/flag-rules.js';

/** kube-proxy's metrics endpoint defaults to 127.0.0.1:10249 in both the flag and the config file. */
const DEFAULT = '127.0.0.1:10249';
const flagRule = flagMustBeLoopback('metrics-bind-address', { default: DEFAULT, withPort: true });

function loopbackHost(address: string): boolean {
  const host = address.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) || host === '::1';
}

const meta: PlatformMeta = {
  id: 'kube-proxy-metrics-bind-address',
  title: 'kube-proxy serves metrics on every interface',
  severity: 'low',
  kinds: [...WORKLOAD_KINDS, 'KubeProxyConfiguration'],
  frameworks: { cis: ['4.3.1'], nsa: ['network/control-plane'], mitre: ['T1046', 'T1613'] },
  rationale: 'The metrics endpoint needs no authentication; bound to every interface it tells the network about the node\'s services and endpoints.',
  remediation: 'Set `metricsBindAddress: 127.0.0.1:10249` (or `--metrics-bind-address=127.0.0.1:10249`), or remove the override.',
  appliesTo: [componentToken('kube-proxy'), 'KubeProxyConfiguration'],
};

export default defineControl({
  meta,
  check({ object, report }) {
    if (object.kind === 'KubeProxyConfiguration') {
      if (apiGroupOf(object.apiVersion) !== 'kubeproxy.config.k8s.io') return;
      const l = lookup(object, ['metricsBindAddress']);
      if (!l.present || (typeof l.value === 'string' && (l.value === '' || loopbackHost(l.value)))) return;
      report({ message: `KubeProxyConfiguration: metricsBindAddress is "${String(l.value)}"; it must be 127.0.0.1`, path: l.path });
      return;
    }
    for (const { container, flags } of componentContainers(object, ['kube-proxy'])) {
      for (const v of flagRule(flags)) {
        const r: Parameters<typeof report>[0] = { message: v.message, path: v.path, container: container.name };
        if (v.fix) r.fix = v.fix;
        report(r);
      }
    }
  },
});
