/**
 * Kubernetes' own Pod Security conformance fixtures (kubernetes/pod-security-admission test/testdata),
 * read in place from ../shared: every `pass` pod must be allowed and every `fail` pod denied with the
 * expected substring, at its level and version. Zero mismatches.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { evaluatePod } from './evaluate.js';
import { parseLevel, parseVersion } from './levels.js';
import type { PodLike } from './pod.js';

const here = dirname(fileURLToPath(import.meta.url));
// src/engines/pss -> repository root -> sibling `shared` checkout.
const root = resolve(here, '../../../../shared/conformance/pod-security');

/** Baseline check (fixture name) → the restricted check that replaces it in some versions. */
const OVERRIDDEN_BY: Record<string, string> = {
  hostpathvolumes: 'restrictedvolumes',
  capabilities_baseline: 'capabilities_restricted',
  seccompprofile_baseline: 'seccompprofile_restricted',
  procmount: 'procmount_restricted',
};

interface Expectations {
  failMessageMustContain: Record<string, string>;
}

interface Fixture {
  file: string;
  level: string;
  version: string;
  expect: 'pass' | 'fail';
  check: string;
}

function fixtures(): Fixture[] {
  const out: Fixture[] = [];
  const testdata = join(root, 'testdata');
  for (const level of readdirSync(testdata)) {
    const levelDir = join(testdata, level);
    if (level.endsWith('.md')) continue;
    for (const version of readdirSync(levelDir)) {
      for (const expect of ['pass', 'fail'] as const) {
        const dir = join(levelDir, version, expect);
        if (!existsSync(dir)) continue;
        for (const name of readdirSync(dir)) {
          if (!name.endsWith('.yaml')) continue;
          out.push({ file: join(dir, name), level, version, expect, check: name.replace(/\d*\.yaml$/, '') });
        }
      }
    }
  }
  return out;
}

test('pod-security conformance fixtures', { skip: !existsSync(root) && `fixtures not found at ${root}` }, () => {
  const expectations = JSON.parse(readFileSync(join(root, 'expectations.json'), 'utf8')) as Expectations;
  const all = fixtures();
  const mismatches: string[] = [];
  const counts = { pass: 0, fail: 0 };
  const byLevel = new Map<string, number>();
  for (const f of all) {
    const pod = load(readFileSync(f.file, 'utf8')) as PodLike & { kind?: string };
    assert.equal(pod.kind, 'Pod', `${f.file} is not a Pod`);
    const result = evaluatePod(pod, { level: parseLevel(f.level), version: parseVersion(f.version) });
    counts[f.expect]++;
    byLevel.set(f.level, (byLevel.get(f.level) ?? 0) + 1);
    if (f.expect === 'pass') {
      if (!result.allowed) mismatches.push(`${f.file}: expected allowed, got: ${result.message}`);
      continue;
    }
    if (result.allowed) {
      mismatches.push(`${f.file}: expected denied, got allowed`);
      continue;
    }
    const substring = f.check === 'base' ? undefined : expectations.failMessageMustContain[f.check];
    assert.ok(substring !== undefined, `no expectation for check "${f.check}" (${f.file})`);
    if (!result.message.includes(substring)) mismatches.push(`${f.file}: message lacks "${substring}": ${result.message}`);
    // Stronger than the substring: the fixture fails through its own check, or under restricted
    // through the restricted check that overrides it.
    const failed = result.violations.map((v) => v.check.toLowerCase());
    const overriding = f.level === 'restricted' ? OVERRIDDEN_BY[f.check] : undefined;
    if (!failed.includes(f.check) && !(overriding && failed.includes(overriding))) mismatches.push(`${f.file}: denied by ${failed.join(', ')}, not by ${f.check}`);
  }
  console.log(
    `pod-security conformance: ${all.length} pods (${[...byLevel].map(([l, n]) => `${l} ${n}`).join(', ')}): ` +
      `${counts.pass} pass, ${counts.fail} fail fixtures, ${mismatches.length} mismatches`,
  );
  assert.equal(all.length, 4537, 'the fixture set should hold 4,537 pods');
  assert.deepEqual(mismatches.slice(0, 20), [], `${mismatches.length} mismatches`);
});
