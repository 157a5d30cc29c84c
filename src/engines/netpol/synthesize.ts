/**
 * Least-privilege NetworkPolicies from declared or observed flows: a default deny (ingress and
 * egress) per namespace, DNS egress to kube-dns, one ingress policy per destination workload and one
 * egress policy per source workload. A verification step re-runs the same engine on the manifests
 * with the generated set (replacing existing policies) and compares every connection with the flows.
 */
import type { K8sObject, Resource } from '../../model/types.js';
import { NetworkAnalysis } from './analysis.js';
import type { AnalysisOptions, Endpoint } from './analysis.js';
import { externalRef } from './connectivity.js';
import { NetpolInputError, resolveEndpoint } from './eval.js';
import type { IpRange } from './ip.js';
import { rangeContains, rangeToCidrs } from './ip.js';
import type { NetworkModel, Workload } from './model.js';
import type { Protocol } from './ports.js';
import { PROTOCOLS, PortSet, isProtocol } from './ports.js';

export interface Flow {
  source: string;
  destination: string;
  /** A number, a `lo-hi` range, or a container port name (resolved on the destination). */
  port: number | string;
  protocol: Protocol;
}

/** Parse the `--connections` document: a list (or `{connections: [...]}`) of flows. */
export function parseFlows(doc: unknown): Flow[] {
  const list = Array.isArray(doc) ? doc : doc !== null && typeof doc === 'object' && Array.isArray((doc as Record<string, unknown>)['connections']) ? ((doc as Record<string, unknown>)['connections'] as unknown[]) : undefined;
  if (!list) throw new NetpolInputError('bad-ref', 'the connections file must be a list of flows, or an object with a "connections" list');
  return list.map((raw, i) => {
    if (raw === null || typeof raw !== 'object') throw new NetpolInputError('bad-ref', `connection ${i}: not an object`);
    const r = raw as Record<string, unknown>;
    const source = r['source'] ?? r['src'] ?? r['from'];
    const destination = r['destination'] ?? r['dst'] ?? r['to'];
    const port = r['port'];
    const protocol = typeof r['protocol'] === 'string' ? r['protocol'].toUpperCase() : 'TCP';
    if (typeof source !== 'string' || typeof destination !== 'string') throw new NetpolInputError('bad-ref', `connection ${i}: source and destination are required strings`);
    if (typeof port !== 'number' && typeof port !== 'string') throw new NetpolInputError('bad-port', `connection ${i}: port is required (number, lo-hi, or a port name)`);
    if (!isProtocol(protocol)) throw new NetpolInputError('bad-protocol', `connection ${i}: protocol must be TCP, UDP or SCTP`);
    return { source, destination, port, protocol };
  });
}

interface ResolvedFlow {
  src: Endpoint;
  dst: Endpoint;
  /** Numeric ports (ranges included). */
  ports: PortSet;
  /** A named port, kept by name in the policy so it follows the pod's spec. */
  named?: string;
  protocol: Protocol;
}

function resolveFlow(model: NetworkModel, f: Flow, i: number): ResolvedFlow {
  const src = resolveEndpoint(model, f.source, false);
  const dst = resolveEndpoint(model, f.destination, false);
  if (src.kind !== 'endpoint' || dst.kind !== 'endpoint') throw new NetpolInputError('bad-ref', `connection ${i}: endpoints must be workloads or addresses`);
  if (src.endpoint.kind === 'external' && dst.endpoint.kind === 'external') throw new NetpolInputError('bad-ref', `connection ${i}: at least one end must be a workload`);
  const text = String(f.port);
  const m = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (m) {
    const lo = Number(m[1]);
    const hi = Number(m[2] ?? m[1]);
    if (lo < 1 || hi > 65535 || hi < lo) throw new NetpolInputError('bad-port', `connection ${i}: bad port ${text}`);
    return { src: src.endpoint, dst: dst.endpoint, ports: PortSet.range(f.protocol, lo, hi), protocol: f.protocol };
  }
  if (dst.endpoint.kind !== 'workload') throw new NetpolInputError('unresolved-port', `connection ${i}: a named port needs a workload destination`);
  const np = (dst.endpoint.workload.namedPorts.get(text) ?? []).find((p) => p.protocol === f.protocol);
  if (!np) throw new NetpolInputError('unresolved-port', `connection ${i}: ${dst.endpoint.workload.ref} has no ${f.protocol} port named "${text}"`);
  return { src: src.endpoint, dst: dst.endpoint, ports: PortSet.range(f.protocol, np.port), named: text, protocol: f.protocol };
}

type PortEntry = { protocol: Protocol; port?: number | string; endPort?: number };

function portEntries(flows: ResolvedFlow[]): PortEntry[] {
  let numeric = PortSet.EMPTY;
  const named = new Map<string, PortEntry>();
  for (const f of flows) {
    if (f.named !== undefined) named.set(`${f.protocol}/${f.named}`, { protocol: f.protocol, port: f.named });
    else numeric = numeric.union(f.ports);
  }
  const out: PortEntry[] = [];
  for (const proto of PROTOCOLS) {
    const r = numeric.ranges(proto);
    for (let k = 0; k < r.length; k += 2) {
      const lo = r[k]!;
      const hi = r[k + 1]!;
      if (lo === 1 && hi === 65535) out.push({ protocol: proto });
      else if (lo === hi) out.push({ protocol: proto, port: lo });
      else out.push({ protocol: proto, port: lo, endPort: hi });
    }
  }
  return [...out, ...[...named.values()].sort((a, b) => String(a.port).localeCompare(String(b.port)))];
}

function peerFor(self: Workload, other: Endpoint): Record<string, unknown> {
  if (other.kind === 'external') return { ipBlock: { cidr: rangeToCidrs(other.range)[0] } };
  const w = other.workload;
  const podSelector = { matchLabels: { ...w.labels } };
  return w.namespace === self.namespace ? { podSelector } : { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': w.namespace } }, podSelector };
}

function np(namespace: string, name: string, spec: Record<string, unknown>): K8sObject {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace, labels: { 'app.kubernetes.io/managed-by': 'rampart' } }, spec };
}

function rulesFor(self: Workload, flows: ResolvedFlow[], direction: 'ingress' | 'egress'): Record<string, unknown>[] {
  // Group peers by identical port lists: one rule per distinct list.
  const byPeer = new Map<string, { peer: Endpoint; flows: ResolvedFlow[] }>();
  for (const f of flows) {
    const peer = direction === 'ingress' ? f.src : f.dst;
    const key = peer.kind === 'workload' ? `w:${peer.workload.ref}` : `e:${peer.range.family}:${peer.range.start}:${peer.range.end}`;
    const g = byPeer.get(key);
    if (g) g.flows.push(f);
    else byPeer.set(key, { peer, flows: [f] });
  }
  const byPorts = new Map<string, { ports: PortEntry[]; peers: Record<string, unknown>[] }>();
  for (const { peer, flows: fl } of [...byPeer.values()].sort((a, b) => keyOf(a.peer).localeCompare(keyOf(b.peer)))) {
    const ports = portEntries(fl);
    const k = JSON.stringify(ports);
    const g = byPorts.get(k);
    if (g) g.peers.push(peerFor(self, peer));
    else byPorts.set(k, { ports, peers: [peerFor(self, peer)] });
  }
  return [...byPorts.values()].map((g) => ({ [direction === 'ingress' ? 'from' : 'to']: g.peers, ports: g.ports }));
}

function keyOf(e: Endpoint): string {
  return e.kind === 'workload' ? e.workload.ref : externalRef([e.range]).ref;
}

export interface SynthesisOptions extends AnalysisOptions {
  /** Add DNS egress to kube-dns (default true). */
  dns?: boolean;
}

export interface Verification {
  verified: boolean;
  /** Connections the generated set allows beyond the flows (and DNS). */
  extra: { src: string; dst: string; ports: string }[];
  /** Flows the generated set does not allow. */
  missing: { src: string; dst: string; ports: string }[];
  notes: string[];
}

export interface SynthesisResult {
  policies: K8sObject[];
  warnings: string[];
  verification: Verification;
}

const DNS_PORTS: PortEntry[] = [
  { protocol: 'UDP', port: 53 },
  { protocol: 'TCP', port: 53 },
];
const DNS_SET = PortSet.range('UDP', 53).union(PortSet.range('TCP', 53));

function isKubeDns(w: Workload): boolean {
  return w.namespace === 'kube-system' && w.labels['k8s-app'] === 'kube-dns';
}

export function synthesize(resources: readonly Resource[], flowsIn: Flow[], options: SynthesisOptions = {}): SynthesisResult {
  const base = NetworkAnalysis.fromResources(resources, options);
  const model = base.model;
  const flows = flowsIn.map((f, i) => resolveFlow(model, f, i));
  const warnings: string[] = [];
  const dns = options.dns !== false;
  const policies: K8sObject[] = [];
  const managed = model.workloads.filter((w) => !w.hostNetwork);
  const namespaces = [...new Set(managed.map((w) => w.namespace))].sort();
  for (const ns of namespaces) {
    policies.push(np(ns, 'default-deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }));
    if (dns) {
      policies.push(
        np(ns, 'allow-dns-egress', {
          podSelector: {},
          policyTypes: ['Egress'],
          egress: [{ to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }], ports: DNS_PORTS }],
        }),
      );
    }
  }
  const kubeDns = managed.filter(isKubeDns);
  if (dns && kubeDns.length > 0) {
    policies.push(np('kube-system', 'allow-dns-ingress', { podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } }, policyTypes: ['Ingress'], ingress: [{ from: [{ namespaceSelector: {} }], ports: DNS_PORTS }] }));
  }
  for (const w of managed) {
    const sameNs = managed.filter((o) => o !== w && o.namespace === w.namespace);
    const clash = sameNs.filter((o) => Object.entries(w.labels).every(([k, v]) => o.labels[k] === v));
    if (Object.keys(w.labels).length === 0) warnings.push(`${w.ref} has no pod labels: no selector can pick it alone`);
    else if (clash.length > 0) warnings.push(`${w.ref}: its pod labels also select ${clash.map((c) => c.ref).join(', ')}; the generated policies apply to those too`);
    const ing = flows.filter((f) => f.dst.kind === 'workload' && f.dst.workload === w);
    const eg = flows.filter((f) => f.src.kind === 'workload' && f.src.workload === w);
    if (ing.length > 0) policies.push(np(w.namespace, `allow-ingress-${w.name}`, { podSelector: { matchLabels: { ...w.labels } }, policyTypes: ['Ingress'], ingress: rulesFor(w, ing, 'ingress') }));
    if (eg.length > 0) policies.push(np(w.namespace, `allow-egress-${w.name}`, { podSelector: { matchLabels: { ...w.labels } }, policyTypes: ['Egress'], egress: rulesFor(w, eg, 'egress') }));
  }
  for (const f of flows) for (const e of [f.src, f.dst]) if (e.kind === 'workload' && e.workload.hostNetwork) warnings.push(`${e.workload.ref} uses hostNetwork: NetworkPolicy cannot select it, so no policy is generated for it`);
  const verification = verify(resources, policies, flows, dns ? kubeDns : [], options);
  return { policies, warnings: [...new Set(warnings)], verification };
}

/** Re-run the engine with the generated set in place of existing policies and compare with the flows. */
function verify(resources: readonly Resource[], policies: K8sObject[], flows: ResolvedFlow[], dnsTargets: Workload[], options: AnalysisOptions): Verification {
  const replaced = new Set(['NetworkPolicy', 'AdminNetworkPolicy', 'BaselineAdminNetworkPolicy']);
  const kept = resources.filter((r) => !replaced.has(r.object.kind));
  const generated: Resource[] = policies.map((object, documentIndex) => ({ object, source: { file: '<synthesized>', documentIndex, locate: () => undefined } }));
  const a = NetworkAnalysis.fromResources([...kept, ...generated], options);
  const ws = a.model.workloads;
  const byRef = new Map(ws.map((w) => [w.ref, w]));
  const notes: string[] = ['existing NetworkPolicies, AdminNetworkPolicies and BaselineAdminNetworkPolicies are replaced by the generated set for verification'];
  const hostNet = ws.filter((w) => w.hostNetwork);
  if (hostNet.length > 0) notes.push(`hostNetwork workloads are not verified (policies cannot select them): ${hostNet.map((w) => w.ref).join(', ')}`);

  // Expected workload-to-workload ports, with DNS to every kube-dns workload.
  const expected = new Map<string, PortSet>();
  const add = (s: string, d: string, p: PortSet): void => void expected.set(`${s}\u0000${d}`, (expected.get(`${s}\u0000${d}`) ?? PortSet.EMPTY).union(p));
  for (const f of flows) if (f.src.kind === 'workload' && f.dst.kind === 'workload') add(f.src.workload.ref, f.dst.workload.ref, f.ports);
  for (const s of ws) if (!s.hostNetwork) for (const d of dnsTargets) add(s.ref, d.ref, DNS_SET);
  const extra: Verification['extra'] = [];
  const missing: Verification['missing'] = [];
  const actual = new Map<string, PortSet>();
  a.workloadConnections((s, d, ports) => {
    if (!s.hostNetwork && !d.hostNetwork) actual.set(`${s.ref}\u0000${d.ref}`, ports);
  });
  const keys = new Set([...expected.keys(), ...actual.keys()]);
  for (const k of [...keys].sort()) {
    const [s, d] = k.split('\u0000') as [string, string];
    const want = expected.get(k) ?? PortSet.EMPTY;
    const got = actual.get(k) ?? PortSet.EMPTY;
    const more = got.subtract(want);
    const less = want.subtract(got);
    if (!more.isEmpty()) extra.push({ src: s, dst: d, ports: more.toString() });
    if (!less.isEmpty()) missing.push({ src: s, dst: d, ports: less.toString() });
  }
  // External flows, compared on every address range the policies distinguish.
  const atoms = a.externalAtoms();
  for (const w of ws) {
    if (w.hostNetwork) continue;
    for (const direction of ['egress', 'ingress'] as const) {
      for (const atom of atoms) {
        let want = PortSet.EMPTY;
        for (const f of flows) {
          const [self, other] = direction === 'egress' ? [f.src, f.dst] : [f.dst, f.src];
          if (self.kind === 'workload' && self.workload.ref === w.ref && other.kind === 'external' && rangeContains(other.range, atom)) want = want.union(f.ports);
        }
        const got = a.side(direction, byRef.get(w.ref)!, { kind: 'external', range: atom, text: '' }).allowed;
        const ext = externalRef([atom as IpRange]).ref;
        const [src, dst] = direction === 'egress' ? [w.ref, ext] : [ext, w.ref];
        const more = got.subtract(want);
        const less = want.subtract(got);
        if (!more.isEmpty()) extra.push({ src, dst, ports: more.toString() });
        if (!less.isEmpty()) missing.push({ src, dst, ports: less.toString() });
      }
    }
  }
  return { verified: extra.length === 0 && missing.length === 0, extra, missing, notes };
}
