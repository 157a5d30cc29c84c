/**
 * The reachability engine. A connection src -> dst is allowed on a port iff src's egress side and
 * dst's ingress side both allow it. Each side is decided tier by tier, as the network-policy-api
 * defines it: AdminNetworkPolicy (by priority, first matching rule wins; Pass skips to the next
 * tier), then NetworkPolicy (if any selects the pod for that direction it is isolated and only the
 * union of matching rules is allowed), then BaselineAdminNetworkPolicy, then allow.
 *
 * Everything is computed on port sets, so one pass answers every port at once.
 */
import type { LabelSelector } from '../../model/inventory.js';
import { selectorMatches } from '../../model/inventory.js';
import type { CniName, CniProfile } from './cni.js';
import { CNI_PROFILES } from './cni.js';
import type { IpBlock, IpRange } from './ip.js';
import { ALL_V4, ALL_V6, blockContains, rangeContains } from './ip.js';
import type { AdminPeer, AdminPolicy, AdminPort, AdminRule, Direction, NetworkModel, NetworkPolicy, NpPeer, NpRule, PolicyPort, Workload } from './model.js';
import { buildModel } from './model.js';
import type { Protocol } from './ports.js';
import { PortSet } from './ports.js';
import type { Resource } from '../../model/types.js';
import { Inventory } from '../../model/inventory.js';

export type Endpoint = { kind: 'workload'; workload: Workload } | { kind: 'external'; range: IpRange; text: string };

export interface AnalysisOptions {
  cni?: CniName;
  /** A custom profile (e.g. Cilium before 1.16, which ignores endPort); overrides `cni`. */
  profile?: CniProfile;
  /** Pod CIDRs of the cluster: lets `ipBlock` match pods on plugins where it does. */
  podCidrs?: IpRange[];
}

/** One step of a side's decision: which tier and rule decided which ports, and how. */
export interface Contribution {
  tier: 'admin' | 'networkpolicy' | 'baseline' | 'default' | 'not-applicable';
  action: 'Allow' | 'Deny' | 'Pass' | 'Isolate';
  /** `AdminNetworkPolicy/x`, `NetworkPolicy/ns/name`, `BaselineAdminNetworkPolicy/default`. */
  policy?: string;
  /** `ingress[0]` / `egress[2]`, plus the ANP rule name. */
  rule?: string;
  ruleName?: string;
  pointer?: string;
  file?: string;
  /** For `Isolate`: the NetworkPolicies that isolate the pod for this direction. */
  isolatedBy?: string[];
  /** Ports this step decided (already limited to what earlier tiers left undecided). */
  ports: PortSet;
  reason: string;
}

export interface SideResult {
  direction: Direction;
  /** Is the subject isolated for this direction by a NetworkPolicy? */
  isolated: boolean;
  /** NetworkPolicies that select the subject for this direction. */
  policies: string[];
  allowed: PortSet;
  contributions: Contribution[];
}

interface SideTable {
  /** Ports allowed towards every peer workload. */
  base: PortSet;
  /** Extra ports for specific peers (unioned with base). */
  perPeer: Map<number, PortSet>;
  /** Egress only: named ports of rules matching every peer, resolved per destination. */
  namedAll: { name: string; protocol: Protocol }[];
}

function fileOf(r: { resource: Resource }): string | undefined {
  return r.resource.source.file;
}

export class NetworkAnalysis {
  readonly model: NetworkModel;
  readonly profile: CniProfile;
  private readonly podCidrs: IpRange[];
  private readonly npBySubject: { ingress: NetworkPolicy[][]; egress: NetworkPolicy[][] };
  private readonly adminBySubject: { ingress: AdminPolicy[][]; egress: AdminPolicy[][] };
  private readonly baselineBySubject: { ingress: AdminPolicy[][]; egress: AdminPolicy[][] };
  private readonly peerSetCache = new Map<string, number[]>();
  private readonly staticPortCache = new WeakMap<object, { static: PortSet; named: { name: string; protocol: Protocol }[] }>();
  private ingressTables: SideTable[] | undefined;
  private globalAtoms: IpRange[] | undefined;
  private byResource: Map<Resource, Workload> | undefined;
  private readonly atomCache = new Map<string, IpRange[]>();
  private egressTables: SideTable[] | undefined;

  constructor(model: NetworkModel, options: AnalysisOptions = {}) {
    this.model = model;
    this.profile = options.profile ?? CNI_PROFILES[options.cni ?? 'generic'];
    // Unknown pod CIDRs: pods are assumed to be IPv4 somewhere, so only a block holding every IPv4
    // address is sure to contain them. `--pod-cidr` makes this exact (and covers IPv6 clusters).
    this.podCidrs = options.podCidrs && options.podCidrs.length > 0 ? options.podCidrs : [ALL_V4];
    const n = model.workloads.length;
    const empty = <T>(): T[][] => Array.from({ length: n }, () => []);
    this.npBySubject = { ingress: empty(), egress: empty() };
    this.adminBySubject = { ingress: empty(), egress: empty() };
    this.baselineBySubject = { ingress: empty(), egress: empty() };
    for (const p of model.policies) {
      for (const w of this.selectInNamespace(p.namespace, p.podSelector)) {
        if (w.hostNetwork) continue;
        if (p.affects.ingress) this.npBySubject.ingress[w.index]!.push(p);
        if (p.affects.egress) this.npBySubject.egress[w.index]!.push(p);
      }
    }
    for (const [list, target] of [
      [model.adminPolicies, this.adminBySubject],
      [model.baselinePolicies, this.baselineBySubject],
    ] as const) {
      for (const a of list) {
        for (const w of model.workloads) {
          if (!this.adminSelects(a.subject, w)) continue;
          if (a.ingress.length > 0) target.ingress[w.index]!.push(a);
          if (a.egress.length > 0) target.egress[w.index]!.push(a);
        }
      }
    }
  }

  static fromResources(resources: readonly Resource[] | Inventory, options: AnalysisOptions = {}): NetworkAnalysis {
    return new NetworkAnalysis(buildModel(resources instanceof Inventory ? resources : new Inventory(resources)), options);
  }

  /* ----------------------------------------------------------------- selection */

  /** Per namespace, workloads by `key=value` label: narrows matchLabels selectors before full matching. */
  private labelIndex: Map<string, Map<string, Workload[]>> | undefined;

  /** Workloads of a namespace a pod selector picks (`undefined` = all); exact via `selectorMatches`. */
  private selectInNamespace(ns: string, selector: LabelSelector | undefined): Workload[] {
    const all = this.model.workloadsByNamespace.get(ns) ?? [];
    if (selector === undefined) return all;
    let candidates = all;
    const ml = selector.matchLabels;
    if (ml) {
      if (!this.labelIndex) {
        this.labelIndex = new Map();
        for (const w of this.model.workloads) {
          let m = this.labelIndex.get(w.namespace);
          if (!m) this.labelIndex.set(w.namespace, (m = new Map()));
          for (const [k, v] of Object.entries(w.labels)) {
            const key = `${k}\u0000${v}`;
            const l = m.get(key);
            if (l) l.push(w);
            else m.set(key, [w]);
          }
        }
      }
      const m = this.labelIndex.get(ns);
      for (const [k, v] of Object.entries(ml)) {
        const l = m?.get(`${k}\u0000${v}`) ?? [];
        if (l.length < candidates.length) candidates = l;
      }
    }
    return candidates.filter((w) => selectorMatches(selector, w.labels));
  }

  private nsLabels(ns: string): Record<string, string> {
    return this.model.namespaceLabels.get(ns) ?? { 'kubernetes.io/metadata.name': ns };
  }

  /** hostNetwork pods are node traffic: no pod or namespace selector ever picks them. */
  private adminSelects(s: { namespaceSelector: LabelSelector; podSelector?: LabelSelector }, w: Workload): boolean {
    if (w.hostNetwork) return false;
    if (!selectorMatches(s.namespaceSelector, this.nsLabels(w.namespace))) return false;
    return s.podSelector === undefined || selectorMatches(s.podSelector, w.labels);
  }

  npPoliciesFor(direction: Direction, w: Workload): NetworkPolicy[] {
    return this.npBySubject[direction][w.index] ?? [];
  }

  private ipBlockMatchesWorkload(block: IpBlock, w: Workload): boolean {
    if (w.hostNetwork) return this.profile.ipBlockMatchesNodes && (blockContains(block, ALL_V4) || blockContains(block, ALL_V6));
    return this.profile.ipBlockMatchesPods && this.podCidrs.some((c) => blockContains(block, c));
  }

  private npPeerMatches(policy: NetworkPolicy, peer: NpPeer, ep: Endpoint): boolean {
    if (peer.kind === 'ipBlock') return ep.kind === 'external' ? blockContains(peer.block, ep.range) : this.ipBlockMatchesWorkload(peer.block, ep.workload);
    if (ep.kind === 'external') return false;
    const w = ep.workload;
    if (w.hostNetwork) return false;
    const nsOk = peer.namespaceSelector === undefined ? w.namespace === policy.namespace : selectorMatches(peer.namespaceSelector, this.nsLabels(w.namespace));
    return nsOk && (peer.podSelector === undefined || selectorMatches(peer.podSelector, w.labels));
  }

  private npRuleMatches(policy: NetworkPolicy, rule: NpRule, ep: Endpoint): NpPeer | 'all' | undefined {
    if (rule.peers === 'all') return 'all';
    return rule.peers.find((p) => this.npPeerMatches(policy, p, ep));
  }

  /** Workloads a rule's from/to selects (cached per selector pair). */
  rulePeerWorkloads(policy: NetworkPolicy, rule: NpRule): Workload[] {
    if (rule.peers === 'all') return this.model.workloads;
    const idx = new Set<number>();
    for (const peer of rule.peers) for (const i of this.npPeerWorkloads(policy, peer)) idx.add(i);
    return [...idx].sort((a, b) => a - b).map((i) => this.model.workloads[i]!);
  }

  /** Does a NetworkPolicy rule's from/to match this endpoint (ports aside)? */
  ruleMatchesPeer(policy: NetworkPolicy, rule: NpRule, ep: Endpoint): boolean {
    return this.npRuleMatches(policy, rule, ep) !== undefined;
  }

  private adminPeerMatches(peer: AdminPeer, ep: Endpoint): boolean {
    switch (peer.kind) {
      case 'namespaces':
      case 'pods':
        return ep.kind === 'workload' && this.adminSelects(peer, ep.workload);
      case 'networks':
        // Networks also apply to cluster-internal traffic (API docs: "0.0.0.0/0" covers all IPv4
        // pod-to-pod traffic): a workload matches when a CIDR holds its whole pod CIDR.
        if (ep.kind === 'external') return peer.cidrs.some((c) => rangeContains(c, ep.range));
        if (ep.workload.hostNetwork) return peer.cidrs.some((c) => rangeContains(c, ALL_V4) || rangeContains(c, ALL_V6));
        return this.podCidrs.some((pc) => peer.cidrs.some((c) => rangeContains(c, pc)));
      case 'nodes':
        return false;
    }
  }

  /** Workload indexes a NetworkPolicy peer selects (cached: many policies share selectors). */
  private npPeerWorkloads(policy: NetworkPolicy, peer: NpPeer): number[] {
    if (peer.kind === 'ipBlock') {
      const coversFamily = blockContains(peer.block, ALL_V4) || blockContains(peer.block, ALL_V6);
      if (!this.profile.ipBlockMatchesPods && !(this.profile.ipBlockMatchesNodes && coversFamily)) return [];
      return this.model.workloads.filter((w) => this.ipBlockMatchesWorkload(peer.block, w)).map((w) => w.index);
    }
    const key = `${peer.namespaceSelector === undefined ? `=${policy.namespace}` : JSON.stringify(peer.namespaceSelector)}|${JSON.stringify(peer.podSelector ?? null)}`;
    const hit = this.peerSetCache.get(key);
    if (hit) return hit;
    const namespaces = peer.namespaceSelector === undefined ? [policy.namespace] : this.model.namespaces.filter((ns) => selectorMatches(peer.namespaceSelector, this.nsLabels(ns)));
    const out: number[] = [];
    for (const ns of namespaces) {
      for (const w of this.selectInNamespace(ns, peer.podSelector)) if (!w.hostNetwork) out.push(w.index);
    }
    this.peerSetCache.set(key, out);
    return out;
  }

  /* --------------------------------------------------------------------- ports */

  private splitPorts(ports: PolicyPort[] | 'all'): { static: PortSet; named: { name: string; protocol: Protocol }[] } {
    if (ports === 'all') return { static: PortSet.ALL, named: [] };
    const hit = this.staticPortCache.get(ports);
    if (hit) return hit;
    let s = PortSet.EMPTY;
    const named: { name: string; protocol: Protocol }[] = [];
    for (const p of ports) {
      if (p.kind === 'all-of-protocol') s = s.union(PortSet.protocol(p.protocol));
      else if (p.kind === 'number') s = s.union(PortSet.range(p.protocol, p.port, this.profile.endPort === 'range' ? (p.endPort ?? p.port) : p.port));
      else named.push({ name: p.name, protocol: p.protocol });
    }
    const out = { static: s, named };
    this.staticPortCache.set(ports, out);
    return out;
  }

  /** A named port resolves on the destination pod, and only with the same protocol. */
  private resolveNamed(named: { name: string; protocol: Protocol }[], dst: Endpoint): PortSet {
    if (named.length === 0 || dst.kind !== 'workload') return PortSet.EMPTY;
    let s = PortSet.EMPTY;
    for (const n of named) {
      for (const p of dst.workload.namedPorts.get(n.name) ?? []) if (p.protocol === n.protocol) s = s.union(PortSet.range(p.protocol, p.port));
    }
    return s;
  }

  npRulePorts(ports: PolicyPort[] | 'all', dst: Endpoint): PortSet {
    const sp = this.splitPorts(ports);
    return sp.static.union(this.resolveNamed(sp.named, dst));
  }

  private adminRulePorts(ports: AdminPort[] | 'all', dst: Endpoint): PortSet {
    if (ports === 'all') return PortSet.ALL;
    let s = PortSet.EMPTY;
    for (const p of ports) {
      if (p.kind === 'number') s = s.union(PortSet.range(p.protocol, p.port));
      else if (p.kind === 'range') s = s.union(PortSet.range(p.protocol, p.start, p.end));
      else if (dst.kind === 'workload') for (const np of dst.workload.namedPorts.get(p.name) ?? []) s = s.union(PortSet.range(np.protocol, np.port));
    }
    return s;
  }

  /* ------------------------------------------------------------ exact decision */

  /**
   * Decide one side of a connection with a full explanation. `subject` is the workload the
   * policies select (source for egress, destination for ingress); `peer` is the other end.
   */
  side(direction: Direction, subject: Workload, peer: Endpoint, explain = true): SideResult {
    const dst: Endpoint = direction === 'ingress' ? { kind: 'workload', workload: subject } : peer;
    const contributions: Contribution[] = [];
    const nps = this.npPoliciesFor(direction, subject);
    const result: SideResult = { direction, isolated: nps.length > 0, policies: explain ? nps.map((p) => `NetworkPolicy/${p.ref}`) : [], allowed: PortSet.EMPTY, contributions };
    if (subject.hostNetwork) {
      contributions.push({ tier: 'not-applicable', action: 'Allow', ports: PortSet.ALL, reason: 'hostNetwork pod: its traffic is node traffic, which no NetworkPolicy or AdminNetworkPolicy selects' });
      result.allowed = PortSet.ALL;
      return result;
    }
    let allowed = PortSet.EMPTY;
    let remaining = PortSet.ALL;
    let passed = PortSet.EMPTY;
    const adminStep = (a: AdminPolicy, rule: AdminRule, decided: PortSet): Contribution => {
      const c: Contribution = {
        tier: a.tier === 'admin' ? 'admin' : 'baseline',
        action: rule.action,
        policy: a.ref,
        rule: `${direction}[${rule.index}]`,
        ruleName: rule.name,
        pointer: rule.pointer,
        ports: decided,
        reason: `${rule.action} by ${a.ref} rule "${rule.name}"${a.tier === 'admin' ? ` (priority ${a.priority})` : ''}`,
      };
      const f = fileOf(a);
      if (f !== undefined) c.file = f;
      return c;
    };
    for (const a of this.adminBySubject[direction][subject.index] ?? []) {
      for (const rule of a[direction]) {
        if (remaining.isEmpty()) break;
        if (!rule.peers.some((p) => this.adminPeerMatches(p, peer))) continue;
        const decided = this.adminRulePorts(rule.ports, dst).intersect(remaining);
        if (decided.isEmpty()) continue;
        if (explain) contributions.push(adminStep(a, rule, decided));
        if (rule.action === 'Allow') allowed = allowed.union(decided);
        else if (rule.action === 'Pass') passed = passed.union(decided);
        remaining = remaining.subtract(decided);
      }
    }
    let npTier = remaining.union(passed);
    if (!npTier.isEmpty() && nps.length > 0) {
      let npAllowed = PortSet.EMPTY;
      for (const p of nps) {
        for (const rule of p[direction]) {
          const how = this.npRuleMatches(p, rule, peer);
          if (how === undefined) continue;
          const ports = this.npRulePorts(rule.ports, dst).intersect(npTier);
          if (ports.isEmpty()) continue;
          npAllowed = npAllowed.union(ports);
          if (explain) {
            const c: Contribution = {
              tier: 'networkpolicy',
              action: 'Allow',
              policy: `NetworkPolicy/${p.ref}`,
              rule: `${direction}[${rule.index}]`,
              pointer: how === 'all' ? rule.pointer : how.pointer,
              ports,
              reason: how === 'all' ? `allowed by NetworkPolicy/${p.ref} ${direction}[${rule.index}] (no ${direction === 'ingress' ? 'from' : 'to'}: every peer)` : `allowed by NetworkPolicy/${p.ref} ${direction}[${rule.index}].${direction === 'ingress' ? 'from' : 'to'}[${how.index}]${how.kind === 'ipBlock' ? ` (ipBlock ${how.text})` : ''}`,
            };
            const f = fileOf(p);
            if (f !== undefined) c.file = f;
            contributions.push(c);
          }
        }
      }
      const denied = npTier.subtract(npAllowed);
      if (explain && !denied.isEmpty()) {
        contributions.push({ tier: 'networkpolicy', action: 'Isolate', isolatedBy: result.policies, ports: denied, reason: `isolated for ${direction} by ${result.policies.join(', ')} and no rule allows it` });
      }
      allowed = allowed.union(npAllowed.intersect(npTier));
      npTier = PortSet.EMPTY;
    }
    if (!npTier.isEmpty()) {
      for (const b of this.baselineBySubject[direction][subject.index] ?? []) {
        for (const rule of b[direction]) {
          if (npTier.isEmpty()) break;
          if (!rule.peers.some((p) => this.adminPeerMatches(p, peer))) continue;
          const decided = this.adminRulePorts(rule.ports, dst).intersect(npTier);
          if (decided.isEmpty()) continue;
          if (explain) contributions.push(adminStep(b, rule, decided));
          if (rule.action === 'Allow') allowed = allowed.union(decided);
          npTier = npTier.subtract(decided);
        }
      }
      if (!npTier.isEmpty()) {
        if (explain) contributions.push({ tier: 'default', action: 'Allow', ports: npTier, reason: `not isolated for ${direction}: no NetworkPolicy selects it` });
        allowed = allowed.union(npTier);
      }
    }
    result.allowed = allowed;
    return result;
  }

  /** Ports allowed from `src` to `dst` (both sides). External endpoints have no policies of their own. */
  allowedPorts(src: Endpoint, dst: Endpoint): PortSet {
    const egress = src.kind === 'workload' ? this.side('egress', src.workload, dst, false).allowed : PortSet.ALL;
    if (egress.isEmpty()) return egress;
    const ingress = dst.kind === 'workload' ? this.side('ingress', dst.workload, src, false).allowed : PortSet.ALL;
    return egress.intersect(ingress);
  }

  /* ---------------------------------------------------- fast all-pairs tables */

  private hasAdminTier(direction: Direction, w: Workload): boolean {
    return (this.adminBySubject[direction][w.index]?.length ?? 0) > 0 || (this.baselineBySubject[direction][w.index]?.length ?? 0) > 0;
  }

  /** The side of `w` against every workload peer, compactly. */
  private sideTable(direction: Direction, w: Workload): SideTable {
    const nps = this.npPoliciesFor(direction, w);
    if (w.hostNetwork || (nps.length === 0 && !this.hasAdminTier(direction, w))) return { base: PortSet.ALL, perPeer: new Map(), namedAll: [] };
    const perPeer = new Map<number, PortSet>();
    if (this.hasAdminTier(direction, w)) {
      // First-match tiers do not decompose into unions: decide every peer exactly.
      for (const peer of this.model.workloads) {
        const s = this.side(direction, w, { kind: 'workload', workload: peer }, false).allowed;
        if (!s.isEmpty()) perPeer.set(peer.index, s);
      }
      return { base: PortSet.EMPTY, perPeer, namedAll: [] };
    }
    let base = PortSet.EMPTY;
    const namedAll: { name: string; protocol: Protocol }[] = [];
    const self: Endpoint = { kind: 'workload', workload: w };
    const add = (idx: number, ports: PortSet): void => {
      if (ports.isEmpty()) return;
      const cur = perPeer.get(idx);
      perPeer.set(idx, cur ? cur.union(ports) : ports);
    };
    for (const p of nps) {
      for (const rule of p[direction]) {
        const sp = this.splitPorts(rule.ports);
        if (direction === 'ingress') {
          const ports = sp.static.union(this.resolveNamed(sp.named, self));
          if (ports.isEmpty()) continue;
          if (rule.peers === 'all') base = base.union(ports);
          else for (const peer of rule.peers) for (const idx of this.npPeerWorkloads(p, peer)) add(idx, ports);
        } else if (rule.peers === 'all') {
          base = base.union(sp.static);
          namedAll.push(...sp.named);
        } else {
          for (const peer of rule.peers) {
            for (const idx of this.npPeerWorkloads(p, peer)) {
              const dst = this.model.workloads[idx]!;
              add(idx, sp.named.length === 0 ? sp.static : sp.static.union(this.resolveNamed(sp.named, { kind: 'workload', workload: dst })));
            }
          }
        }
      }
    }
    return { base, perPeer, namedAll };
  }

  /** Ports on which `w` accepts connections from every other workload (ingress side only). */
  ingressFromAllWorkloads(w: Workload): PortSet {
    const t = this.tables().ingress[w.index]!;
    const others = this.model.workloads.length - 1;
    let extra: PortSet | undefined;
    let covered = 0;
    for (const [peer, ports] of t.perPeer) {
      if (peer === w.index) continue;
      covered++;
      extra = extra ? extra.intersect(ports) : ports;
    }
    // A peer missing from the table gets only the base ports. With no other workload in the input,
    // only ports open to every possible peer count: "every other workload" must not be vacuous.
    return covered === others && extra ? t.base.union(extra) : t.base;
  }

  /** The workload a resource stands for, if any. */
  workloadOf(resource: Resource): Workload | undefined {
    this.byResource ??= new Map(this.model.workloads.map((w) => [w.resource, w]));
    return this.byResource.get(resource);
  }

  private tableValue(t: SideTable, peerIdx: number): PortSet {
    let s = t.base;
    const extra = t.perPeer.get(peerIdx);
    if (extra) s = s.union(extra);
    if (t.namedAll.length > 0) s = s.union(this.resolveNamed(t.namedAll, { kind: 'workload', workload: this.model.workloads[peerIdx]! }));
    return s;
  }

  private tables(): { ingress: SideTable[]; egress: SideTable[] } {
    this.ingressTables ??= this.model.workloads.map((w) => this.sideTable('ingress', w));
    this.egressTables ??= this.model.workloads.map((w) => this.sideTable('egress', w));
    return { ingress: this.ingressTables, egress: this.egressTables };
  }

  /**
   * Every allowed workload-to-workload connection, as (src, dst, ports). Visits only candidate pairs:
   * for a source isolated for egress, its allowed peers; otherwise the destinations open for ingress
   * plus those that list the source explicitly.
   */
  workloadConnections(visit: (src: Workload, dst: Workload, ports: PortSet) => void, only?: { src?: Workload; dst?: Workload }): void {
    const { ingress, egress } = this.tables();
    const ws = this.model.workloads;
    const openIngress: number[] = [];
    const reverse: number[][] = ws.map(() => []);
    ingress.forEach((t, d) => {
      if (!t.base.isEmpty()) openIngress.push(d);
      for (const s of t.perPeer.keys()) reverse[s]!.push(d);
    });
    const seen = new Int32Array(ws.length).fill(-1);
    const sources = only?.src ? [only.src] : ws;
    for (const src of sources) {
      const eg = egress[src.index]!;
      const candidates: number[] = [];
      const push = (d: number): void => {
        if (seen[d] === src.index) return;
        seen[d] = src.index;
        candidates.push(d);
      };
      if (only?.dst) push(only.dst.index);
      else if (!eg.base.isEmpty() || eg.namedAll.length > 0) {
        for (const d of openIngress) push(d);
        for (const d of reverse[src.index]!) push(d);
        for (const d of eg.perPeer.keys()) if (!ingress[d]!.base.isEmpty() || ingress[d]!.perPeer.has(src.index)) push(d);
      } else {
        for (const d of eg.perPeer.keys()) push(d);
      }
      candidates.sort((a, b) => a - b);
      for (const d of candidates) {
        const e = this.tableValue(eg, d);
        if (e.isEmpty()) continue;
        const ports = e.intersect(this.tableValue(ingress[d]!, src.index));
        if (!ports.isEmpty()) visit(src, ws[d]!, ports);
      }
    }
  }

  /* -------------------------------------------------------- external addresses */

  /** Disjoint address ranges on which every ipBlock / network peer is constant. */
  externalAtoms(): IpRange[] {
    const ranges: IpRange[] = [];
    for (const p of this.model.policies) for (const rule of [...p.ingress, ...p.egress]) collectBlocks(rule, ranges);
    for (const a of [...this.model.adminPolicies, ...this.model.baselinePolicies]) for (const rule of [...a.ingress, ...a.egress]) for (const peer of rule.peers) if (peer.kind === 'networks') ranges.push(...peer.cidrs);
    return atomsOf(ranges);
  }

  /**
   * The coarsest address ranges on which `w`'s side towards external addresses is constant: only
   * the ipBlocks of the policies selecting it matter (all addresses when nothing isolates it).
   */
  externalAtomsFor(direction: Direction, w: Workload): IpRange[] {
    if (w.hostNetwork) return [ALL_V4, ALL_V6];
    if (this.hasAdminTier(direction, w)) return (this.globalAtoms ??= this.externalAtoms());
    const nps = this.npPoliciesFor(direction, w);
    // Workloads selected by the same policies share their atoms (typically a whole namespace).
    const key = `${direction}\u0000${nps.map((p) => p.ref).join('\u0000')}`;
    let atoms = this.atomCache.get(key);
    if (!atoms) {
      const ranges: IpRange[] = [];
      for (const p of nps) for (const rule of p[direction]) collectBlocks(rule, ranges);
      atoms = atomsOf(ranges);
      this.atomCache.set(key, atoms);
    }
    return atoms;
  }
}

function collectBlocks(rule: NpRule, out: IpRange[]): void {
  if (rule.peers === 'all') return;
  for (const peer of rule.peers) if (peer.kind === 'ipBlock') out.push(peer.block.cidr, ...peer.block.except);
}

/** Split both address families at every range boundary. */
function atomsOf(ranges: IpRange[]): IpRange[] {
  const cuts: Record<4 | 6, Set<bigint>> = { 4: new Set([0n]), 6: new Set([0n]) };
  for (const r of ranges) {
    cuts[r.family].add(r.start);
    cuts[r.family].add(r.end + 1n);
  }
  const out: IpRange[] = [];
  for (const fam of [4, 6] as const) {
    const max = fam === 4 ? ALL_V4.end : ALL_V6.end;
    const sorted = [...cuts[fam]].filter((c) => c <= max).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    sorted.forEach((start, i) => out.push({ family: fam, start, end: i + 1 < sorted.length ? sorted[i + 1]! - 1n : max }));
  }
  return out;
}
