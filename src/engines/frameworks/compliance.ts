/**
 * Per-framework compliance from a scan: every catalog item gets a status, nothing is dropped.
 *
 * Precedence per item: `failed` (an unsuppressed finding maps to it) › `passed` (a control mapping
 * to it ran over input of a kind it inspects and found nothing) › `not-applicable` (controls exist
 * but the input holds none of the kinds they inspect) › `manual` (no control implements it; the
 * item says why: a manual recommendation, host-only, or no control yet).
 *
 * A recommendation the framework itself calls manual (most of CIS section 5) is still evaluated
 * when Rampart has controls for it: the controls make the review concrete; `automated: false` on
 * the item tells the reader that a human review is still expected.
 */
import type { Finding, FrameworkName } from '../../model/finding.js';
import type { ComplianceItem, FrameworkCompliance } from '../../scan/types.js';
import type { ControlMeta } from '../controls/types.js';
import type { CatalogItem } from './types.js';
import { catalogs } from './catalogs.js';

/** Why an item is `manual`. */
export type ManualReason = 'manual-recommendation' | 'not-manifest-checkable' | 'no-control';

/** A compliance row with the explanation reports show; extends the report contract's row. */
export interface ComplianceItemDetail extends ComplianceItem {
  /** The framework calls the item automatable. */
  automated: boolean;
  manualReason?: ManualReason;
  /** Human explanation for `manual` and `not-applicable`. */
  reason?: string;
}

export interface ComplianceInput {
  /** Controls that ran. */
  controls: readonly ControlMeta[];
  /** Unsuppressed and suppressed findings; only unsuppressed ones count as failures. */
  findings: readonly Finding[];
  /** Kinds present in the input. */
  presentKinds: ReadonlySet<string>;
}

/** Controls whose mapping for `framework` includes `id`. */
export function implementingControls(framework: FrameworkName, id: string, controls: readonly ControlMeta[]): ControlMeta[] {
  return controls.filter((c) => c.frameworks[framework]?.includes(id) === true);
}

/**
 * A control is applicable when the input holds a kind it inspects. Controls may narrow that with
 * `appliesTo` tokens (control-plane checks run on every Pod but apply only when the input holds the
 * component: `component:kube-apiserver`, added by `presentKindsOf`).
 */
function inspectsPresentInput(control: ControlMeta, presentKinds: ReadonlySet<string>): boolean {
  const tokens = (control as { appliesTo?: readonly string[] }).appliesTo;
  if (tokens) return tokens.some((t) => presentKinds.has(t));
  return control.kinds.some((k) => (k === '*' ? presentKinds.size > 0 : presentKinds.has(k)));
}

function manualExplanation(item: CatalogItem): { manualReason: ManualReason; reason: string } {
  if (item.manifestCheckable === false) {
    return { manualReason: 'not-manifest-checkable', reason: item.reason ?? 'verifiable only on the host, not from manifests' };
  }
  if (!item.automated) {
    return { manualReason: 'manual-recommendation', reason: item.reason ?? 'manual recommendation: needs a human review' };
  }
  return { manualReason: 'no-control', reason: 'no Rampart control implements this item' };
}

/** Score: passed / (passed + failed) × 100, one decimal; null when nothing was evaluated. */
export function complianceScore(items: readonly Pick<ComplianceItem, 'status'>[]): number | null {
  let passed = 0;
  let failed = 0;
  for (const i of items) {
    if (i.status === 'passed') passed++;
    else if (i.status === 'failed') failed++;
  }
  if (passed + failed === 0) return null;
  return Math.round((passed / (passed + failed)) * 1000) / 10;
}

export function computeCompliance(framework: FrameworkName, input: ComplianceInput): FrameworkCompliance {
  const catalog = catalogs[framework];

  // Unsuppressed findings per item id, in one pass.
  const failures = new Map<string, number>();
  for (const f of input.findings) {
    if (f.suppressed) continue;
    for (const id of new Set(f.frameworks[framework])) failures.set(id, (failures.get(id) ?? 0) + 1);
  }

  const items: ComplianceItemDetail[] = catalog.items.map((item) => {
    const implementing = implementingControls(framework, item.id, input.controls);
    const findings = failures.get(item.id) ?? 0;
    const row: ComplianceItemDetail = {
      id: item.id,
      title: item.title,
      status: 'manual',
      controls: implementing.map((c) => c.id),
      findings,
      automated: item.automated,
    };
    if (findings > 0) row.status = 'failed';
    else if (implementing.length > 0) {
      if (implementing.some((c) => inspectsPresentInput(c, input.presentKinds))) row.status = 'passed';
      else {
        row.status = 'not-applicable';
        const kinds = [...new Set(implementing.flatMap((c) => (c as { appliesTo?: readonly string[] }).appliesTo ?? c.kinds))]
          .map((k) => k.replace(/^component:/, ''))
          .sort();
        row.reason = `the input holds no ${kinds.join(', ')}`;
      }
    } else Object.assign(row, manualExplanation(item));
    return row;
  });

  return { framework, title: catalog.title, version: catalog.version, score: complianceScore(items), items };
}
