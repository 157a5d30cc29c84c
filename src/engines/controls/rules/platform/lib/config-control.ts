/**
 * The template behind component configuration-file controls: the control file names the kind and
 * API groups it reads and its field rule(s).
 */
import type { FrameworkRefs } from '../../../../../model/finding.js';
import type { Severity } from '../../../../../model/types.js';
import type { AnyControl } from '../../../types.js';
import { defineControl } from '../../../types.js';
import type { FieldRule } from './config-rules.js';

export interface ConfigControlSpec {
  id: string;
  title: string;
  severity: Severity;
  kind: string;
  /** API groups the kind is read from (any version of them). */
  groups: readonly string[];
  frameworks: Partial<FrameworkRefs>;
  rationale: string;
  remediation: string;
  rule: FieldRule | readonly FieldRule[];
}

export function apiGroupOf(apiVersion: string): string {
  const i = apiVersion.indexOf('/');
  return i < 0 ? '' : apiVersion.slice(0, i);
}

export function configControl(spec: ConfigControlSpec): AnyControl {
  const rules = Array.isArray(spec.rule) ? (spec.rule as readonly FieldRule[]) : [spec.rule as FieldRule];
  return defineControl({
    meta: {
      id: spec.id,
      title: spec.title,
      severity: spec.severity,
      kinds: [spec.kind],
      frameworks: spec.frameworks,
      rationale: spec.rationale,
      remediation: spec.remediation,
    },
    check({ object, report }) {
      if (!spec.groups.includes(apiGroupOf(object.apiVersion))) return;
      for (const rule of rules) for (const v of rule(object)) report({ message: v.message, path: v.path });
    },
  }) as AnyControl;
}

export const KUBELET = { kind: 'KubeletConfiguration', groups: ['kubelet.config.k8s.io'] } as const;
