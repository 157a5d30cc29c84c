/** Baseline checks on sharing the host: namespaces, hostPath volumes, host ports, probe/lifecycle hosts. */
import type { JsonPointer } from '../../../model/types.js';
import type { PodContainer, PodView } from '../pod.js';
import { arr, rec, str } from '../pod.js';
import { joinQuote, pluralize, sortedSet } from '../text.js';
import type { Failure } from './check.js';
import { containersPhrase } from './check.js';

/** hostNetwork, hostPID, hostIPC must be unset or false (v1.0+). */
export function hostNamespaces_1_0(pod: PodView): Failure | undefined {
  const spec = pod.spec;
  if (spec['hostNetwork'] !== true && spec['hostPID'] !== true && spec['hostIPC'] !== true) return undefined;
  const found: string[] = [];
  const paths: JsonPointer[] = [];
  for (const field of ['hostNetwork', 'hostPID', 'hostIPC'] as const) {
    if (pod.spec[field] === true) {
      found.push(`${field}=true`);
      paths.push(`/spec/${field}`);
    }
  }
  if (found.length === 0) return undefined;
  return { reason: 'host namespaces', detail: found.join(', '), paths };
}

/** No hostPath volumes (v1.0+; replaced by restrictedVolumes under restricted). */
export function hostPathVolumes_1_0(pod: PodView): Failure | undefined {
  const names: string[] = [];
  const paths: JsonPointer[] = [];
  arr(pod.spec['volumes']).forEach((v, i) => {
    const volume = rec(v);
    if (volume && rec(volume['hostPath'])) {
      names.push(str(volume['name']));
      paths.push(`/spec/volumes/${i}/hostPath`);
    }
  });
  if (names.length === 0) return undefined;
  return { reason: 'hostPath volumes', detail: `${pluralize('volume', 'volumes', names.length)} ${joinQuote(names)}`, paths };
}

/** Go int32 field: only integral numbers count; anything else would not have decoded. */
function port(v: unknown): number {
  return typeof v === 'number' && Number.isInteger(v) ? v : 0;
}

function usesHostPort(c: PodContainer, defaulting: boolean): boolean {
  const list = c.raw['ports'];
  if (!Array.isArray(list)) return false;
  for (const p of list) {
    const entry = rec(p);
    if (entry && (port(entry['hostPort']) !== 0 || (defaulting && c.defaultsPorts && port(entry['containerPort']) !== 0))) return true;
  }
  return false;
}

/** No host ports (v1.0+). A bare Pod with hostNetwork gets containerPort copied into an unset hostPort. */
export function hostPorts_1_0(pod: PodView): Failure | undefined {
  const defaulting = pod.barePod && pod.spec['hostNetwork'] === true;
  if (!pod.containers.some((c) => usesHostPort(c, defaulting))) return undefined;
  const badContainers: string[] = [];
  const ports = new Set<string>();
  const paths: JsonPointer[] = [];
  for (const c of pod.containers) {
    let bad = false;
    arr(c.raw['ports']).forEach((p, i) => {
      const entry = rec(p);
      if (!entry) return;
      let hostPort = port(entry['hostPort']);
      let field = 'hostPort';
      if (hostPort === 0 && defaulting && c.defaultsPorts) {
        hostPort = port(entry['containerPort']);
        field = 'containerPort';
      }
      if (hostPort !== 0) {
        bad = true;
        ports.add(String(hostPort));
        paths.push(`${c.path}/ports/${i}/${field}`);
      }
    });
    if (bad) badContainers.push(c.name);
  }
  if (badContainers.length === 0) return undefined;
  const list = sortedSet(ports);
  return {
    reason: 'hostPort',
    detail: `${containersPhrase(badContainers)} ${pluralize('uses', 'use', badContainers.length)} ${pluralize('hostPort', 'hostPorts', list.length)} ${list.join(', ')}`,
    paths,
  };
}

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const HANDLERS = ['postStart', 'preStop'] as const;

/** Hosts set on httpGet/tcpSocket of one probe or lifecycle handler. */
function handlerHosts(handler: unknown, base: JsonPointer, hosts: Set<string>, paths: JsonPointer[]): boolean {
  const h = rec(handler);
  if (!h) return false;
  let bad = false;
  for (const action of ['httpGet', 'tcpSocket'] as const) {
    const host = str(rec(h[action])?.['host']);
    if (host !== '') {
      hosts.add(host);
      paths.push(`${base}/${action}/host`);
      bad = true;
    }
  }
  return bad;
}

function hasProbeOrLifecycle(c: PodContainer): boolean {
  const raw = c.raw;
  return raw['livenessProbe'] != null || raw['readinessProbe'] != null || raw['startupProbe'] != null || raw['lifecycle'] != null;
}

/** Probes and lifecycle handlers must not set `host` (v1.34+). */
export function hostProbesAndHostLifecycle_1_34(pod: PodView): Failure | undefined {
  if (!pod.containers.some(hasProbeOrLifecycle)) return undefined;
  const badContainers = new Set<string>();
  const hosts = new Set<string>();
  const paths: JsonPointer[] = [];
  for (const c of pod.containers) {
    for (const probe of PROBES) {
      if (handlerHosts(c.raw[probe], `${c.path}/${probe}`, hosts, paths)) badContainers.add(c.name);
    }
    const lifecycle = rec(c.raw['lifecycle']);
    if (lifecycle) {
      for (const handler of HANDLERS) {
        if (handlerHosts(lifecycle[handler], `${c.path}/lifecycle/${handler}`, hosts, paths)) badContainers.add(c.name);
      }
    }
  }
  if (badContainers.size === 0) return undefined;
  const hostList = sortedSet(hosts);
  return {
    reason: 'probe or lifecycle host',
    detail: `${containersPhrase(sortedSet(badContainers))} ${pluralize('uses', 'use', badContainers.size)} ${pluralize('probe or lifecycle host', 'probe or lifecycle hosts', hostList.length)} ${joinQuote(hostList)}`,
    paths,
  };
}
