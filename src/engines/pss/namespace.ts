/**
 * Namespace labels → the policy PSA applies (k8s.io/pod-security-admission/api PolicyToEvaluate),
 * including upstream's fallbacks for invalid labels: an invalid enforce level becomes `restricted`,
 * an invalid audit/warn level becomes `privileged` (fail open), an invalid version becomes `latest`.
 */
import { LATEST, LEVEL_ERROR, VERSION_ERROR, isLevel, parseVersion } from './levels.js';
import type { Level, LevelVersion, PolicyVersion } from './types.js';
import { PssInputError } from './types.js';
import { goQuote } from './text.js';

export const MODES = ['enforce', 'audit', 'warn'] as const;
export type Mode = (typeof MODES)[number];

export const LABEL_PREFIX = 'pod-security.kubernetes.io/';

export function levelLabel(mode: Mode): string {
  return `${LABEL_PREFIX}${mode}`;
}

export function versionLabel(mode: Mode): string {
  return `${LABEL_PREFIX}${mode}-version`;
}

export type NamespacePolicy = Record<Mode, LevelVersion>;

/** A label PSA cannot parse, with upstream's field-error text. */
export interface LabelError {
  mode: Mode;
  label: string;
  value: string;
  /** e.g. `metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: "strict": must be one of privileged, baseline, restricted` */
  message: string;
  /** What PSA uses instead. */
  fallback: string;
}

/** The API server's built-in default (no AdmissionConfiguration): privileged:latest for every mode. */
export function defaultPolicy(): NamespacePolicy {
  return {
    enforce: { level: 'privileged', version: LATEST },
    audit: { level: 'privileged', version: LATEST },
    warn: { level: 'privileged', version: LATEST },
  };
}

/** Does the namespace carry any Pod Security label? */
export function hasPodSecurityLabels(labels: Record<string, string>): boolean {
  return MODES.some((m) => Object.hasOwn(labels, levelLabel(m)) || Object.hasOwn(labels, versionLabel(m)));
}

function fieldError(label: string, value: string, detail: string): string {
  return `metadata.labels[${label}]: Invalid value: ${goQuote(value)}: ${detail}`;
}

export function policyFromLabels(labels: Record<string, string>, defaults: NamespacePolicy = defaultPolicy()): { policy: NamespacePolicy; errors: LabelError[] } {
  const policy: NamespacePolicy = { enforce: { ...defaults.enforce }, audit: { ...defaults.audit }, warn: { ...defaults.warn } };
  const errors: LabelError[] = [];
  // Upstream's order: enforce, enforce-version, audit, audit-version, warn, warn-version.
  for (const mode of MODES) {
    const levelKey = levelLabel(mode);
    if (Object.hasOwn(labels, levelKey)) {
      const value = labels[levelKey] as string;
      if (isLevel(value)) policy[mode].level = value;
      else {
        const fallback: Level = mode === 'enforce' ? 'restricted' : 'privileged';
        policy[mode].level = fallback;
        errors.push({ mode, label: levelKey, value, message: fieldError(levelKey, value, LEVEL_ERROR), fallback });
      }
    }
    const versionKey = versionLabel(mode);
    if (Object.hasOwn(labels, versionKey)) {
      const value = labels[versionKey] as string;
      let version: PolicyVersion;
      try {
        version = parseVersion(value);
      } catch (err) {
        if (!(err instanceof PssInputError)) throw err;
        version = LATEST;
        errors.push({ mode, label: versionKey, value, message: fieldError(versionKey, value, VERSION_ERROR), fallback: 'latest' });
      }
      policy[mode].version = version;
    }
  }
  return { policy, errors };
}
