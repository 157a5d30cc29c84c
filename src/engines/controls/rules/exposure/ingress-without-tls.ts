import { defineControl } from '../../types.js';
import { joinPointer } from '../../../../model/pointer.js';
import { isRecord } from '../templates/pod.js';

/** TLS host matching as ingress controllers do: exact, or a `*.` wildcard covering exactly one label. */
export function tlsCovers(tlsHost: string, host: string): boolean {
  const t = tlsHost.toLowerCase();
  const h = host.toLowerCase();
  if (t === h) return true;
  if (t.startsWith('*.')) {
    const suffix = t.slice(1); // ".example.com"
    return h.endsWith(suffix) && !h.slice(0, -suffix.length).includes('.') && h.length > suffix.length;
  }
  return false;
}

export default defineControl({
  meta: {
    id: 'ingress-without-tls',
    title: 'Ingress serves hosts without TLS',
    severity: 'medium',
    kinds: ['Ingress'],
    frameworks: { cis: [], nsa: ['network/encryption'], pss: [], mitre: ['T1557', 'T1040'] },
    rationale: 'Hosts without a TLS entry are served over plain HTTP: credentials and session cookies cross the network in the clear.',
    remediation: 'Add a `spec.tls` entry covering every host (e.g. with cert-manager), and redirect HTTP to HTTPS.',
  },
  check({ object, report }) {
    const spec = object['spec'];
    if (!isRecord(spec)) return;
    const name = object.metadata?.name ?? '';
    const tls = Array.isArray(spec['tls']) ? spec['tls'].filter(isRecord) : [];
    if (tls.length === 0) {
      report({ message: `Ingress "${name}" has no TLS section: every host is served over plain HTTP`, path: '/spec' });
      return;
    }
    const tlsHosts = tls.flatMap((t) => (Array.isArray(t['hosts']) ? t['hosts'].filter((h): h is string => typeof h === 'string') : []));
    const rules = Array.isArray(spec['rules']) ? spec['rules'] : [];
    rules.forEach((rule, i) => {
      if (!isRecord(rule) || typeof rule['host'] !== 'string' || rule['host'] === '') return;
      const host = rule['host'];
      if (tlsHosts.some((t) => tlsCovers(t, host))) return;
      report({ message: `Ingress "${name}" serves host "${host}" without TLS`, path: joinPointer('/spec/rules', i, 'host') });
    });
  },
});
