import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { compareLevels, formatLevelVersion, parseLevel, parseVersion } from './levels.js';
import { hasPodSecurityLabels, policyFromLabels } from './namespace.js';
import { PssInputError } from './types.js';

describe('parseVersion (upstream pattern ^v1\\.(0|[1-9][0-9]*)$ or latest)', () => {
  const valid: [string, string][] = [
    ['latest', 'latest'],
    ['v1.0', 'v1.0'],
    ['v1.9', 'v1.9'],
    ['v1.30', 'v1.30'],
    ['v1.999', 'v1.999'],
  ];
  for (const [input, out] of valid) test(`accepts ${input}`, () => assert.equal(formatLevelVersion({ level: 'baseline', version: parseVersion(input) }), `baseline:${out}`));
  for (const input of ['v1.01', 'v2.0', '1.30', 'v1', 'v1.', 'Latest', '', 'v1.3a', ' v1.3', 'v1.99999999999999999999']) {
    test(`rejects ${JSON.stringify(input)}`, () => assert.throws(() => parseVersion(input), (e: unknown) => e instanceof PssInputError && e.code === 'invalid-version'));
  }
});

describe('parseLevel', () => {
  for (const l of ['privileged', 'baseline', 'restricted']) test(`accepts ${l}`, () => assert.equal(parseLevel(l), l));
  for (const l of ['Restricted', 'strict', '', 'privileged ']) {
    test(`rejects ${JSON.stringify(l)}`, () => assert.throws(() => parseLevel(l), (e: unknown) => e instanceof PssInputError && e.code === 'invalid-level'));
  }
  test('compareLevels orders by strictness', () => {
    assert.equal(compareLevels('privileged', 'baseline'), -1);
    assert.equal(compareLevels('restricted', 'baseline'), 1);
    assert.equal(compareLevels('baseline', 'baseline'), 0);
  });
});

describe('policyFromLabels (PolicyToEvaluate with the built-in privileged:latest defaults)', () => {
  const P = 'pod-security.kubernetes.io/';
  const cases: { name: string; labels: Record<string, string>; policy: [string, string, string]; errors: string[] }[] = [
    { name: 'no labels', labels: {}, policy: ['privileged:latest', 'privileged:latest', 'privileged:latest'], errors: [] },
    {
      name: 'all modes with versions',
      labels: { [`${P}enforce`]: 'baseline', [`${P}enforce-version`]: 'v1.30', [`${P}audit`]: 'restricted', [`${P}warn`]: 'restricted', [`${P}warn-version`]: 'v1.25' },
      policy: ['baseline:v1.30', 'restricted:latest', 'restricted:v1.25'],
      errors: [],
    },
    { name: 'version without level keeps the default level', labels: { [`${P}enforce-version`]: 'v1.20' }, policy: ['privileged:v1.20', 'privileged:latest', 'privileged:latest'], errors: [] },
    {
      name: 'invalid enforce level falls back to restricted (fail closed)',
      labels: { [`${P}enforce`]: 'strict' },
      policy: ['restricted:latest', 'privileged:latest', 'privileged:latest'],
      errors: ['metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: "strict": must be one of privileged, baseline, restricted'],
    },
    {
      name: 'invalid audit and warn levels fall back to privileged (fail open)',
      labels: { [`${P}audit`]: 'x', [`${P}warn`]: 'y' },
      policy: ['privileged:latest', 'privileged:latest', 'privileged:latest'],
      errors: [
        'metadata.labels[pod-security.kubernetes.io/audit]: Invalid value: "x": must be one of privileged, baseline, restricted',
        'metadata.labels[pod-security.kubernetes.io/warn]: Invalid value: "y": must be one of privileged, baseline, restricted',
      ],
    },
    {
      name: 'invalid version falls back to latest',
      labels: { [`${P}enforce`]: 'baseline', [`${P}enforce-version`]: 'v1.030' },
      policy: ['baseline:latest', 'privileged:latest', 'privileged:latest'],
      errors: ['metadata.labels[pod-security.kubernetes.io/enforce-version]: Invalid value: "v1.030": must be "latest" or "v1.x"'],
    },
    {
      name: 'values are quoted as Go %q',
      labels: { [`${P}enforce`]: 'a"b\n' },
      policy: ['restricted:latest', 'privileged:latest', 'privileged:latest'],
      errors: ['metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: "a\\"b\\n": must be one of privileged, baseline, restricted'],
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const { policy, errors } = policyFromLabels(c.labels);
      assert.deepEqual([formatLevelVersion(policy.enforce), formatLevelVersion(policy.audit), formatLevelVersion(policy.warn)], c.policy);
      assert.deepEqual(
        errors.map((e) => e.message),
        c.errors,
      );
    });
  }
  test('hasPodSecurityLabels', () => {
    assert.equal(hasPodSecurityLabels({ 'pod-security.kubernetes.io/audit-version': 'v1.2' }), true);
    assert.equal(hasPodSecurityLabels({ 'pod-security.kubernetes.io/other': 'x', team: 'a' }), false);
  });
});
