/** Levels and policy versions: parsing and printing exactly as k8s.io/pod-security-admission/api does. */
import type { Level, LevelVersion, PolicyVersion } from './types.js';
import { LEVELS, PssInputError } from './types.js';

export const LATEST: PolicyVersion = Object.freeze({ latest: true });

export function minorVersion(minor: number): PolicyVersion {
  return { latest: false, minor };
}

export function isLevel(v: string): v is Level {
  return (LEVELS as readonly string[]).includes(v);
}

/** Upstream's wording for a bad level (also used for namespace-label findings). */
export const LEVEL_ERROR = `must be one of ${LEVELS.join(', ')}`;
export const VERSION_ERROR = 'must be "latest" or "v1.x"';

/** Same pattern as upstream: `v1.` then a minor without leading zeros. */
const VERSION_PATTERN = /^v1\.([0-9]|[1-9][0-9]*)$/;

export function parseLevel(v: string): Level {
  if (!isLevel(v)) throw new PssInputError('invalid-level', `invalid level "${v}": ${LEVEL_ERROR}`);
  return v;
}

export function parseVersion(v: string): PolicyVersion {
  if (v === 'latest') return LATEST;
  const match = VERSION_PATTERN.exec(v);
  const minor = match ? Number(match[1]) : NaN;
  // Go's Atoi fails beyond int64; anything that large is not a real policy version either.
  if (!Number.isSafeInteger(minor)) throw new PssInputError('invalid-version', `invalid version "${v}": ${VERSION_ERROR}`);
  return minorVersion(minor);
}

export function formatVersion(v: PolicyVersion): string {
  return v.latest ? 'latest' : `v1.${v.minor}`;
}

/** `restricted:v1.30`, as PSA prints a LevelVersion. */
export function formatLevelVersion(lv: LevelVersion): string {
  return `${lv.level}:${formatVersion(lv.version)}`;
}

/** -1, 0, 1 by strictness (privileged < baseline < restricted). */
export function compareLevels(a: Level, b: Level): number {
  return Math.sign(LEVELS.indexOf(a) - LEVELS.indexOf(b));
}
