import { defineControl } from '../../types.js';
import { isRecord } from '../templates/pod.js';

/** Annotations that make cloud load balancers internal (not reachable from the internet). */
const INTERNAL_LB_ANNOTATIONS: readonly [string, (v: string) => boolean][] = [
  ['service.beta.kubernetes.io/aws-load-balancer-internal', (v) => v === 'true' || v === '0.0.0.0/0'],
  ['service.beta.kubernetes.io/aws-load-balancer-scheme', (v) => v === 'internal'],
  ['service.beta.kubernetes.io/azure-load-balancer-internal', (v) => v === 'true'],
  ['networking.gke.io/load-balancer-type', (v) => v.toLowerCase() === 'internal'],
  ['cloud.google.com/load-balancer-type', (v) => v.toLowerCase() === 'internal'],
  ['service.beta.kubernetes.io/oci-load-balancer-internal', (v) => v === 'true'],
  ['service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type', (v) => v === 'private'],
  ['service.beta.kubernetes.io/openstack-internal-load-balancer', (v) => v === 'true'],
  ['service.beta.kubernetes.io/do-loadbalancer-type', (v) => v.toUpperCase() === 'REGIONAL_NETWORK_INTERNAL'],
];

const OPEN_RANGES = new Set(['0.0.0.0/0', '::/0']);

export default defineControl({
  meta: {
    id: 'service-loadbalancer',
    title: 'Service exposed through an external load balancer',
    severity: 'medium',
    kinds: ['Service'],
    frameworks: { cis: [], nsa: ['network/network-policies'], pss: [], mitre: ['T1133', 'T1190'] },
    rationale:
      'A LoadBalancer Service gets a public address on most clouds. Internal load balancers (by the cloud\'s annotation) are not reported; restricting `loadBalancerSourceRanges` lowers the severity.',
    remediation: 'Expose HTTP services through an Ingress/Gateway; otherwise make the load balancer internal or restrict `loadBalancerSourceRanges`.',
  },
  check({ object, report }) {
    const spec = object['spec'];
    if (!isRecord(spec) || spec['type'] !== 'LoadBalancer') return;
    const annotations = object.metadata?.annotations ?? {};
    if (INTERNAL_LB_ANNOTATIONS.some(([k, isInternal]) => typeof annotations[k] === 'string' && isInternal(annotations[k]))) return;
    if (spec['loadBalancerClass'] !== undefined && typeof spec['loadBalancerClass'] === 'string' && /internal/i.test(spec['loadBalancerClass'])) return;
    const ranges = Array.isArray(spec['loadBalancerSourceRanges']) ? spec['loadBalancerSourceRanges'].filter((r): r is string => typeof r === 'string') : [];
    const name = object.metadata?.name ?? '';
    if (ranges.length > 0 && !ranges.some((r) => OPEN_RANGES.has(r.trim()))) {
      report({ message: `Service "${name}" is of type LoadBalancer, restricted to ${ranges.join(', ')}`, path: '/spec/type', severity: 'low' });
      return;
    }
    report({ message: `Service "${name}" is of type LoadBalancer and open to any source`, path: '/spec/type' });
  },
});
