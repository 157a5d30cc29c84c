/** What `rampart frameworks list/show` prints: catalogs joined with the controls that implement them. */
import type { FrameworkName } from '../../model/finding.js';
import { FRAMEWORK_NAMES } from '../../model/finding.js';
import type { ControlMeta } from '../controls/types.js';
import { catalogs } from './catalogs.js';
import { implementingControls } from './compliance.js';

/** How Rampart covers an item. */
export type Coverage = 'implemented' | 'manual' | 'host-only' | 'gap';

export interface FrameworkItemDescription {
  id: string;
  title: string;
  section?: string;
  automated: boolean;
  level?: string;
  tactic?: string;
  description?: string;
  microsoft?: readonly string[];
  coverage: Coverage;
  /** Why the item is manual, host-only or a gap. */
  reason?: string;
  controls: string[];
}

export interface FrameworkDescription {
  name: FrameworkName;
  title: string;
  version: string;
  items: FrameworkItemDescription[];
}

export interface FrameworkSummary {
  name: FrameworkName;
  title: string;
  version: string;
  items: number;
  automated: number;
  implemented: number;
  manual: number;
  hostOnly: number;
  gaps: number;
}

export function describeFramework(name: FrameworkName, controls: readonly ControlMeta[]): FrameworkDescription {
  const catalog = catalogs[name];
  const items = catalog.items.map((item): FrameworkItemDescription => {
    const ids = implementingControls(name, item.id, controls).map((c) => c.id);
    let coverage: Coverage;
    let reason: string | undefined;
    if (ids.length > 0) coverage = 'implemented';
    else if (item.manifestCheckable === false) [coverage, reason] = ['host-only', item.reason];
    else if (!item.automated) [coverage, reason] = ['manual', item.reason ?? 'manual recommendation'];
    else [coverage, reason] = ['gap', 'no control implements this item yet'];
    const d: FrameworkItemDescription = { id: item.id, title: item.title, automated: item.automated, coverage, controls: ids };
    if (item.section !== undefined) d.section = item.section;
    if (item.level !== undefined) d.level = item.level;
    if (item.tactic !== undefined) d.tactic = item.tactic;
    if (item.description !== undefined) d.description = item.description;
    if (item.microsoft !== undefined) d.microsoft = item.microsoft;
    if (reason !== undefined) d.reason = reason;
    return d;
  });
  return { name, title: catalog.title, version: catalog.version, items };
}

export function summarizeFrameworks(controls: readonly ControlMeta[]): FrameworkSummary[] {
  return FRAMEWORK_NAMES.map((name) => {
    const d = describeFramework(name, controls);
    const count = (c: Coverage): number => d.items.filter((i) => i.coverage === c).length;
    return {
      name,
      title: d.title,
      version: d.version,
      items: d.items.length,
      automated: d.items.filter((i) => i.automated).length,
      implemented: count('implemented'),
      manual: count('manual'),
      hostOnly: count('host-only'),
      gaps: count('gap'),
    };
  });
}
