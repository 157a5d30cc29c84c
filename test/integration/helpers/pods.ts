/**
 * Random pods that exercise every field Pod Security checks: host namespaces, privileged,
 * capabilities, hostPath and other volume types, host ports, AppArmor (annotation and field),
 * SELinux options, /proc mount, seccomp (pod and container, field and annotation), sysctls,
 * runAsNonRoot, runAsUser, allowPrivilegeEscalation, Windows host process, probe/lifecycle hosts.
 * About a third start from a restricted-compliant pod and get one or two mutations, so that all
 * three levels see both admitted and denied pods.
 */
import type { Rng } from './random.js';

type Obj = Record<string, unknown>;

const SAFE_CAPS = ['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT'];
const UNSAFE_CAPS = ['NET_ADMIN', 'SYS_ADMIN', 'SYS_PTRACE', 'NET_RAW', 'ALL'];
const SYSCTLS = ['kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_unprivileged_port_start', 'net.ipv4.ip_local_reserved_ports', 'net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes', 'kernel.msgmax', 'net.core.somaxconn', 'vm.swappiness'];
const SYSCTL_VALUE: Record<string, string> = { 'net.ipv4.ip_local_port_range': '1024 65535', 'net.ipv4.ping_group_range': '0 0', 'net.ipv4.ip_local_reserved_ports': '8080' };
const SELINUX_TYPES = ['container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t', 'spc_t', 'unconfined_t'];

function seccomp(r: Rng): Obj | undefined {
  switch (r.int(0, 4)) {
    case 0:
      return { type: 'RuntimeDefault' };
    case 1:
      return { type: 'Localhost', localhostProfile: 'profiles/audit.json' };
    case 2:
      return { type: 'Unconfined' };
    default:
      return undefined;
  }
}

function appArmorField(r: Rng): Obj {
  switch (r.int(0, 2)) {
    case 0:
      return { type: 'RuntimeDefault' };
    case 1:
      return { type: 'Localhost', localhostProfile: 'k8s-apparmor-example' };
    default:
      return { type: 'Unconfined' };
  }
}

function restrictedContainer(name: string): Obj {
  return {
    name,
    image: 'registry.example/app:1',
    securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
  };
}

function randomContainer(r: Rng, name: string, hostNetwork: boolean, mutateRate: number, compliantBase = r.chance(0.35)): Obj {
  const c: Obj = compliantBase ? restrictedContainer(name) : { name, image: 'registry.example/app:1' };
  const sc: Obj = (c['securityContext'] as Obj | undefined) ?? {};
  const m = (): boolean => r.chance(mutateRate);
  if (m()) sc['privileged'] = r.chance(0.5);
  if (m()) sc['allowPrivilegeEscalation'] = r.chance(0.5);
  if (m()) {
    const add = [...r.subset(SAFE_CAPS, 0.15), ...r.subset(UNSAFE_CAPS, 0.15)];
    const drop = r.chance(0.6) ? ['ALL'] : r.subset(['NET_RAW', 'CHOWN', 'all'], 0.5);
    sc['capabilities'] = { ...(add.length ? { add } : {}), ...(drop.length ? { drop } : {}) };
  }
  if (m()) sc['runAsNonRoot'] = r.chance(0.6);
  if (m()) sc['runAsUser'] = r.pick([0, 1000, 65534]);
  if (m()) {
    const p = seccomp(r);
    if (p) sc['seccompProfile'] = p;
  }
  if (m()) sc['seLinuxOptions'] = r.chance(0.7) ? { type: r.pick(SELINUX_TYPES) } : r.pick([{ user: 'system_u' }, { role: 'object_r' }, { level: 's0:c123,c456' }]);
  if (m()) sc['procMount'] = r.pick(['Default', 'Unmasked']);
  if (m()) sc['appArmorProfile'] = appArmorField(r);
  if (r.chance(mutateRate / 3)) sc['windowsOptions'] = { hostProcess: r.chance(0.5) };
  if (Object.keys(sc).length > 0) c['securityContext'] = sc;
  else delete c['securityContext'];
  if (m()) {
    // Distinct ports per container: duplicate host ports are invalid.
    const containerPort = 8080 + (name.length * 7 + name.charCodeAt(name.length - 1)) % 500;
    const port: Obj = { containerPort };
    // With hostNetwork the API server requires hostPort == containerPort (or unset).
    if (hostNetwork) {
      if (r.chance(0.5)) port['hostPort'] = containerPort;
    } else if (r.chance(0.6)) port['hostPort'] = r.pick([0, containerPort + 1000]);
    c['ports'] = [port];
  }
  if (m()) {
    const probe = r.chance(0.5) ? { httpGet: { port: 8080, ...(r.chance(0.6) ? { host: r.pick(['10.0.0.1', 'localhost', '127.0.0.1']) } : {}) } } : { tcpSocket: { port: 8080, ...(r.chance(0.6) ? { host: '10.0.0.2' } : {}) } };
    c[r.pick(['livenessProbe', 'readinessProbe', 'startupProbe'])] = probe;
  }
  if (m()) c['lifecycle'] = { postStart: { httpGet: { port: 8080, ...(r.chance(0.6) ? { host: '10.0.0.3' } : {}) } } };
  return c;
}

const allContainers = (spec: Obj): Obj[] => [...((spec['containers'] as Obj[] | undefined) ?? []), ...((spec['initContainers'] as Obj[] | undefined) ?? [])];

/**
 * Repairs combinations the API server rejects in validation (422, before admission ever runs), so
 * that most generated pods reach Pod Security:
 * - `procMount: Unmasked` needs `hostUsers: false`, which excludes host namespaces;
 * - a Windows host-process container makes the whole pod host-process, with hostNetwork, and
 *   pod- and container-level `hostProcess` must agree;
 * - `allowPrivilegeEscalation: false` contradicts `privileged: true` and an added SYS_ADMIN.
 */
function makeValid(spec: Obj): void {
  const containers = allContainers(spec);
  const sc = (c: Obj): Obj | undefined => c['securityContext'] as Obj | undefined;
  const podSc = spec['securityContext'] as Obj | undefined;
  if (containers.some((c) => sc(c)?.['procMount'] === 'Unmasked')) {
    spec['hostUsers'] = false;
    delete spec['hostNetwork'];
    delete spec['hostPID'];
    delete spec['hostIPC'];
    for (const c of containers) for (const p of (c['ports'] as Obj[] | undefined) ?? []) delete p['hostPort'];
  }
  const hostProcess = (podSc?.['windowsOptions'] as Obj | undefined)?.['hostProcess'] === true || containers.some((c) => (sc(c)?.['windowsOptions'] as Obj | undefined)?.['hostProcess'] === true);
  if (hostProcess) {
    spec['hostNetwork'] = true;
    delete spec['hostUsers'];
    spec['securityContext'] = { ...(podSc ?? {}), windowsOptions: { hostProcess: true } };
    for (const c of containers) {
      const s = sc(c);
      if (!s) continue;
      delete s['windowsOptions'];
      delete s['privileged'];
      if (s['procMount'] === 'Unmasked') delete s['procMount'];
      for (const p of (c['ports'] as Obj[] | undefined) ?? []) if (p['hostPort'] !== undefined) p['hostPort'] = p['containerPort'];
    }
  } else {
    // Without host-process containers, any explicit `hostProcess: false` must match across levels: drop it from containers.
    for (const c of containers) delete sc(c)?.['windowsOptions'];
  }
  // Probes and lifecycle hooks on an init container make it a sidecar (restartPolicy: Always).
  for (const c of (spec['initContainers'] as Obj[] | undefined) ?? []) {
    if (['livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle'].some((k) => c[k] !== undefined)) c['restartPolicy'] = 'Always';
  }
  // Network sysctls are per network namespace: not allowed with hostNetwork.
  // IPC sysctls likewise with hostIPC.
  const sysctls = (spec['securityContext'] as Obj | undefined)?.['sysctls'] as { name: string }[] | undefined;
  if ((spec['hostNetwork'] === true || spec['hostIPC'] === true) && sysctls) {
    const kept = sysctls.filter((x) => !(spec['hostNetwork'] === true && x.name.startsWith('net.')) && !(spec['hostIPC'] === true && (x.name.startsWith('kernel.shm') || x.name.startsWith('kernel.msg') || x.name.startsWith('kernel.sem') || x.name.startsWith('fs.mqueue.'))));
    if (kept.length > 0) (spec['securityContext'] as Obj)['sysctls'] = kept;
    else delete (spec['securityContext'] as Obj)['sysctls'];
  }
  for (const c of containers) {
    const s = sc(c);
    if (!s || s['allowPrivilegeEscalation'] !== false) continue;
    const adds = ((s['capabilities'] as Obj | undefined)?.['add'] as string[] | undefined) ?? [];
    if (s['privileged'] === true || adds.includes('SYS_ADMIN') || adds.includes('CAP_SYS_ADMIN')) s['allowPrivilegeEscalation'] = true;
  }
}

export function randomPod(r: Rng, name: string): Obj {
  const compliantBase = r.chance(0.35);
  const mutateRate = compliantBase ? 0.04 : 0.18;
  const m = (): boolean => r.chance(mutateRate);
  const spec: Obj = {};
  const podSc: Obj = {};
  if (m()) spec['hostNetwork'] = r.chance(0.7);
  if (m()) spec['hostPID'] = r.chance(0.7);
  if (m()) spec['hostIPC'] = r.chance(0.7);
  const hostNetwork = spec['hostNetwork'] === true;
  if (m()) podSc['runAsNonRoot'] = r.chance(0.6);
  if (m()) podSc['runAsUser'] = r.pick([0, 1000]);
  const podSeccomp = compliantBase ? undefined : m() ? seccomp(r) : undefined;
  if (podSeccomp) podSc['seccompProfile'] = podSeccomp;
  if (m()) podSc['seLinuxOptions'] = { type: r.pick(SELINUX_TYPES) };
  if (m()) podSc['appArmorProfile'] = appArmorField(r);
  if (m()) {
    const names = r.subset(SYSCTLS, 0.2);
    if (names.length) podSc['sysctls'] = names.map((n) => ({ name: n, value: SYSCTL_VALUE[n] ?? '1' }));
  }
  if (r.chance(mutateRate / 3)) podSc['windowsOptions'] = { hostProcess: r.chance(0.5) };
  if (Object.keys(podSc).length > 0) spec['securityContext'] = podSc;

  const n = r.int(1, 2);
  const containers: Obj[] = [];
  for (let i = 0; i < n; i++) containers.push(compliantBase ? restrictedContainer(`c${i}`) : randomContainer(r, `c${i}`, hostNetwork, mutateRate));
  if (compliantBase) {
    // Zero to two targeted mutations of a compliant pod.
    for (let k = r.int(0, 2); k > 0; k--) {
      const idx = r.int(0, n - 1);
      containers[idx] = randomContainer(r, `c${idx}`, hostNetwork, 0.2, true);
    }
  }
  spec['containers'] = containers;
  if (r.chance(0.25)) spec['initContainers'] = [compliantBase ? restrictedContainer('init') : randomContainer(r, 'init', hostNetwork, mutateRate)];

  if (m()) {
    const vol = r.pick<Obj>([
      { name: 'v', hostPath: { path: '/var/log' } },
      { name: 'v', emptyDir: {} },
      { name: 'v', configMap: { name: 'cfg' } },
      { name: 'v', secret: { secretName: 's' } },
      { name: 'v', nfs: { server: 'nfs.example', path: '/export' } },
      { name: 'v', projected: { sources: [{ configMap: { name: 'cfg' } }] } },
      { name: 'v', persistentVolumeClaim: { claimName: 'data' } },
      { name: 'v', downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } },
    ]);
    spec['volumes'] = [vol];
  }

  makeValid(spec);
  const annotations: Record<string, string> = {};
  // Annotation and field must agree when both are set: the annotation replaces the field here.
  if (m()) {
    const c0 = containers[0] as Obj;
    annotations[`container.apparmor.security.beta.kubernetes.io/${c0['name']}`] = r.pick(['runtime/default', 'localhost/profile', 'unconfined']);
    delete (c0['securityContext'] as Obj | undefined)?.['appArmorProfile'];
    delete (spec['securityContext'] as Obj | undefined)?.['appArmorProfile'];
  }
  if (m()) {
    annotations['seccomp.security.alpha.kubernetes.io/pod'] = r.pick(['runtime/default', 'unconfined', 'localhost/p.json']);
    delete (spec['securityContext'] as Obj | undefined)?.['seccompProfile'];
  }
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, ...(Object.keys(annotations).length ? { annotations } : {}) }, spec };
}
