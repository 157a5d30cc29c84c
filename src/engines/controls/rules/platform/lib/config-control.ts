/**
 * The template behind component configuration-file controls: the control file names the kind and
 * API groups it reads and its field rule(s).
 */
import type { FrameworkRefs } from '../../../../../model/finding.js';
import type { Severity } from '../../../../../model/types.js';
import type { AnyControl } from '../../../types.js';
import { defineControl } from '../../../types.js';
import type { FieldRule } from './config-rules.js';
import { embeddedConfigs } from './embedded.js';
import type { PlatformMeta } from './flag-control.js';

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

/**
 * A configuration-file control reads the kind itself and the same document embedded in a ConfigMap
 * (kubeadm's kubelet-config); it applies only when the input holds that configuration.
 */
export function configControl(spec: ConfigControlSpec): AnyControl {
  const rules = Array.isArray(spec.rule) ? (spec.rule as readonly FieldRule[]) : [spec.rule as FieldRule];
  const meta: PlatformMeta = {
    id: spec.id,
    title: spec.title,
    severity: spec.severity,
    kinds: [spec.kind, 'ConfigMap'],
    frameworks: spec.frameworks,
    rationale: spec.rationale,
    remediation: spec.remediation,
    appliesTo: [spec.kind],
  };
  return defineControl({
    meta,
    check({ object, report }) {
      if (object.kind === 'ConfigMap') {
        for (const e of embeddedConfigs(object, spec.kind)) {
          if (!spec.groups.includes(apiGroupOf(e.config.apiVersion))) continue;
          for (const rule of rules) for (const v of rule(e.config)) report({ message: `ConfigMap key "${e.key}": ${v.message}`, path: e.path });
        }
        return;
      }
      if (!spec.groups.includes(apiGroupOf(object.apiVersion))) return;
      for (const rule of rules) for (const v of rule(object)) report({ message: v.message, path: v.path });
    },
  }) as AnyControl;
}

export const KUBELET = { kind: 'KubeletConfiguration', groups: ['kubelet.config.k8s.io'] } as const;
