/**
 * The normalized network model: workloads (the unit of reachability), namespaces with their labels,
 * NetworkPolicies with API-server defaults applied, and AdminNetworkPolicy / BaselineAdminNetworkPolicy.
 * Input is untrusted: every accessor checks shape, and anything the API server would reject is
 * recorded as a warning rather than guessed at.
 */
import type { LabelSelector } from '../../model/inventory.js';
import { Inventory } from '../../model/inventory.js';
import type { JsonPointer, Resource } from '../../model/types.js';
import { joinPointer } from '../../model/pointer.js';
import { podTemplateOf } from '../../model/workloads.js';
import type { IpBlock, IpRange } from './ip.js';
import { IpParseError, parseCidr } from './ip.js';
import type { Protocol } from './ports.js';
import { isProtocol } from './ports.js';

/** Kinds that stand for running pods. PodTemplate is not: it never runs by itself. */
const WORKLOAD_UNIT_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'ReplicationController', 'Pod']);

export interface NamedPort {
  name: string;
  port: number;
  protocol: Protocol;
}

export interface Workload {
  index: number;
  namespace: string;
  name: string;
  kind: string;
  /** `<namespace>/<name>`; `<namespace>/<Kind>/<name>` only when two kinds share a name. */
  ref: string;
  labels: Record<string, string>;
  hostNetwork: boolean;
  /** Container ports (all containers, incl. init containers as sidecars may listen). */
  ports: NamedPort[];
  /** Named ports by name, for resolving policy `port: <name>`. */
  namedPorts: Map<string, NamedPort[]>;
  resource: Resource;
}

export interface ServicePort {
  name?: string;
  port: number;
  protocol: Protocol;
  targetPort: number | string;
}

export interface Service {
  namespace: string;
  name: string;
  selector: Record<string, string> | undefined;
  ports: ServicePort[];
}

/** One entry of a rule's `ports` list after defaulting. */
export type PolicyPort =
  | { kind: 'all-of-protocol'; protocol: Protocol }
  | { kind: 'number'; protocol: Protocol; port: number; endPort?: number }
  | { kind: 'named'; protocol: Protocol; name: string };

export type NpPeer =
  | {
      kind: 'pods';
      /** `undefined`: the policy's own namespace. `{}` selects every namespace. */
      namespaceSelector: LabelSelector | undefined;
      /** `undefined`: every pod of the selected namespaces. */
      podSelector: LabelSelector | undefined;
      pointer: JsonPointer;
      /** Position in `from`/`to`. */
      index: number;
    }
  | { kind: 'ipBlock'; block: IpBlock; text: string; pointer: JsonPointer; index: number };

export type Direction = 'ingress' | 'egress';

export interface NpRule {
  direction: Direction;
  index: number;
  /** `all`: `from`/`to` missing or empty, which matches every peer. */
  peers: NpPeer[] | 'all';
  /** `all`: `ports` missing or empty, which matches every port and protocol. */
  ports: PolicyPort[] | 'all';
  pointer: JsonPointer;
}

export interface NetworkPolicy {
  namespace: string;
  name: string;
  /** `<namespace>/<name>` */
  ref: string;
  podSelector: LabelSelector;
  /** After defaulting: Ingress always when unset; Egress when unset and `egress` is non-empty. */
  affects: { ingress: boolean; egress: boolean };
  ingress: NpRule[];
  egress: NpRule[];
  resource: Resource;
}

export type AdminAction = 'Allow' | 'Deny' | 'Pass';

export type AdminSubject =
  | { kind: 'namespaces'; namespaceSelector: LabelSelector }
  | { kind: 'pods'; namespaceSelector: LabelSelector; podSelector: LabelSelector };

export type AdminPeer =
  | { kind: 'namespaces'; namespaceSelector: LabelSelector }
  | { kind: 'pods'; namespaceSelector: LabelSelector; podSelector: LabelSelector }
  | { kind: 'networks'; cidrs: IpRange[] }
  /** Node peers need Node objects and their labels; they never match workloads here. */
  | { kind: 'nodes' };

export type AdminPort =
  | { kind: 'number'; protocol: Protocol; port: number }
  | { kind: 'named'; name: string }
  | { kind: 'range'; protocol: Protocol; start: number; end: number };

export interface AdminRule {
  direction: Direction;
  index: number;
  name: string;
  action: AdminAction;
  peers: AdminPeer[];
  ports: AdminPort[] | 'all';
  pointer: JsonPointer;
}

export interface AdminPolicy {
  tier: 'admin' | 'baseline';
  name: string;
  /** `AdminNetworkPolicy/<name>` or `BaselineAdminNetworkPolicy/<name>` */
  ref: string;
  /** 0..1000, lower wins; the baseline has none. */
  priority: number;
  subject: AdminSubject;
  ingress: AdminRule[];
  egress: AdminRule[];
  resource: Resource;
}

export interface ModelWarning {
  ref: string;
  pointer: JsonPointer;
  message: string;
}

export interface NetworkModel {
  inventory: Inventory;
  namespaces: string[];
  namespaceLabels: Map<string, Record<string, string>>;
  workloads: Workload[];
  workloadsByNamespace: Map<string, Workload[]>;
  services: Service[];
  policies: NetworkPolicy[];
  adminPolicies: AdminPolicy[];
  baselinePolicies: AdminPolicy[];
  warnings: ModelWarning[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function asSelector(v: unknown): LabelSelector | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isRecord(v)) return { matchExpressions: [{ key: '', operator: '<invalid>' }] }; // selects nothing
  const sel: LabelSelector = {};
  if (isRecord(v['matchLabels'])) {
    const ml: Record<string, string> = {};
    for (const [k, val] of Object.entries(v['matchLabels'])) ml[k] = String(val);
    sel.matchLabels = ml;
  }
  if (Array.isArray(v['matchExpressions'])) {
    sel.matchExpressions = v['matchExpressions'].filter(isRecord).map((e) => {
      const expr: { key: string; operator: string; values?: string[] } = { key: String(e['key'] ?? ''), operator: String(e['operator'] ?? '') };
      if (Array.isArray(e['values'])) expr.values = e['values'].map(String);
      return expr;
    });
  }
  return sel;
}

function protocolOf(v: unknown, warn: (m: string) => void): Protocol {
  if (v === undefined || v === null) return 'TCP';
  if (isProtocol(v)) return v;
  warn(`unknown protocol "${String(v)}" (the API server accepts only TCP, UDP and SCTP); treated as TCP`);
  return 'TCP';
}

/** Should this object be skipped because its controller is in the input too (a Pod of a ReplicaSet of a Deployment)? */
function ownedByLoadedController(r: Resource, inv: Inventory): boolean {
  const owners = r.object.metadata?.['ownerReferences'];
  if (!Array.isArray(owners)) return false;
  return owners.some(
    (o) => isRecord(o) && o['controller'] === true && typeof o['kind'] === 'string' && typeof o['name'] === 'string' && inv.get(o['kind'], r.object.metadata?.namespace ?? 'default', o['name']) !== undefined,
  );
}

function buildWorkloads(inv: Inventory): Workload[] {
  const out: Workload[] = [];
  const candidates = inv.resources.filter((r) => WORKLOAD_UNIT_KINDS.has(r.object.kind) && typeof r.object.metadata?.name === 'string');
  const nameCount = new Map<string, number>();
  for (const r of candidates) {
    if (ownedByLoadedController(r, inv)) continue;
    const key = `${r.object.metadata?.namespace ?? 'default'}/${r.object.metadata?.name}`;
    nameCount.set(key, (nameCount.get(key) ?? 0) + 1);
  }
  for (const r of candidates) {
    if (ownedByLoadedController(r, inv)) continue;
    const view = podTemplateOf(r.object);
    if (!view) continue;
    const namespace = r.object.metadata?.namespace ?? 'default';
    const name = r.object.metadata?.name as string;
    const ports: NamedPort[] = [];
    for (const type of ['initContainers', 'containers'] as const) {
      const list = view.spec[type];
      if (!Array.isArray(list)) continue;
      for (const c of list) {
        if (!isRecord(c) || !Array.isArray(c['ports'])) continue;
        for (const p of c['ports']) {
          if (!isRecord(p) || typeof p['containerPort'] !== 'number') continue;
          const protocol = isProtocol(p['protocol']) ? p['protocol'] : 'TCP';
          ports.push({ name: typeof p['name'] === 'string' ? p['name'] : '', port: p['containerPort'], protocol });
        }
      }
    }
    const namedPorts = new Map<string, NamedPort[]>();
    for (const p of ports) {
      if (p.name === '') continue;
      const l = namedPorts.get(p.name);
      if (l) l.push(p);
      else namedPorts.set(p.name, [p]);
    }
    const key = `${namespace}/${name}`;
    out.push({
      index: out.length,
      namespace,
      name,
      kind: r.object.kind,
      ref: (nameCount.get(key) ?? 0) > 1 ? `${namespace}/${r.object.kind}/${name}` : key,
      labels: view.labels,
      hostNetwork: view.spec.hostNetwork === true,
      ports,
      namedPorts,
      resource: r,
    });
  }
  return out;
}

function buildServices(inv: Inventory): Service[] {
  return inv.ofKind('Service').flatMap((r) => {
    const spec = r.object['spec'];
    const name = r.object.metadata?.name;
    if (!isRecord(spec) || typeof name !== 'string') return [];
    const selector = isRecord(spec['selector']) ? Object.fromEntries(Object.entries(spec['selector']).map(([k, v]) => [k, String(v)])) : undefined;
    const ports: ServicePort[] = [];
    if (Array.isArray(spec['ports'])) {
      for (const p of spec['ports']) {
        if (!isRecord(p) || typeof p['port'] !== 'number') continue;
        const sp: ServicePort = {
          port: p['port'],
          protocol: isProtocol(p['protocol']) ? p['protocol'] : 'TCP',
          // The API server defaults targetPort to port.
          targetPort: typeof p['targetPort'] === 'number' || typeof p['targetPort'] === 'string' ? p['targetPort'] : p['port'],
        };
        if (typeof p['name'] === 'string') sp.name = p['name'];
        ports.push(sp);
      }
    }
    return [{ namespace: r.object.metadata?.namespace ?? 'default', name, selector, ports }];
  });
}

function parsePolicyPorts(raw: unknown, base: JsonPointer, warn: (p: JsonPointer, m: string) => void): PolicyPort[] | 'all' {
  if (!Array.isArray(raw) || raw.length === 0) return 'all';
  const out: PolicyPort[] = [];
  raw.forEach((p, i) => {
    const ptr = joinPointer(base, i);
    if (!isRecord(p)) return;
    const protocol = protocolOf(p['protocol'], (m) => warn(joinPointer(ptr, 'protocol'), m));
    const port = p['port'];
    if (port === undefined || port === null) {
      if (p['endPort'] !== undefined) warn(joinPointer(ptr, 'endPort'), 'endPort without port is rejected by the API server; ignored');
      out.push({ kind: 'all-of-protocol', protocol });
    } else if (typeof port === 'number') {
      const pp: PolicyPort = { kind: 'number', protocol, port };
      const end = p['endPort'];
      if (typeof end === 'number') {
        if (end >= port) pp.endPort = end;
        else warn(joinPointer(ptr, 'endPort'), `endPort ${end} is below port ${port} (rejected by the API server); only port ${port} is considered`);
      }
      out.push(pp);
    } else if (typeof port === 'string') {
      if (p['endPort'] !== undefined) warn(joinPointer(ptr, 'endPort'), 'endPort with a named port is rejected by the API server; ignored');
      out.push({ kind: 'named', protocol, name: port });
    }
  });
  return out;
}

function parseIpBlock(v: Record<string, unknown>, ptr: JsonPointer, index: number, warn: (p: JsonPointer, m: string) => void): NpPeer | undefined {
  try {
    const cidr = parseCidr(String(v['cidr']));
    const except: IpRange[] = [];
    if (Array.isArray(v['except'])) {
      v['except'].forEach((e, i) => {
        try {
          except.push(parseCidr(String(e)));
        } catch (err) {
          if (err instanceof IpParseError) warn(joinPointer(ptr, 'except', i), err.message);
          else throw err;
        }
      });
    }
    return { kind: 'ipBlock', block: { cidr, except }, text: String(v['cidr']), pointer: ptr, index };
  } catch (err) {
    if (err instanceof IpParseError) {
      warn(joinPointer(ptr, 'cidr'), `${err.message}; this peer matches nothing`);
      return undefined;
    }
    throw err;
  }
}

function parseNpRules(spec: Record<string, unknown>, direction: Direction, warn: (p: JsonPointer, m: string) => void): NpRule[] {
  const raw = spec[direction];
  if (!Array.isArray(raw)) return [];
  const peerKey = direction === 'ingress' ? 'from' : 'to';
  return raw.map((r, index) => {
    const pointer = joinPointer('/spec', direction, index);
    const rule: Record<string, unknown> = isRecord(r) ? r : {};
    const rawPeers = rule[peerKey];
    let peers: NpPeer[] | 'all' = 'all';
    if (Array.isArray(rawPeers) && rawPeers.length > 0) {
      peers = [];
      rawPeers.forEach((p, i) => {
        const ptr = joinPointer(pointer, peerKey, i);
        if (!isRecord(p)) return;
        if (isRecord(p['ipBlock'])) {
          if (p['podSelector'] !== undefined || p['namespaceSelector'] !== undefined) warn(ptr, 'ipBlock combined with a selector is rejected by the API server; only ipBlock is considered');
          const b = parseIpBlock(p['ipBlock'], joinPointer(ptr, 'ipBlock'), i, warn);
          if (b) (peers as NpPeer[]).push(b);
          return;
        }
        const podSelector = asSelector(p['podSelector']);
        const namespaceSelector = asSelector(p['namespaceSelector']);
        if (!podSelector && !namespaceSelector) {
          warn(ptr, 'a peer with no selector and no ipBlock is rejected by the API server; it matches nothing here');
          return;
        }
        (peers as NpPeer[]).push({ kind: 'pods', podSelector, namespaceSelector, pointer: ptr, index: i });
      });
    }
    return { direction, index, peers, ports: parsePolicyPorts(rule['ports'], joinPointer(pointer, 'ports'), warn), pointer };
  });
}

function buildPolicies(inv: Inventory, warnings: ModelWarning[]): NetworkPolicy[] {
  return inv.ofKind('NetworkPolicy').flatMap((r) => {
    if (!r.object.apiVersion.startsWith('networking.k8s.io/')) return [];
    const name = r.object.metadata?.name;
    if (typeof name !== 'string') return [];
    const namespace = r.object.metadata?.namespace ?? 'default';
    const ref = `${namespace}/${name}`;
    const warn = (pointer: JsonPointer, message: string): void => void warnings.push({ ref: `NetworkPolicy/${ref}`, pointer, message });
    const spec: Record<string, unknown> = isRecord(r.object['spec']) ? r.object['spec'] : {};
    const ingress = parseNpRules(spec, 'ingress', warn);
    const egress = parseNpRules(spec, 'egress', warn);
    let affects: { ingress: boolean; egress: boolean };
    const types = spec['policyTypes'];
    if (Array.isArray(types) && types.length > 0) {
      affects = { ingress: types.includes('Ingress'), egress: types.includes('Egress') };
      types.forEach((t, i) => {
        if (t !== 'Ingress' && t !== 'Egress') warn(joinPointer('/spec/policyTypes', i), `policyTypes value "${String(t)}" is rejected by the API server (Ingress or Egress); ignored`);
      });
      if (!affects.ingress && ingress.length > 0) warn('/spec/ingress', 'ingress rules are ignored: policyTypes does not include Ingress');
      if (!affects.egress && egress.length > 0) warn('/spec/egress', 'egress rules are ignored: policyTypes does not include Egress');
    } else {
      // API-server defaulting (networking/v1): Ingress always, Egress only when egress rules exist.
      affects = { ingress: true, egress: egress.length > 0 };
    }
    return [{ namespace, name, ref, podSelector: asSelector(spec['podSelector']) ?? {}, affects, ingress, egress, resource: r }];
  });
}

function parseAdminSubject(v: unknown): AdminSubject | undefined {
  if (!isRecord(v)) return undefined;
  if (isRecord(v['namespaces'])) return { kind: 'namespaces', namespaceSelector: asSelector(v['namespaces']) ?? {} };
  if (isRecord(v['pods'])) {
    const pods = v['pods'];
    return { kind: 'pods', namespaceSelector: asSelector(pods['namespaceSelector']) ?? {}, podSelector: asSelector(pods['podSelector']) ?? {} };
  }
  return undefined;
}

/**
 * Peers of v1alpha1. Two published shapes exist: the current one (`namespaces: <LabelSelector>`,
 * `pods: {namespaceSelector, podSelector}`) and the v0.1.0 one (`namespaces: {namespaceSelector}`,
 * `pods: {namespaces: {namespaceSelector}, podSelector}`); both are read. `sameLabels` /
 * `notSameLabels` (v0.1.0 only, later removed) are reported and match nothing.
 */
function parseAdminPeer(v: unknown, warn: (m: string) => void): AdminPeer | undefined {
  if (!isRecord(v)) return undefined;
  const legacyNs = (n: Record<string, unknown>): LabelSelector | undefined => {
    if (isRecord(n['namespaceSelector'])) return asSelector(n['namespaceSelector']) ?? {};
    if (n['sameLabels'] !== undefined || n['notSameLabels'] !== undefined) {
      warn('sameLabels / notSameLabels were removed from the API; this peer matches nothing here');
      return { matchExpressions: [{ key: '', operator: '<unsupported>' }] };
    }
    return undefined;
  };
  if (isRecord(v['namespaces'])) {
    const legacy = legacyNs(v['namespaces']);
    return { kind: 'namespaces', namespaceSelector: legacy ?? asSelector(v['namespaces']) ?? {} };
  }
  if (isRecord(v['pods'])) {
    const pods = v['pods'];
    const legacy = isRecord(pods['namespaces']) ? legacyNs(pods['namespaces']) : undefined;
    return { kind: 'pods', namespaceSelector: legacy ?? asSelector(pods['namespaceSelector']) ?? {}, podSelector: asSelector(pods['podSelector']) ?? {} };
  }
  if (Array.isArray(v['networks'])) {
    const cidrs: IpRange[] = [];
    for (const c of v['networks']) {
      try {
        cidrs.push(parseCidr(String(c)));
      } catch (err) {
        if (err instanceof IpParseError) warn(err.message);
        else throw err;
      }
    }
    return { kind: 'networks', cidrs };
  }
  if (isRecord(v['nodes'])) return { kind: 'nodes' };
  warn('peer has none of namespaces, pods, networks, nodes; it matches nothing');
  return undefined;
}

function parseAdminPorts(v: unknown, warn: (m: string) => void): AdminPort[] | 'all' {
  if (!Array.isArray(v) || v.length === 0) return 'all';
  const out: AdminPort[] = [];
  for (const p of v) {
    if (!isRecord(p)) continue;
    if (isRecord(p['portNumber']) && typeof p['portNumber']['port'] === 'number') {
      out.push({ kind: 'number', protocol: protocolOf(p['portNumber']['protocol'], warn), port: p['portNumber']['port'] });
    } else if (typeof p['namedPort'] === 'string') {
      out.push({ kind: 'named', name: p['namedPort'] });
    } else if (isRecord(p['portRange']) && typeof p['portRange']['start'] === 'number' && typeof p['portRange']['end'] === 'number') {
      out.push({ kind: 'range', protocol: protocolOf(p['portRange']['protocol'], warn), start: p['portRange']['start'], end: p['portRange']['end'] });
    } else {
      warn('port entry has none of portNumber, namedPort, portRange; ignored');
    }
  }
  return out;
}

function buildAdminPolicies(inv: Inventory, kind: 'AdminNetworkPolicy' | 'BaselineAdminNetworkPolicy', warnings: ModelWarning[]): AdminPolicy[] {
  const tier = kind === 'AdminNetworkPolicy' ? 'admin' : 'baseline';
  return inv.ofKind(kind).flatMap((r) => {
    if (!r.object.apiVersion.startsWith('policy.networking.k8s.io/')) return [];
    const name = r.object.metadata?.name;
    if (typeof name !== 'string') return [];
    const ref = `${kind}/${name}`;
    const spec: Record<string, unknown> = isRecord(r.object['spec']) ? r.object['spec'] : {};
    const subject = parseAdminSubject(spec['subject']);
    if (!subject) {
      warnings.push({ ref, pointer: '/spec/subject', message: 'missing or invalid subject; the policy applies to nothing' });
      return [];
    }
    if (tier === 'baseline' && name !== 'default') warnings.push({ ref, pointer: '/metadata/name', message: 'a BaselineAdminNetworkPolicy must be named "default"; the API server rejects others' });
    const rules = (direction: Direction): AdminRule[] => {
      const raw = spec[direction];
      if (!Array.isArray(raw)) return [];
      const peerKey = direction === 'ingress' ? 'from' : 'to';
      return raw.flatMap((rr, index) => {
        const pointer = joinPointer('/spec', direction, index);
        if (!isRecord(rr)) return [];
        const warn = (m: string): void => void warnings.push({ ref, pointer, message: m });
        const action = rr['action'];
        if (action !== 'Allow' && action !== 'Deny' && !(action === 'Pass' && tier === 'admin')) {
          warn(`action "${String(action)}" is not valid here; rule ignored`);
          return [];
        }
        const peers = Array.isArray(rr[peerKey]) ? rr[peerKey].map((p) => parseAdminPeer(p, warn)).filter((p): p is AdminPeer => p !== undefined) : [];
        return [{ direction, index, name: typeof rr['name'] === 'string' ? rr['name'] : `${direction}[${index}]`, action, peers, ports: parseAdminPorts(rr['ports'], warn), pointer }];
      });
    };
    const priority = tier === 'admin' ? (typeof spec['priority'] === 'number' ? spec['priority'] : 1000) : Number.POSITIVE_INFINITY;
    return [{ tier, name, ref, priority, subject, ingress: rules('ingress'), egress: rules('egress'), resource: r }];
  });
}

/** Build the network model from loaded resources. */
export function buildModel(resources: readonly Resource[] | Inventory): NetworkModel {
  const inventory = resources instanceof Inventory ? resources : new Inventory(resources);
  const warnings: ModelWarning[] = [];
  const workloads = buildWorkloads(inventory);
  const policies = buildPolicies(inventory, warnings);
  const nsSet = new Set<string>(inventory.namespaces());
  for (const w of workloads) nsSet.add(w.namespace);
  for (const p of policies) nsSet.add(p.namespace);
  const namespaces = [...nsSet].sort();
  const namespaceLabels = new Map(namespaces.map((n) => [n, inventory.namespaceLabels(n)]));
  const workloadsByNamespace = new Map<string, Workload[]>();
  for (const w of workloads) {
    const l = workloadsByNamespace.get(w.namespace);
    if (l) l.push(w);
    else workloadsByNamespace.set(w.namespace, [w]);
  }
  const adminPolicies = buildAdminPolicies(inventory, 'AdminNetworkPolicy', warnings);
  adminPolicies.sort((a, b) => a.priority - b.priority || a.name.localeCompare(b.name));
  for (let i = 1; i < adminPolicies.length; i++) {
    const a = adminPolicies[i - 1]!;
    const b = adminPolicies[i]!;
    if (a.priority === b.priority) {
      warnings.push({ ref: b.ref, pointer: '/spec/priority', message: `same priority ${b.priority} as ${a.ref}: the API leaves their order undefined; Rampart evaluates by name` });
    }
  }
  return {
    inventory,
    namespaces,
    namespaceLabels,
    workloads,
    workloadsByNamespace,
    services: buildServices(inventory),
    policies,
    adminPolicies,
    baselinePolicies: buildAdminPolicies(inventory, 'BaselineAdminNetworkPolicy', warnings),
    warnings,
  };
}
