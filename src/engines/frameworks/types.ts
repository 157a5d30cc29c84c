import type { FrameworkName } from '../../model/finding.js';

export type { FrameworkName } from '../../model/finding.js';

/** One recommendation / check / technique of a framework. */
export interface CatalogItem {
  id: string;
  title: string;
  /** Section (CIS `1.2`, NSA chapter, MITRE tactic column, PSS level). */
  section?: string;
  /** The framework itself calls the item automatable (CIS "Automated"; NSA items a tool can verify). */
  automated: boolean;
  /** PSS: `baseline` or `restricted`. CIS: profile level when known. */
  level?: string;
  /** MITRE: the tactic(s) the technique serves, comma separated. */
  tactic?: string;
  /**
   * False when the item is automatable only on a live host (file permissions, process flags of
   * services not described by any manifest): Rampart lists it as manual-for-manifests, with `reason`.
   */
  manifestCheckable?: boolean;
  /** Why the item is manual for Rampart (shown in compliance tables). */
  reason?: string;
  /** What the framework recommends, paraphrased (NSA/CISA). */
  description?: string;
  /** MITRE: the matching technique names of the Microsoft Threat Matrix for Kubernetes. */
  microsoft?: readonly string[];
}

export interface FrameworkCatalog {
  name: FrameworkName;
  title: string;
  version: string;
  items: readonly CatalogItem[];
}
