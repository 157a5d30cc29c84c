import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ControlMeta } from '../engines/controls/types.js';
import type { InputError } from '../model/finding.js';
import { errorLocation, singleLine, sortedFindings } from './common.js';
import { controlMetaFor, helpUriFor, reportControls, toReportControlMeta } from './context.js';
import { fixtureContext, fixtureResult } from './testing/fixtures.js';

describe('singleLine', () => {
  it('neutralises control, bidi and line-break characters (table)', () => {
    const cases: [string, string][] = [
      ['plain text', 'plain text'],
      ['a\nb\r\nc\rd', 'a b c d'],
      ['tab\there', 'tab here'],
      ['\u001b[31mred', '\\u001b[31mred'],
      ['nul\u0000', 'nul\\u0000'],
      ['del\u007f c1\u009b', 'del\\u007f c1\\u009b'],
      ['bidi\u202eevil\u2066x', 'bidi\\u202eevil\\u2066x'],
      ['unicode ✓ ünï', 'unicode ✓ ünï'],
    ];
    for (const [input, expected] of cases) assert.equal(singleLine(input), expected, JSON.stringify(input));
  });
});

describe('errorLocation', () => {
  it('shows as much position as is known (table)', () => {
    const e = (file: string, line: number, column: number): InputError => ({ file, line, column, message: '', code: 'not-found' });
    const cases: [InputError, string][] = [
      [e('a.yaml', 3, 7), 'a.yaml:3:7'],
      [e('a.yaml', 3, 0), 'a.yaml:3'],
      [e('missing.yaml', 0, 0), 'missing.yaml'],
      [e('', 0, 0), '(input)'],
    ];
    for (const [err, expected] of cases) assert.equal(errorLocation(err), expected);
  });
});

describe('sortedFindings', () => {
  it('orders by file, line, column (numerically), then cluster findings by resource', () => {
    const base = fixtureResult().findings[0]!;
    const at = (file: string, line: number, column: number) => ({ ...base, location: { file, line, column, endLine: line, endColumn: column + 1 } });
    const { location: _drop, ...cluster } = base;
    const input = [
      { ...cluster, resource: { ...base.resource, name: 'b' } },
      at('b.yaml', 2, 1),
      at('a.yaml', 10, 1),
      at('a.yaml', 9, 30),
      at('a.yaml', 9, 4),
      { ...cluster, resource: { ...base.resource, name: 'a' } },
    ];
    const keys = sortedFindings(input).map((f) => (f.location ? `${f.location.file}:${f.location.line}:${f.location.column}` : f.resource.name));
    assert.deepEqual(keys, ['a.yaml:9:4', 'a.yaml:9:30', 'a.yaml:10:1', 'b.yaml:2:1', 'a', 'b']);
  });

  it('breaks ties at one position by resource, control, path; gives a fresh array even when already sorted', () => {
    const base = fixtureResult().findings[0]!;
    const loc = { file: 'a.yaml', line: 3, column: 5, endLine: 3, endColumn: 9 };
    const f = (name: string, control: string, path: string) => ({ ...base, location: loc, resource: { ...base.resource, name }, control, path });
    const ordered = [f('a', 'x', '/b'), f('b', 'a', '/a'), f('b', 'b', '/a'), f('b', 'b', '/c')];
    // Every rotation and the reverse sort back to the same order.
    for (let r = 0; r < ordered.length; r++) {
      const rotated = [...ordered.slice(r), ...ordered.slice(0, r)];
      assert.deepEqual(sortedFindings(rotated), ordered);
    }
    assert.deepEqual(sortedFindings([...ordered].reverse()), ordered);
    const copy = sortedFindings(ordered);
    assert.notEqual(copy, ordered);
    assert.deepEqual(copy, ordered);
  });
});

describe('report control metadata', () => {
  const meta: ControlMeta = {
    id: 'host-path',
    title: 'hostPath volume',
    severity: 'high',
    kinds: ['Pod'],
    frameworks: { pss: ['hostPathVolumes'] },
    rationale: 'why',
    remediation: 'what',
  };

  it('fills every framework list and builds the help URI', () => {
    assert.deepEqual(toReportControlMeta(meta), {
      id: 'host-path',
      title: 'hostPath volume',
      severity: 'high',
      rationale: 'why',
      remediation: 'what',
      frameworks: { cis: [], nsa: [], pss: ['hostPathVolumes'], mitre: [] },
      helpUri: 'https://rampart.dev/controls/host-path',
    });
    assert.deepEqual([...reportControls([meta]).keys()], ['host-path']);
    assert.equal(helpUriFor('a b/c'), 'https://rampart.dev/controls/a%20b%2Fc');
  });

  it('falls back to what a finding carries for a control the run does not list', () => {
    const f = { ...fixtureResult().findings[0]!, control: 'other' };
    const m = controlMetaFor(fixtureContext(), f);
    assert.equal(m.id, 'other');
    assert.equal(m.remediation, f.remediation);
    assert.equal(m.severity, f.severity);
  });
});
