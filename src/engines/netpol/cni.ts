/**
 * Where network plugins implement NetworkPolicy differently, the difference is a named profile
 * field, never a silent guess. Sources for every value are in docs/netpol.md.
 */

export const CNI_NAMES = ['generic', 'calico', 'cilium', 'ovn'] as const;
export type CniName = (typeof CNI_NAMES)[number];

export interface CniProfile {
  name: CniName;
  /**
   * `range`: `port..endPort` is enforced (Kubernetes GA since 1.25).
   * `start-only`: the plugin ignores `endPort` and enforces only `port` (the documented fallback
   * for plugins without endPort support).
   */
  endPort: 'range' | 'start-only';
  /** Does an `ipBlock` peer match pod IPs (only decidable when pod CIDRs are given)? */
  ipBlockMatchesPods: boolean;
  /**
   * Does an `ipBlock` peer match node IPs (traffic of hostNetwork pods)? Node IPs are unknown in
   * manifests, so a block counts only when it holds every address of a family.
   */
  ipBlockMatchesNodes: boolean;
}

export const CNI_PROFILES: Readonly<Record<CniName, CniProfile>> = {
  generic: { name: 'generic', endPort: 'range', ipBlockMatchesPods: false, ipBlockMatchesNodes: true },
  calico: { name: 'calico', endPort: 'range', ipBlockMatchesPods: true, ipBlockMatchesNodes: true },
  cilium: { name: 'cilium', endPort: 'range', ipBlockMatchesPods: false, ipBlockMatchesNodes: false },
  ovn: { name: 'ovn', endPort: 'range', ipBlockMatchesPods: true, ipBlockMatchesNodes: true },
};

export function isCniName(v: unknown): v is CniName {
  return typeof v === 'string' && (CNI_NAMES as readonly string[]).includes(v);
}
