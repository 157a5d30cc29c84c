/**
 * Scan controls backed by the reachability engine. `check` runs per resource, so the analysis is
 * built once per Inventory and cached.
 */
import type { Inventory } from '../../model/inventory.js';
import type { Resource } from '../../model/types.js';
import type { AnyControl } from '../controls/types.js';
import { defineControl } from '../controls/types.js';
import { NetworkAnalysis } from './analysis.js';
import type { NetworkPolicy, Workload } from './model.js';

const analyses = new WeakMap<Inventory, NetworkAnalysis>();

/** The (cached) analysis of an inventory. */
export function analysisOf(inventory: Inventory): NetworkAnalysis {
  let a = analyses.get(inventory);
  if (!a) {
    a = NetworkAnalysis.fromResources(inventory);
    analyses.set(inventory, a);
  }
  return a;
}

interface NamespaceFacts {
  policies: NetworkPolicy[];
  workloads: Workload[];
  defaultDenyIngress: boolean;
  defaultDenyEgress: boolean;
}

const nsFactsCache = new WeakMap<NetworkAnalysis, Map<string, NamespaceFacts>>();

function namespaceFacts(a: NetworkAnalysis, ns: string): NamespaceFacts {
  let m = nsFactsCache.get(a);
  if (!m) nsFactsCache.set(a, (m = new Map()));
  let f = m.get(ns);
  if (!f) {
    const policies = policyIndex(a).byNamespace.get(ns) ?? [];
    // A default deny selects every pod of the namespace (empty podSelector), present and future.
    const selectsAll = (p: NetworkPolicy): boolean => Object.keys(p.podSelector.matchLabels ?? {}).length === 0 && (p.podSelector.matchExpressions ?? []).length === 0;
    f = {
      policies,
      workloads: a.model.workloadsByNamespace.get(ns) ?? [],
      defaultDenyIngress: policies.some((p) => selectsAll(p) && p.affects.ingress),
      defaultDenyEgress: policies.some((p) => selectsAll(p) && p.affects.egress),
    };
    m.set(ns, f);
  }
  return f;
}

interface PolicyIndex {
  byResource: Map<Resource, NetworkPolicy>;
  byNamespace: Map<string, NetworkPolicy[]>;
  /** The workloads each policy selects, for ingress or egress. */
  selected: Map<NetworkPolicy, Workload[]>;
}

const policyIndexCache = new WeakMap<NetworkAnalysis, PolicyIndex>();

/** Built once per analysis: per-resource lookups stay O(1) with thousands of policies. */
function policyIndex(a: NetworkAnalysis): PolicyIndex {
  let idx = policyIndexCache.get(a);
  if (!idx) {
    const byResource = new Map(a.model.policies.map((p) => [p.resource, p] as const));
    const byNamespace = new Map<string, NetworkPolicy[]>();
    for (const p of a.model.policies) {
      let list = byNamespace.get(p.namespace);
      if (!list) byNamespace.set(p.namespace, (list = []));
      list.push(p);
    }
    const selected = new Map<NetworkPolicy, Workload[]>();
    for (const list of a.model.workloadsByNamespace.values()) {
      for (const w of list) {
        for (const p of new Set([...a.npPoliciesFor('ingress', w), ...a.npPoliciesFor('egress', w)])) {
          let ws = selected.get(p);
          if (!ws) selected.set(p, (ws = []));
          ws.push(w);
        }
      }
    }
    idx = { byResource, byNamespace, selected };
    policyIndexCache.set(a, idx);
  }
  return idx;
}

/**
 * Namespace-level findings attach to the Namespace object; when the input has none, to the first
 * workload of the namespace, so manifests without Namespace objects are still covered.
 */
function namespaceSubject(a: NetworkAnalysis, resource: Resource): string | undefined {
  const obj = resource.object;
  if (obj.kind === 'Namespace') return obj.metadata?.name;
  const ns = obj.metadata?.namespace ?? 'default';
  if (a.model.inventory.get('Namespace', undefined, ns)) return undefined;
  const first = a.model.workloadsByNamespace.get(ns)?.[0];
  return first?.resource === resource ? ns : undefined;
}

const NAMESPACE_KINDS = ['Namespace', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'ReplicationController', 'Pod'];

function ignoreNamespaces(list: string[], ns: string): boolean {
  return list.includes(ns);
}

export const namespaceWithoutNetworkPolicy = defineControl({
  meta: {
    id: 'netpol-namespace-without-policy',
    title: 'Namespace has no NetworkPolicy',
    severity: 'medium',
    kinds: NAMESPACE_KINDS,
    frameworks: { cis: ['5.3.2'], nsa: ['network/network-policies'], mitre: ['T1046'] },
    rationale: 'Without any NetworkPolicy every pod in the namespace accepts connections from, and opens connections to, every pod in the cluster: one compromised pod reaches everything.',
    remediation: 'Add a default-deny NetworkPolicy (podSelector {}, policyTypes Ingress and Egress) and explicit allows; `rampart netpol synthesize` writes least-privilege policies from the flows you need.',
    params: { ignoreNamespaces: { type: 'string[]', description: 'Namespaces not checked.', default: [] as string[] } },
  },
  check({ resource, inventory, report, params }) {
    const a = analysisOf(inventory);
    const ns = namespaceSubject(a, resource);
    if (ns === undefined || ignoreNamespaces(params.ignoreNamespaces, ns)) return;
    if (namespaceFacts(a, ns).policies.length > 0) return;
    report({ message: `namespace "${ns}" has no NetworkPolicy: all its pods are open for ingress and egress`, path: resource.object.kind === 'Namespace' ? '/metadata/name' : '/metadata' });
  },
});

function defaultDenyControl(direction: 'ingress' | 'egress'): AnyControl {
  return defineControl({
    meta: {
      id: `netpol-namespace-no-default-deny-${direction}`,
      title: `Namespace has no default-deny ${direction} NetworkPolicy`,
      severity: 'medium',
      kinds: NAMESPACE_KINDS,
      frameworks: { cis: ['5.3.2'], nsa: ['network/network-policies'], mitre: direction === 'ingress' ? ['T1046'] : ['T1021'] },
      rationale: `Zero trust needs deny by default. Without a policy selecting every pod for ${direction}, new pods start ${direction === 'ingress' ? 'reachable from anywhere' : 'able to reach anywhere'} until someone remembers to write their policy.`,
      remediation: `Add a NetworkPolicy with \`podSelector: {}\` and \`policyTypes: [${direction === 'ingress' ? 'Ingress' : 'Egress'}]\` (and no ${direction} rules) to the namespace, then allow the flows you need.`,
      params: { ignoreNamespaces: { type: 'string[]', description: 'Namespaces not checked.', default: [] as string[] } },
    },
    check({ resource, inventory, report, params }) {
      const a = analysisOf(inventory);
      const ns = namespaceSubject(a, resource);
      if (ns === undefined || ignoreNamespaces(params.ignoreNamespaces as string[], ns)) return;
      const f = namespaceFacts(a, ns);
      if (f.policies.length === 0) return; // reported once, by netpol-namespace-without-policy
      if (direction === 'ingress' ? f.defaultDenyIngress : f.defaultDenyEgress) return;
      report({ message: `namespace "${ns}" has no NetworkPolicy selecting all pods for ${direction} (default deny)`, path: resource.object.kind === 'Namespace' ? '/metadata/name' : '/metadata' });
    },
  }) as unknown as AnyControl;
}

export const namespaceNoDefaultDenyIngress = defaultDenyControl('ingress');
export const namespaceNoDefaultDenyEgress = defaultDenyControl('egress');

const WORKLOAD_UNIT_KINDS = ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'ReplicationController', 'Pod'];

export const workloadReachableFromAll = defineControl({
  meta: {
    id: 'netpol-workload-reachable-from-everything',
    title: 'Workload accepts connections from every workload and every external address',
    severity: 'medium',
    kinds: WORKLOAD_UNIT_KINDS,
    frameworks: { nsa: ['network/network-policies'], mitre: ['T1046', 'T1021'] },
    rationale: 'A workload whose ingress lets every pod and every address in is the first hop of lateral movement: any compromised pod, or anyone who can route to the pod network, can connect.',
    remediation: 'Select the workload with a NetworkPolicy for Ingress that allows only the clients it serves, on the ports it serves.',
  },
  check({ resource, inventory, report }) {
    const a = analysisOf(inventory);
    const w = a.workloadOf(resource);
    if (!w || w.hostNetwork) return;
    let common = a.ingressFromAllWorkloads(w);
    if (common.isEmpty()) return;
    for (const atom of a.externalAtomsFor('ingress', w)) {
      common = common.intersect(a.side('ingress', w, { kind: 'external', range: atom, text: '' }, false).allowed);
      if (common.isEmpty()) return;
    }
    const why = a.npPoliciesFor('ingress', w).length === 0 ? 'no NetworkPolicy selects it for ingress' : 'its ingress rules allow every source';
    report({ message: `${w.ref} accepts connections from every workload and every external address on ${common.toString()} (${why})`, path: '/metadata/name' });
  },
});

export const policySelectsNothing = defineControl({
  meta: {
    id: 'netpol-policy-selects-nothing',
    title: 'NetworkPolicy selects no workload',
    severity: 'low',
    kinds: ['NetworkPolicy'],
    frameworks: { nsa: ['network/network-policies'] },
    rationale: 'A policy whose podSelector matches no pod protects nothing; it usually means a label typo, and the workload it was written for is unprotected.',
    remediation: 'Fix the podSelector to match the labels of the pod template it is meant for, or delete the policy.',
  },
  check({ resource, inventory, report }) {
    const a = analysisOf(inventory);
    const idx = policyIndex(a);
    const p = idx.byResource.get(resource);
    if (!p) return;
    const inNs = a.model.workloadsByNamespace.get(p.namespace) ?? [];
    if (inNs.length === 0) return; // the namespace's workloads are not in the input: nothing to judge
    const selected = idx.selected.get(p) ?? [];
    if (selected.length > 0) return;
    report({ message: `NetworkPolicy ${p.ref} selects none of the ${inNs.length} workload(s) in namespace "${p.namespace}"`, path: '/spec/podSelector' });
  },
});

export const policyNamesMissingPort = defineControl({
  meta: {
    id: 'netpol-policy-unknown-named-port',
    title: 'NetworkPolicy names a port no selected pod has',
    severity: 'low',
    kinds: ['NetworkPolicy'],
    frameworks: { nsa: ['network/network-policies'] },
    rationale: 'A named port resolves on the destination pod, with the same protocol. If no destination pod defines that name, the rule allows nothing, and the traffic it was meant for is dropped (or another rule allows more than intended).',
    remediation: 'Use a port name (and protocol) that the destination containers declare, or a port number.',
  },
  check({ resource, inventory, report }) {
    const a = analysisOf(inventory);
    const idx = policyIndex(a);
    const p = idx.byResource.get(resource);
    if (!p) return;
    const selected = idx.selected.get(p) ?? [];
    for (const direction of ['ingress', 'egress'] as const) {
      if (!p.affects[direction]) continue;
      for (const rule of p[direction]) {
        if (rule.ports === 'all' || !rule.ports.some((port) => port.kind === 'named')) continue;
        // Ingress: the destination is the selected pod. Egress: every workload the rule's peers match.
        const destinations =
          direction === 'ingress'
            ? selected
            : a.rulePeerWorkloads(p, rule).filter((w) => !w.hostNetwork);
        if (destinations.length === 0) continue;
        rule.ports.forEach((port, i) => {
          if (port.kind !== 'named') return;
          const found = destinations.some((w) => (w.namedPorts.get(port.name) ?? []).some((np) => np.protocol === port.protocol));
          if (found) return;
          report({
            message: `${direction}[${rule.index}] names port "${port.name}" (${port.protocol}), which none of the ${destinations.length} destination workload(s) declares`,
            path: `${rule.pointer}/ports/${i}/port`,
          });
        });
      }
    }
  },
});

/** The namespace and network controls this engine contributes to `rampart scan`. */
export const netpolControls: AnyControl[] = [
  namespaceWithoutNetworkPolicy as unknown as AnyControl,
  namespaceNoDefaultDenyIngress,
  namespaceNoDefaultDenyEgress,
  workloadReachableFromAll as unknown as AnyControl,
  policySelectsNothing as unknown as AnyControl,
  policyNamesMissingPort as unknown as AnyControl,
];
