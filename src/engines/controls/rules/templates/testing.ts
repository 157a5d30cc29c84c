/**
 * Test helpers shared by the library's control tests. They add checks on top of `testControl`
 * (never instead of it): e.g. that no part of a finding carries a secret value.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadText } from '../../../../input/text.js';
import { Inventory } from '../../../../model/inventory.js';
import type { Finding } from '../../../../model/finding.js';
import type { Control, ParamSpec, ParamValues } from '../../types.js';
import { defaultParams, runControls } from '../../runner.js';

/** Run one control over a YAML text with optional parameter overrides. */
export function runOn<S extends Record<string, ParamSpec>>(control: Control<S>, yaml: string, params?: Partial<ParamValues<S>>): Finding[] {
  const { resources, errors } = loadText(yaml, 'case.yaml');
  assert.deepEqual(errors, [], 'fixture must be valid YAML');
  const c = control as unknown as Control<Record<string, ParamSpec>>;
  const resolved = { control: c, params: { ...defaultParams(c), ...(params ?? {}) } as ParamValues<Record<string, ParamSpec>>, severity: c.meta.severity };
  return runControls(resources, new Inventory(resources), [resolved], (f) => {
    throw f.error;
  });
}

/**
 * Register a test asserting that the control finds something in `yaml` and that no finding, in
 * any field, contains any of the `secrets` (nor a long slice of one).
 */
export function testNoSecretLeak<S extends Record<string, ParamSpec>>(control: Control<S>, name: string, yaml: string, secrets: string[]): void {
  test(`${control.meta.id}: findings never contain the secret (${name})`, () => {
    const findings = runOn(control, yaml);
    assert.ok(findings.length > 0, 'the fixture must produce findings');
    const json = JSON.stringify(findings);
    for (const s of secrets) {
      assert.ok(!json.includes(s), `finding JSON leaks a secret value`);
      // No 8-character window of the secret beyond a public prefix may appear either.
      for (let i = 4; i + 8 <= s.length; i++) assert.ok(!json.includes(s.slice(i, i + 8)), `finding JSON leaks part of a secret value`);
    }
  });
}
