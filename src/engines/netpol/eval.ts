/** Evaluate one connection and explain both sides. */
import type { Contribution, Endpoint, NetworkAnalysis, SideResult } from './analysis.js';
import { IpParseError, isIpOrCidr, parseCidr } from './ip.js';
import type { Direction, NetworkModel, Service, Workload } from './model.js';
import type { Protocol } from './ports.js';
import { isProtocol } from './ports.js';
import { selectorMatches } from '../../model/inventory.js';

export type NetpolErrorCode = 'bad-ref' | 'unknown-endpoint' | 'ambiguous-ref' | 'bad-port' | 'unresolved-port' | 'bad-protocol';

/** A reference or port the user gave cannot be resolved against the manifests. */
export class NetpolInputError extends Error {
  override readonly name = 'NetpolInputError';
  constructor(
    readonly code: NetpolErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export type ResolvedEndpoint = { kind: 'endpoint'; endpoint: Endpoint } | { kind: 'service'; service: Service; backends: Workload[] };

/** Find a workload by `ns/name` (or `ns/Kind/name` when two kinds share a name). */
const refIndex = new WeakMap<NetworkModel, Map<string, Workload>>();

export function findWorkload(model: NetworkModel, ref: string): Workload | undefined {
  let index = refIndex.get(model);
  if (!index) refIndex.set(model, (index = new Map(model.workloads.map((w) => [w.ref, w]))));
  const exact = index.get(ref);
  if (exact) return exact;
  const parts = ref.split('/');
  if (parts.length === 2) {
    const matches = model.workloads.filter((w) => w.namespace === parts[0] && w.name === parts[1]);
    if (matches.length > 1) throw new NetpolInputError('ambiguous-ref', `"${ref}" names ${matches.length} workloads (${matches.map((w) => w.ref).join(', ')}); use <namespace>/<Kind>/<name>`);
    return matches[0];
  }
  return undefined;
}

/** `ns/workload`, `ns/Kind/workload`, a Service `ns/name` (when no workload has that name), or an IP/CIDR. */
export function resolveEndpoint(model: NetworkModel, text: string, allowService: boolean): ResolvedEndpoint {
  if (isIpOrCidr(text)) {
    try {
      return { kind: 'endpoint', endpoint: { kind: 'external', range: parseCidr(text), text } };
    } catch (err) {
      if (err instanceof IpParseError) throw new NetpolInputError('bad-ref', err.message);
      throw err;
    }
  }
  const parts = text.split('/');
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => p === '')) throw new NetpolInputError('bad-ref', `"${text}" is neither <namespace>/<workload> nor an IP address or CIDR`);
  const w = findWorkload(model, text);
  if (w) return { kind: 'endpoint', endpoint: { kind: 'workload', workload: w } };
  if (allowService && parts.length === 2) {
    const svc = model.services.find((s) => s.namespace === parts[0] && s.name === parts[1]);
    if (svc) {
      const backends = svc.selector && Object.keys(svc.selector).length > 0 ? (model.workloadsByNamespace.get(svc.namespace) ?? []).filter((b) => selectorMatches({ matchLabels: svc.selector! }, b.labels)) : [];
      return { kind: 'service', service: svc, backends };
    }
  }
  throw new NetpolInputError('unknown-endpoint', `no workload${allowService ? ' or Service' : ''} "${text}" in the manifests`);
}

export interface SideExplanation {
  /** False for an external endpoint: it has no policies of its own. */
  applicable: boolean;
  isolated: boolean;
  allowed: boolean;
  policies: string[];
  /** The steps that decided this port (several NetworkPolicy rules may allow the same port). */
  decidedBy: {
    tier: Contribution['tier'];
    action: Contribution['action'];
    policy?: string;
    rule?: string;
    ruleName?: string;
    isolatedBy?: string[];
    location?: { file: string; line: number; column: number };
    reason: string;
  }[];
  reason: string;
}

export interface EvalResult {
  allowed: boolean;
  from: string;
  to: string;
  port: number;
  protocol: Protocol;
  egress: SideExplanation;
  ingress: SideExplanation;
  /** When `--to` names a Service: the Service port mapped to each backend's targetPort. */
  service?: { ref: string; port: number; protocol: Protocol; backends: Omit<EvalResult, 'service'>[] };
  notes: string[];
}

function locate(a: NetworkAnalysis, c: Contribution): { file: string; line: number; column: number } | undefined {
  if (!c.policy || !c.pointer) return undefined;
  const [kind, ...rest] = c.policy.split('/');
  const r =
    kind === 'NetworkPolicy'
      ? a.model.policies.find((p) => `NetworkPolicy/${p.ref}` === c.policy)?.resource
      : [...a.model.adminPolicies, ...a.model.baselinePolicies].find((p) => p.ref === `${kind}/${rest.join('/')}`)?.resource;
  const loc = r?.source.locate(c.pointer);
  return loc ? { file: loc.file, line: loc.line, column: loc.column } : undefined;
}

function explain(a: NetworkAnalysis, side: SideResult, protocol: Protocol, port: number): SideExplanation {
  const hits = side.contributions.filter((c) => c.ports.has(protocol, port));
  const allowed = side.allowed.has(protocol, port);
  const decidedBy = hits.map((c) => {
    const d: SideExplanation['decidedBy'][number] = { tier: c.tier, action: c.action, reason: c.reason };
    if (c.policy !== undefined) d.policy = c.policy;
    if (c.rule !== undefined) d.rule = c.rule;
    if (c.ruleName !== undefined) d.ruleName = c.ruleName;
    if (c.isolatedBy !== undefined) d.isolatedBy = c.isolatedBy;
    const loc = locate(a, c);
    if (loc) d.location = loc;
    return d;
  });
  return { applicable: true, isolated: side.isolated, allowed, policies: side.policies, decidedBy, reason: hits.map((h) => h.reason).join('; ') || (allowed ? 'allowed' : 'denied') };
}

const EXTERNAL_SIDE = (direction: Direction): SideExplanation => ({
  applicable: false,
  isolated: false,
  allowed: true,
  policies: [],
  decidedBy: [],
  reason: `external address: no policy governs its ${direction}`,
});

function endpointName(e: Endpoint): string {
  return e.kind === 'workload' ? e.workload.ref : e.text;
}

/** Resolve `--port` (number or name) on the destination; a name takes its protocol from the pod. */
export function resolvePort(dst: Endpoint, port: string, protocol: Protocol | undefined): { port: number; protocol: Protocol } {
  if (/^\d+$/.test(port)) {
    const n = Number(port);
    if (n < 1 || n > 65535) throw new NetpolInputError('bad-port', `port ${port} is outside 1-65535`);
    return { port: n, protocol: protocol ?? 'TCP' };
  }
  if (dst.kind !== 'workload') throw new NetpolInputError('unresolved-port', `named port "${port}" cannot be resolved on an external address`);
  const candidates = (dst.workload.namedPorts.get(port) ?? []).filter((p) => protocol === undefined || p.protocol === protocol);
  const first = candidates[0];
  if (!first) throw new NetpolInputError('unresolved-port', `${dst.workload.ref} has no container port named "${port}"${protocol ? ` with protocol ${protocol}` : ''}`);
  return { port: first.port, protocol: first.protocol };
}

export function parseProtocol(v: string | undefined): Protocol | undefined {
  if (v === undefined) return undefined;
  const up = v.toUpperCase();
  if (!isProtocol(up)) throw new NetpolInputError('bad-protocol', `protocol must be TCP, UDP or SCTP, not "${v}"`);
  return up;
}

/**
 * A CIDR endpoint is allowed only if every address in it is: split it on the address ranges the
 * policies distinguish and decide each piece; the first denied piece explains the verdict.
 */
function pieces(a: NetworkAnalysis, e: Endpoint): Endpoint[] {
  if (e.kind !== 'external' || e.range.start === e.range.end) return [e];
  const out: Endpoint[] = [];
  for (const atom of a.externalAtoms()) {
    if (atom.family !== e.range.family || atom.end < e.range.start || atom.start > e.range.end) continue;
    const range = { family: atom.family, start: atom.start > e.range.start ? atom.start : e.range.start, end: atom.end < e.range.end ? atom.end : e.range.end };
    out.push({ kind: 'external', range, text: e.text });
  }
  return out;
}

function evalEndpoints(a: NetworkAnalysis, src: Endpoint, dst: Endpoint, port: number, protocol: Protocol): Omit<EvalResult, 'service'> {
  let egress: SideExplanation | undefined;
  let ingress: SideExplanation | undefined;
  for (const s of pieces(a, src)) {
    for (const d of pieces(a, dst)) {
      const e = s.kind === 'workload' ? explain(a, a.side('egress', s.workload, d), protocol, port) : EXTERNAL_SIDE('egress');
      const i = d.kind === 'workload' ? explain(a, a.side('ingress', d.workload, s), protocol, port) : EXTERNAL_SIDE('ingress');
      if (!egress || !ingress || (egress.allowed && ingress.allowed && !(e.allowed && i.allowed))) {
        egress = e;
        ingress = i;
      }
    }
  }
  const notes: string[] = [];
  if (src.kind === 'external' && dst.kind === 'external') notes.push('both endpoints are external: nothing in the cluster governs this connection');
  for (const e of [src, dst]) if (e.kind === 'external' && e.range.start !== e.range.end) notes.push(`${e.text} is a CIDR: allowed only if every address in it is allowed`);
  return { allowed: egress!.allowed && ingress!.allowed, from: endpointName(src), to: endpointName(dst), port, protocol, egress: egress!, ingress: ingress!, notes };
}

export interface EvalRequest {
  from: string;
  to: string;
  port: string;
  protocol?: string;
}

/** `rampart netpol eval`: may a connection from `from` to `to` on `port` happen, and why. */
export function evaluateConnection(a: NetworkAnalysis, req: EvalRequest): EvalResult {
  const src = resolveEndpoint(a.model, req.from, false);
  if (src.kind !== 'endpoint') throw new NetpolInputError('bad-ref', 'the source must be a workload or an IP address');
  const dst = resolveEndpoint(a.model, req.to, true);
  const protocol = parseProtocol(req.protocol);
  if (dst.kind === 'endpoint') {
    const p = resolvePort(dst.endpoint, req.port, protocol);
    return { ...evalEndpoints(a, src.endpoint, dst.endpoint, p.port, p.protocol) };
  }
  // A Service: policies see the pod's port after DNAT, so map the Service port to each backend's targetPort.
  const svc = dst.service;
  const sp = svc.ports.find((p) => (/^\d+$/.test(req.port) ? p.port === Number(req.port) : p.name === req.port) && (protocol === undefined || p.protocol === protocol));
  if (!sp) throw new NetpolInputError('unresolved-port', `Service ${svc.namespace}/${svc.name} has no port ${req.port}${protocol ? `/${protocol}` : ''}`);
  const backends = dst.backends.map((b) => {
    const ep: Endpoint = { kind: 'workload', workload: b };
    const target = typeof sp.targetPort === 'number' ? { port: sp.targetPort, protocol: sp.protocol } : (b.namedPorts.get(sp.targetPort) ?? []).find((np) => np.protocol === sp.protocol);
    if (!target) {
      const none: Omit<EvalResult, 'service'> = { ...evalEndpoints(a, src.endpoint, ep, sp.port, sp.protocol), allowed: false };
      none.notes.push(`targetPort "${String(sp.targetPort)}" does not resolve on ${b.ref}: the Service cannot deliver to it`);
      return none;
    }
    return evalEndpoints(a, src.endpoint, ep, target.port, target.protocol);
  });
  const first = backends.find((b) => !b.allowed) ?? backends[0];
  const notes = backends.length === 0 ? [`Service ${svc.namespace}/${svc.name} selects no workload in the manifests`] : [];
  return {
    allowed: backends.length > 0 && backends.every((b) => b.allowed),
    from: endpointName(src.endpoint),
    to: `${svc.namespace}/${svc.name}`,
    port: sp.port,
    protocol: sp.protocol,
    egress: first?.egress ?? EXTERNAL_SIDE('egress'),
    ingress: first?.ingress ?? EXTERNAL_SIDE('ingress'),
    service: { ref: `${svc.namespace}/${svc.name}`, port: sp.port, protocol: sp.protocol, backends },
    notes,
  };
}
