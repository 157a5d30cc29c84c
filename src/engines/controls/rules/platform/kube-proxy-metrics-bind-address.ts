import type { K8sObject } from '../../../../model/types.js';
import { WORKLOAD_KINDS } from '../../../../model/workloads.js';
import { defineControl } from '../../types.js';
import { componentContainers } from './lib/components.js';
import { lookup } from './lib/config-rules.js';
import { embeddedConfigs } from './lib/embedded.js';
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

function configProblem(config: K8sObject): { message: string; path: string } | undefined {
  if (apiGroupOf(config.apiVersion) !== 'kubeproxy.config.k8s.io') return undefined;
  const l = lookup(config, ['metricsBindAddress']);
  if (!l.present || (typeof l.value === 'string' && (l.value === '' || loopbackHost(l.value)))) return undefined;
  return { message: `KubeProxyConfiguration: metricsBindAddress is "${String(l.value)}"; it must be 127.0.0.1`, path: l.path };
}

const meta: PlatformMeta = {
  id: 'kube-proxy-metrics-bind-address',
  title: 'kube-proxy serves metrics on every interface',
  severity: 'low',
  kinds: [...WORKLOAD_KINDS, 'KubeProxyConfiguration', 'ConfigMap'],
  frameworks: { cis: ['4.3.1'], nsa: ['network/control-plane'], mitre: ['T1046', 'T1613'] },
  rationale: 'The metrics endpoint needs no authentication; bound to every interface it tells the network about the node\'s services and endpoints.',
  remediation: 'Set `metricsBindAddress: 127.0.0.1:10249` (or `--metrics-bind-address=127.0.0.1:10249`), or remove the override.',
  appliesTo: [componentToken('kube-proxy'), 'KubeProxyConfiguration'],
};

export default defineControl({
  meta,
  check({ object, report }) {
    if (object.kind === 'KubeProxyConfiguration') {
      const problem = configProblem(object);
      if (problem) report(problem);
      return;
    }
    if (object.kind === 'ConfigMap') {
      for (const e of embeddedConfigs(object, 'KubeProxyConfiguration')) {
        const problem = configProblem(e.config);
        if (problem) report({ message: `ConfigMap key "${e.key}": ${problem.message}`, path: e.path });
      }
      return;
    }
    for (const { container, flags } of componentContainers(object, ['kube-proxy'])) {
      // With --config, kube-proxy ignores most flags (KEP-2157): the configuration file decides.
      if (flags.effective('config') !== undefined) continue;
      for (const v of flagRule(flags)) {
        const r: Parameters<typeof report>[0] = { message: v.message, path: v.path, container: container.name };
        if (v.fix) r.fix = v.fix;
        report(r);
      }
    }
  },
});
