/**
 * Framework catalogs (CIS Kubernetes Benchmark v1.12, NSA/CISA Hardening Guidance v1.2, Pod
 * Security Standards, MITRE ATT&CK for Containers), mapping validation and compliance.
 */
import type { FrameworkName } from '../../model/finding.js';
import type { ControlMeta } from '../controls/types.js';
import type { CatalogItem } from './types.js';
import { catalogs, isKnownId } from './catalogs.js';
import { implementingControls } from './compliance.js';

export type { CatalogItem, FrameworkCatalog, FrameworkName } from './types.js';
export { catalogs, isKnownId } from './catalogs.js';
export { computeCompliance, complianceScore, implementingControls } from './compliance.js';
export { mappingProblems, CIS_FOR_PSS, CIS_V111_TO_V112 } from './consistency.js';
export type { MappingProblem } from './consistency.js';
export { describeFramework, summarizeFrameworks } from './describe.js';
export type { Coverage, FrameworkDescription, FrameworkItemDescription, FrameworkSummary } from './describe.js';
export { presentKindsOf } from '../controls/rules/platform/lib/applicability.js';
export type { ComplianceInput, ComplianceItemDetail, ManualReason } from './compliance.js';

/**
 * Automatable items no control implements. Items automatable only on the host
 * (`manifestCheckable: false`) are not gaps: they are listed as manual-for-manifests.
 */
export function coverageGaps(framework: FrameworkName, controls: readonly ControlMeta[]): CatalogItem[] {
  return catalogs[framework].items.filter(
    (item) => item.automated && item.manifestCheckable !== false && implementingControls(framework, item.id, controls).length === 0,
  );
}

export interface UnknownMapping {
  control: string;
  framework: FrameworkName;
  id: string;
}

/** Mappings of controls to IDs no catalog defines (typos, renumbered CIS items). */
export function unknownMappings(controls: readonly ControlMeta[]): UnknownMapping[] {
  const out: UnknownMapping[] = [];
  for (const c of controls) {
    for (const framework of Object.keys(catalogs) as FrameworkName[]) {
      for (const id of c.frameworks[framework] ?? []) if (!isKnownId(framework, id)) out.push({ control: c.id, framework, id });
    }
  }
  return out;
}
