/**
 * Every check with its version history, and the per-(level, version) check lists derived from it
 * the way upstream's registry does:
 *  - a check revision applies from its minimum version up to the next revision;
 *  - restricted = baseline checks not overridden by an active restricted revision + restricted checks;
 *  - checks run baseline IDs first, then restricted IDs, each group sorted by ID (this fixes the
 *    order of the joined message);
 *  - versions newer than the newest revision of any check (and `latest`) use that newest version.
 */
import type { CheckFn } from './checks/check.js';
import { hostNamespaces_1_0, hostPathVolumes_1_0, hostPorts_1_0, hostProbesAndHostLifecycle_1_34 } from './checks/host.js';
import {
  allowPrivilegeEscalation_1_8,
  capabilitiesBaseline_1_0,
  capabilitiesRestricted_1_22,
  exemptUserNamespace,
  exemptWindows,
  privileged_1_0,
  procMount_1_0,
  runAsNonRoot_1_0,
  runAsUser_1_23,
  windowsHostProcess_1_0,
} from './checks/privileges.js';
import {
  appArmorProfile_1_0,
  seccompProfileBaseline_1_0,
  seccompProfileBaseline_1_19,
  seccompProfileRestricted_1_19,
  seLinuxOptions_1_0,
  seLinuxOptions_1_31,
} from './checks/profiles.js';
import { restrictedVolumes_1_0, sysctls_1_0, sysctls_1_27, sysctls_1_29, sysctls_1_32, sysctls_1_37 } from './checks/volumes.js';
import { compareBytes } from './text.js';
import type { CheckId, Level, LevelVersion } from './types.js';

export interface CheckRevision {
  /** First policy minor version (v1.<minVersion>) this revision applies to. */
  minVersion: number;
  run: CheckFn;
  /** Baseline checks this restricted revision replaces while it is active. */
  overrides?: readonly CheckId[];
}

export interface CheckDefinition {
  id: CheckId;
  level: Exclude<Level, 'privileged'>;
  /** Strictly increasing minVersion. */
  revisions: readonly CheckRevision[];
}

export const CHECKS: readonly CheckDefinition[] = [
  // Baseline
  { id: 'hostNamespaces', level: 'baseline', revisions: [{ minVersion: 0, run: hostNamespaces_1_0 }] },
  { id: 'privileged', level: 'baseline', revisions: [{ minVersion: 0, run: privileged_1_0 }] },
  { id: 'capabilities_baseline', level: 'baseline', revisions: [{ minVersion: 0, run: capabilitiesBaseline_1_0 }] },
  { id: 'hostPathVolumes', level: 'baseline', revisions: [{ minVersion: 0, run: hostPathVolumes_1_0 }] },
  { id: 'hostPorts', level: 'baseline', revisions: [{ minVersion: 0, run: hostPorts_1_0 }] },
  { id: 'appArmorProfile', level: 'baseline', revisions: [{ minVersion: 0, run: appArmorProfile_1_0 }] },
  {
    id: 'seLinuxOptions',
    level: 'baseline',
    revisions: [
      { minVersion: 0, run: seLinuxOptions_1_0 },
      { minVersion: 31, run: seLinuxOptions_1_31 }, // container_engine_t allowed
    ],
  },
  {
    id: 'procMount',
    level: 'baseline',
    revisions: [
      { minVersion: 0, run: procMount_1_0 },
      { minVersion: 35, run: exemptUserNamespace(procMount_1_0) }, // any procMount in a user namespace
    ],
  },
  {
    id: 'seccompProfile_baseline',
    level: 'baseline',
    revisions: [
      { minVersion: 0, run: seccompProfileBaseline_1_0 }, // alpha annotations
      { minVersion: 19, run: seccompProfileBaseline_1_19 }, // securityContext.seccompProfile
    ],
  },
  {
    id: 'sysctls',
    level: 'baseline',
    revisions: [
      { minVersion: 0, run: sysctls_1_0 },
      { minVersion: 27, run: sysctls_1_27 },
      { minVersion: 29, run: sysctls_1_29 },
      { minVersion: 32, run: sysctls_1_32 },
      { minVersion: 37, run: sysctls_1_37 },
    ],
  },
  { id: 'windowsHostProcess', level: 'baseline', revisions: [{ minVersion: 0, run: windowsHostProcess_1_0 }] },
  { id: 'hostProbesAndHostLifecycle', level: 'baseline', revisions: [{ minVersion: 34, run: hostProbesAndHostLifecycle_1_34 }] },
  // Restricted
  { id: 'restrictedVolumes', level: 'restricted', revisions: [{ minVersion: 0, run: restrictedVolumes_1_0, overrides: ['hostPathVolumes'] }] },
  {
    id: 'allowPrivilegeEscalation',
    level: 'restricted',
    revisions: [
      { minVersion: 8, run: allowPrivilegeEscalation_1_8 },
      { minVersion: 25, run: exemptWindows(allowPrivilegeEscalation_1_8) },
    ],
  },
  {
    id: 'runAsNonRoot',
    level: 'restricted',
    revisions: [
      { minVersion: 0, run: runAsNonRoot_1_0 },
      { minVersion: 35, run: exemptUserNamespace(runAsNonRoot_1_0) },
    ],
  },
  {
    id: 'runAsUser',
    level: 'restricted',
    revisions: [
      { minVersion: 23, run: runAsUser_1_23 },
      { minVersion: 35, run: exemptUserNamespace(runAsUser_1_23) },
    ],
  },
  {
    id: 'seccompProfile_restricted',
    level: 'restricted',
    revisions: [
      { minVersion: 19, run: seccompProfileRestricted_1_19, overrides: ['seccompProfile_baseline'] },
      { minVersion: 25, run: exemptWindows(seccompProfileRestricted_1_19), overrides: ['seccompProfile_baseline'] },
    ],
  },
  {
    id: 'capabilities_restricted',
    level: 'restricted',
    revisions: [
      { minVersion: 22, run: capabilitiesRestricted_1_22, overrides: ['capabilities_baseline'] },
      { minVersion: 25, run: exemptWindows(capabilitiesRestricted_1_22), overrides: ['capabilities_baseline'] },
    ],
  },
  {
    id: 'procMount_restricted',
    level: 'restricted',
    // Keeps the unconditional 1.0 behaviour in restricted once baseline relaxes it for user namespaces.
    revisions: [{ minVersion: 35, run: procMount_1_0, overrides: ['procMount'] }],
  },
];

/** The newest policy minor version any check defines; `latest` and newer versions evaluate as this. */
export const MAX_MINOR = Math.max(...CHECKS.map((c) => c.revisions[c.revisions.length - 1]!.minVersion));

export interface ActiveCheck {
  id: CheckId;
  run: CheckFn;
}

function revisionAt(def: CheckDefinition, minor: number): CheckRevision | undefined {
  let found: CheckRevision | undefined;
  for (const r of def.revisions) if (r.minVersion <= minor) found = r;
  return found;
}

const ORDERED = [...CHECKS.filter((c) => c.level === 'baseline').sort((a, b) => compareBytes(a.id, b.id)), ...CHECKS.filter((c) => c.level === 'restricted').sort((a, b) => compareBytes(a.id, b.id))];

function build(level: 'baseline' | 'restricted', minor: number): ActiveCheck[] {
  const overridden = new Set<CheckId>();
  if (level === 'restricted') {
    for (const def of ORDERED) if (def.level === 'restricted') for (const id of revisionAt(def, minor)?.overrides ?? []) overridden.add(id);
  }
  const out: ActiveCheck[] = [];
  for (const def of ORDERED) {
    if (def.level === 'restricted' && level === 'baseline') continue;
    if (overridden.has(def.id)) continue;
    const rev = revisionAt(def, minor);
    if (rev) out.push({ id: def.id, run: rev.run });
  }
  return out;
}

/** Precomputed lists for every (level, minor) up to MAX_MINOR: evaluation is a table lookup. */
const TABLE: Record<'baseline' | 'restricted', ActiveCheck[][]> = { baseline: [], restricted: [] };
for (let minor = 0; minor <= MAX_MINOR; minor++) {
  TABLE.baseline.push(build('baseline', minor));
  TABLE.restricted.push(build('restricted', minor));
}

/** The minor version a level/version is evaluated at (`latest` and future versions clamp to MAX_MINOR). */
export function effectiveMinor(lv: LevelVersion): number {
  return lv.version.latest ? MAX_MINOR : Math.min(lv.version.minor, MAX_MINOR);
}

/** The checks, in message order, that a level/version runs. Privileged runs none. */
export function checksFor(lv: LevelVersion): readonly ActiveCheck[] {
  if (lv.level === 'privileged') return [];
  return TABLE[lv.level][effectiveMinor(lv)]!;
}

/** The level each check ID belongs to (for severities and docs). */
export function levelOfCheck(id: CheckId): 'baseline' | 'restricted' {
  return CHECKS.find((c) => c.id === id)!.level;
}
