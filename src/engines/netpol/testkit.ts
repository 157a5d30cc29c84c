/**
 * Test fixtures modelled on the upstream e2e netpol suite (kubernetes/kubernetes
 * test/e2e/network/netpol): namespaces x, y, z labelled `ns=<name>`, pods a, b, c labelled
 * `pod=<name>`, one container per port and protocol with a port named `serve-<port>-<proto>`.
 * A `Reachability` truth table states the expected verdict for every ordered pod pair.
 */
import type { K8sObject, Resource } from '../../model/types.js';
import type { Protocol } from './ports.js';

export function resource(object: K8sObject, file = 'test.yaml'): Resource {
  return { object, source: { file, documentIndex: 0, locate: () => undefined } };
}

export function e2ePod(ns: string, pod: string, ports: number[] = [80, 81], protocols: Protocol[] = ['TCP', 'UDP', 'SCTP'], extraLabels: Record<string, string> = {}): K8sObject {
  const containers = ports.flatMap((port) =>
    protocols.map((protocol) => ({
      name: `cont-${port}-${protocol.toLowerCase()}`,
      image: 'registry.k8s.io/e2e-test-images/agnhost:2.53',
      ports: [{ containerPort: port, name: `serve-${port}-${protocol.toLowerCase()}`, protocol }],
    })),
  );
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: pod, namespace: ns, labels: { pod, ...extraLabels } }, spec: { containers } };
}

export function e2eNamespace(ns: string, extra: Record<string, string> = {}): K8sObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: { ns, ...extra } } };
}

/**
 * The objects of an e2e topology: `x/a`-style pod strings. `podLabels` / `namespaceLabels` add
 * labels, which stands for the end state of the upstream cases that relabel objects mid-test.
 */
export function e2eCluster(
  pods: string[],
  extra: K8sObject[] = [],
  options: { ports?: number[]; protocols?: Protocol[]; podLabels?: Record<string, Record<string, string>>; namespaceLabels?: Record<string, Record<string, string>> } = {},
): Resource[] {
  const nss = [...new Set(pods.map((p) => p.split('/')[0]!))];
  return [
    ...nss.map((n) => e2eNamespace(n, options.namespaceLabels?.[n])),
    ...pods.map((p) => e2ePod(p.split('/')[0]!, p.split('/')[1]!, options.ports, options.protocols, options.podLabels?.[p])),
    ...extra,
  ].map((o) => resource(o));
}

export function netpol(ns: string, name: string, spec: Record<string, unknown>): K8sObject {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace: ns }, spec };
}

export interface PeerPattern {
  namespace?: string;
  pod?: string;
}

function matches(p: PeerPattern, podString: string): boolean {
  const [ns, pod] = podString.split('/');
  return (p.namespace === undefined || p.namespace === ns) && (p.pod === undefined || p.pod === pod);
}

/** Expected verdict for every ordered pair of pods (upstream's Reachability, rebuilt). */
export class Reachability {
  private readonly expected = new Map<string, boolean>();
  constructor(
    readonly pods: string[],
    defaultExpect: boolean,
  ) {
    for (const f of pods) for (const t of pods) this.expected.set(`${f}>${t}`, defaultExpect);
  }
  expect(from: string, to: string, v: boolean): this {
    this.expected.set(`${from}>${to}`, v);
    return this;
  }
  expectPeer(from: PeerPattern, to: PeerPattern, v: boolean): this {
    for (const f of this.pods) for (const t of this.pods) if (matches(from, f) && matches(to, t)) this.expected.set(`${f}>${t}`, v);
    return this;
  }
  expectAllIngress(to: string, v: boolean): this {
    for (const f of this.pods) this.expected.set(`${f}>${to}`, v);
    return this;
  }
  expectAllEgress(from: string, v: boolean): this {
    for (const t of this.pods) this.expected.set(`${from}>${t}`, v);
    return this;
  }
  get(from: string, to: string): boolean {
    return this.expected.get(`${from}>${to}`) ?? false;
  }
}

/** Render a truth table of mismatches, as the upstream suite prints on failure. */
export function mismatchTable(r: Reachability, actual: (from: string, to: string) => boolean, ignoreLoopback = true): string[] {
  const out: string[] = [];
  for (const f of r.pods) {
    for (const t of r.pods) {
      if (ignoreLoopback && f === t) continue;
      const want = r.get(f, t);
      const got = actual(f, t);
      if (want !== got) out.push(`${f} -> ${t}: expected ${want ? 'allowed' : 'denied'}, got ${got ? 'allowed' : 'denied'}`);
    }
  }
  return out;
}
