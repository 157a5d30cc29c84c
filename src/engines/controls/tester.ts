/**
 * A control tester in the spirit of ESLint's RuleTester: tables of passing (`valid`) and failing
 * (`invalid`) manifests with the exact findings expected. It refuses weak tables: both sides must
 * be present, every invalid case must state each finding's message and path, every valid case must
 * contain an object the control inspects, and a control's mechanical fix must remove its finding.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadText } from '../../input/text.js';
import { Inventory } from '../../model/inventory.js';
import { applyPatch } from '../../model/json-patch.js';
import type { Finding } from '../../model/finding.js';
import type { Resource, Severity } from '../../model/types.js';
import { refKey, resourceRef } from '../../model/types.js';
import type { Control, ParamSpec, ParamValues } from './types.js';
import { defaultParams, runControls } from './runner.js';

export interface ValidCase<S extends Record<string, ParamSpec>> {
  name: string;
  /** One or more YAML documents. All of them form the inventory (for cross-object controls). */
  yaml: string;
  params?: Partial<ParamValues<S>>;
}

export interface ExpectedFinding {
  message: string | RegExp;
  /** JSON Pointer the finding points at. */
  path: string;
  container?: string;
  severity?: Severity;
  /** 1-based line the location must resolve to (optional; the location must always resolve). */
  line?: number;
  /** Name of the resource the finding is on, when the case holds several. */
  resource?: string;
}

export interface InvalidCase<S extends Record<string, ParamSpec>> extends ValidCase<S> {
  findings: ExpectedFinding[];
}

export interface ControlTable<S extends Record<string, ParamSpec>> {
  valid: ValidCase<S>[];
  invalid: InvalidCase<S>[];
}

export class WeakTestTableError extends Error {
  override readonly name = 'WeakTestTableError';
}

/** Controls that have been given a table in this process (read by the parity test). */
export const testedControls = new Set<string>();

function load(yaml: string, caseName: string): Resource[] {
  const { resources, errors } = loadText(yaml, `${caseName}.yaml`);
  if (errors.length > 0) throw new WeakTestTableError(`case "${caseName}" has invalid YAML: ${errors[0]?.message}`);
  return resources;
}

function run<S extends Record<string, ParamSpec>>(control: Control<S>, resources: Resource[], params: Partial<ParamValues<S>> | undefined): Finding[] {
  const c = control as unknown as Control<Record<string, ParamSpec>>;
  const resolved = { control: c, params: { ...defaultParams(c), ...(params ?? {}) } as ParamValues<Record<string, ParamSpec>>, severity: c.meta.severity };
  return runControls(resources, new Inventory(resources), [resolved], (f) => {
    throw f.error;
  });
}

/** Validate the table up front; throws WeakTestTableError for a table that could not fail. */
export function assertStrongTable<S extends Record<string, ParamSpec>>(control: Control<S>, table: ControlTable<S>): void {
  const id = control.meta.id;
  if (table.valid.length === 0) throw new WeakTestTableError(`${id}: a table needs at least one valid (passing) case`);
  if (table.invalid.length === 0) throw new WeakTestTableError(`${id}: a table needs at least one invalid (failing) case`);
  const names = new Set<string>();
  for (const c of [...table.valid, ...table.invalid]) {
    if (names.has(c.name)) throw new WeakTestTableError(`${id}: duplicate case name "${c.name}"`);
    names.add(c.name);
  }
  for (const c of table.invalid) {
    if (c.findings.length === 0) throw new WeakTestTableError(`${id}: invalid case "${c.name}" must list the findings it expects`);
    for (const f of c.findings) {
      if (f.message === '' || f.path === undefined) throw new WeakTestTableError(`${id}: invalid case "${c.name}" needs message and path for every finding`);
    }
  }
  const kinds = control.meta.kinds;
  if (!kinds.includes('*')) {
    for (const c of table.valid) {
      const resources = load(c.yaml, c.name);
      if (!resources.some((r) => kinds.includes(r.object.kind))) {
        throw new WeakTestTableError(`${id}: valid case "${c.name}" holds no ${kinds.join('/')} object, so it cannot fail`);
      }
    }
  }
}

/** Register node:test tests for a control's table. */
export function testControl<S extends Record<string, ParamSpec>>(control: Control<S>, table: ControlTable<S>): void {
  assertStrongTable(control, table);
  testedControls.add(control.meta.id);
  describe(`control ${control.meta.id}`, () => {
    for (const c of table.valid) {
      test(`valid: ${c.name}`, () => {
        const findings = run(control, load(c.yaml, c.name), c.params);
        assert.deepEqual(findings.map((f) => `${f.path}: ${f.message}`), [], 'expected no findings');
      });
    }
    for (const c of table.invalid) {
      test(`invalid: ${c.name}`, () => {
        const resources = load(c.yaml, c.name);
        const findings = run(control, resources, c.params);
        assert.equal(
          findings.length,
          c.findings.length,
          `expected ${c.findings.length} finding(s), got ${findings.length}:\n${findings.map((f) => `  ${f.path}: ${f.message}`).join('\n')}`,
        );
        c.findings.forEach((exp, i) => {
          const got = findings[i]!;
          if (typeof exp.message === 'string') assert.equal(got.message, exp.message, `finding ${i} message`);
          else assert.match(got.message, exp.message, `finding ${i} message`);
          assert.equal(got.path, exp.path, `finding ${i} path`);
          if (exp.container !== undefined) assert.equal(got.container, exp.container, `finding ${i} container`);
          if (exp.severity !== undefined) assert.equal(got.severity, exp.severity, `finding ${i} severity`);
          if (exp.resource !== undefined) assert.equal(got.resource.name, exp.resource, `finding ${i} resource`);
          assert.ok(got.location, `finding ${i} must resolve to a source location`);
          if (exp.line !== undefined) assert.equal(got.location.line, exp.line, `finding ${i} line`);
        });
        // A mechanical fix must actually fix: applying it removes that finding.
        for (const f of findings) {
          if (!f.fix) continue;
          const target = refKey(f.resource);
          const fixed = resources.map((r) => (refKey(resourceRef(r.object)) === target ? { ...r, object: applyPatch(r.object, f.fix!) } : r));
          const after = run(control, fixed, c.params);
          assert.ok(!after.some((a) => a.fingerprint === f.fingerprint), `fix for "${f.message}" must remove the finding`);
        }
      });
    }
  });
}
