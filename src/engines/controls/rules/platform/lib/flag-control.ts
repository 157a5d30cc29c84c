/**
 * One template behind every control-plane flag control: a control file states its component,
 * mappings and rule(s) in a few lines; recognition, parsing, pointers and fixes live here.
 */
import type { FrameworkRefs } from '../../../../../model/finding.js';
import type { Severity } from '../../../../../model/types.js';
import { WORKLOAD_KINDS } from '../../../../../model/workloads.js';
import type { AnyControl, ControlMeta } from '../../../types.js';
import { defineControl } from '../../../types.js';
import type { Component, FlagSet } from './components.js';
import { componentContainers } from './components.js';
import type { FlagRule } from './flag-rules.js';

/**
 * Control metadata with applicability tokens: the control runs on every workload kind (a component
 * can be a static Pod or a DaemonSet), but it is applicable only when the input holds the component.
 * `presentKindsOf` adds the `component:<name>` tokens, and compliance reads them.
 */
export type PlatformMeta = ControlMeta & { appliesTo?: readonly string[] };

export interface FlagControlSpec {
  id: string;
  title: string;
  severity: Severity;
  component: Component;
  frameworks: Partial<FrameworkRefs>;
  rationale: string;
  remediation: string;
  rule: FlagRule | readonly FlagRule[];
  /** When the component takes the setting from elsewhere (e.g. a config file), the reason to skip. */
  skipWhen?: (flags: FlagSet) => boolean;
}

/**
 * etcd with `--config-file` ignores every other flag and ETCD_* variable: the file decides, and a
 * flag check would judge settings etcd never reads.
 */
export function configFileReplacesFlags(flags: FlagSet): boolean {
  return flags.component === 'etcd' && flags.effective('config-file') !== undefined;
}

export function componentToken(component: Component): string {
  return `component:${component}`;
}

export function flagControl(spec: FlagControlSpec): AnyControl {
  const rules = Array.isArray(spec.rule) ? (spec.rule as readonly FlagRule[]) : [spec.rule as FlagRule];
  const meta: PlatformMeta = {
    id: spec.id,
    title: spec.title,
    severity: spec.severity,
    kinds: WORKLOAD_KINDS,
    frameworks: spec.frameworks,
    rationale: spec.rationale,
    remediation: spec.remediation,
    appliesTo: [componentToken(spec.component)],
  };
  return defineControl({
    meta,
    check({ object, report }) {
      for (const { container, flags } of componentContainers(object, [spec.component])) {
        if (spec.skipWhen?.(flags) || configFileReplacesFlags(flags)) continue;
        for (const rule of rules) {
          for (const v of rule(flags)) {
            const r: Parameters<typeof report>[0] = { message: v.message, path: v.path, container: container.name };
            if (v.fix) r.fix = v.fix;
            report(r);
          }
        }
      }
    },
  }) as AnyControl;
}
