import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../config/errors.js';
import { parseConfig } from '../../config/config.js';
import privileged from '../controls/rules/workload/privileged-container.js';
import { admissionConfigOf, parseAdmissionConfig } from './config.js';

const KNOWN = new Set(['privileged-container']);

describe('admission config', () => {
  it('defaults: own namespace and kube-system exempt, 3 MiB body limit', () => {
    const c = parseAdmissionConfig(undefined, KNOWN);
    assert.deepEqual(c.exemptions.namespaces, ['rampart-system', 'kube-system']);
    assert.equal(c.limits.maxBodyBytes, 3 * 1024 * 1024);
    assert.equal(c.enforceAt, 'high');
    assert.equal(c.namespaceLabelOverride, true);
  });
  it('parses every section', () => {
    const c = parseAdmissionConfig(
      {
        namespace: 'sec',
        controls: { 'privileged-container': { action: 'warn', mutate: true } },
        namespaces: { a: 'audit', b: { action: 'warn', controls: { 'privileged-container': 'off' } } },
        exemptions: { namespaces: ['mon'], users: ['u'], groups: ['g'], serviceAccounts: ['ci:bot'] },
        limits: { maxBodyBytes: 2048, maxConcurrent: 8 },
      },
      KNOWN,
    );
    assert.deepEqual(c.exemptions, { namespaces: ['sec', 'kube-system', 'mon'], users: ['u'], groups: ['g'], serviceAccounts: ['ci/bot'] });
    assert.deepEqual(c.controls, { 'privileged-container': { action: 'warn', mutate: true } });
    assert.deepEqual(c.namespaces, { a: { action: 'audit', controls: {} }, b: { action: 'warn', controls: { 'privileged-container': 'off' } } });
    assert.equal(c.limits.maxBodyBytes, 2048);
    assert.equal(c.limits.maxConcurrent, 8);
  });
  const bad: [string, unknown, RegExp][] = [
    ['unknown key', { nope: 1 }, /unknown admission setting "nope"/],
    ['unknown control', { controls: { 'no-such': 'warn' } }, /unknown control "no-such"/],
    ['bad action', { controls: { 'privileged-container': 'block' } }, /action must be one of off, audit, warn, enforce/],
    ['bad mutate', { controls: { 'privileged-container': { mutate: 'yes' } } }, /mutate must be true or false/],
    ['bad namespace action', { namespaces: { a: 'x' } }, /action must be one of/],
    ['bad service account', { exemptions: { serviceAccounts: ['bot'] } }, /must be written namespace\/name/],
    ['bad limit', { limits: { maxBodyBytes: 10 } }, /maxBodyBytes must be an integer from 1024/],
    ['unknown limit', { limits: { x: 1 } }, /unknown limit "x"/],
    ['bad severity', { enforceAt: 'urgent' }, /enforceAt must be one of/],
  ];
  for (const [name, raw, re] of bad) {
    it(`rejects ${name}`, () => assert.throws(() => parseAdmissionConfig(raw, KNOWN), (e: unknown) => e instanceof ConfigError && re.test(e.message)));
  }
  it('points errors at their line in rampart.yaml', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rampart-admission-'));
    const text = 'failOn: high\nadmission:\n  controls:\n    privileged-container: enforce\n  namespaces:\n    legacy: sometimes\n';
    const file = join(dir, 'rampart.yaml');
    writeFileSync(file, text);
    const config = parseConfig(text, file, [privileged]);
    assert.throws(
      () => admissionConfigOf(config, KNOWN, dir),
      (e: unknown) => e instanceof ConfigError && e.line === 6 && /action must be one of/.test(e.message),
    );
  });
});
