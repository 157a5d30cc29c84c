import { defineControl } from '../../types.js';
import { isRecord } from '../templates/pod.js';

export default defineControl({
  meta: {
    id: 'service-external-ips',
    title: 'Service sets externalIPs',
    severity: 'high',
    kinds: ['Service'],
    frameworks: { cis: [], nsa: ['network/network-policies'], pss: [], mitre: ['T1557', 'T1133'] },
    rationale:
      'Any address in `externalIPs` is captured by kube-proxy on every node: whoever can create Services can intercept cluster traffic to that IP (CVE-2020-8554), unless the DenyServiceExternalIPs admission plugin blocks it.',
    remediation: 'Remove `externalIPs`; use a LoadBalancer or Ingress. Enable DenyServiceExternalIPs on the API server.',
  },
  check({ object, report }) {
    const spec = object['spec'];
    if (!isRecord(spec) || !Array.isArray(spec['externalIPs']) || spec['externalIPs'].length === 0) return;
    const ips = spec['externalIPs'].map(String);
    report({
      message: `Service "${object.metadata?.name ?? ''}" claims externalIPs ${ips.join(', ')}`,
      path: '/spec/externalIPs',
      fix: [{ op: 'remove', path: '/spec/externalIPs' }],
    });
  },
});
