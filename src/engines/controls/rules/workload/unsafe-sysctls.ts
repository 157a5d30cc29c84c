import { defineControl } from '../../types.js';
import { joinPointer } from '../../../../model/pointer.js';
import { WORKLOAD_KINDS } from '../../../../model/workloads.js';
import { isRecord, paramSet, podAndContainers, replaceArrayGuarded } from '../templates/pod.js';

/** The kubelet's safe, namespaced sysctls (as allowed by the Baseline standard, up to 1.32). */
const SAFE_SYSCTLS = [
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
  'net.ipv4.tcp_rmem',
  'net.ipv4.tcp_wmem',
];

/** The kubelet accepts `/` as separator; it then swaps `/` and `.` (so `eth0.100` survives). */
function canonicalSysctl(name: string): string {
  if (!name.includes('/')) return name;
  return name.replace(/[./]/g, (ch) => (ch === '/' ? '.' : '/'));
}

export default defineControl({
  meta: {
    id: 'unsafe-sysctls',
    title: 'Pod sets unsafe sysctls',
    severity: 'high',
    kinds: WORKLOAD_KINDS,
    frameworks: { cis: [], nsa: ['pod-security/enforcement'], pss: ['sysctls'], mitre: ['T1611', 'T1499'] },
    rationale: 'Sysctls outside the safe, namespaced set change kernel behaviour for the whole node or weaken isolation.',
    remediation: 'Remove the sysctl, or set it on dedicated nodes through node configuration.',
    params: {
      allowedSysctls: { type: 'string[]', description: 'Sysctls considered safe.', default: SAFE_SYSCTLS },
    },
  },
  check({ object, report, params }) {
    const view = podAndContainers(object)?.view;
    const psc = view?.spec.securityContext;
    if (!view || !isRecord(psc) || !Array.isArray(psc.sysctls)) return;
    const allowed = paramSet(params.allowedSysctls, canonicalSysctl);
    const isSafe = (s: unknown): boolean => isRecord(s) && typeof s.name === 'string' && allowed.has(canonicalSysctl(s.name));
    const listPath = joinPointer(view.specPath, 'securityContext', 'sysctls');
    // One fix for all: keep only the safe entries (index-based removals would shift the others).
    const fix = replaceArrayGuarded(listPath, psc.sysctls, psc.sysctls.filter(isSafe));
    psc.sysctls.forEach((s, i) => {
      if (!isRecord(s) || typeof s.name !== 'string' || isSafe(s)) return;
      report({ message: `pod sets the unsafe sysctl ${s.name}`, path: joinPointer(listPath, i, 'name'), fix });
    });
  },
});
