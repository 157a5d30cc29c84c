import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { helpUriFor } from './context.js';
import type { ReportControlMeta } from './context.js';
import { formatJunit, INPUT_SUITE } from './junit.js';
import { emptyResult, FIXTURE_CONTROLS, fixtureContext, fixtureResult, HOSTILE_NAME } from './testing/fixtures.js';
import { parseXml, XmlError } from './testing/xml-check.js';
import type { XmlElement } from './testing/xml-check.js';

const quiet: ReportControlMeta = {
  id: 'no-hostpath',
  title: 'hostPath volume',
  severity: 'high',
  rationale: 'r',
  remediation: 'm',
  frameworks: { cis: [], nsa: [], pss: ['hostPathVolumes'], mitre: [] },
  helpUri: helpUriFor('no-hostpath'),
};

function junit(result = fixtureResult()): XmlElement {
  const controls = new Map(FIXTURE_CONTROLS);
  controls.set(quiet.id, quiet);
  return parseXml(formatJunit(result, fixtureContext({ controls })));
}

const suite = (root: XmlElement, name: string): XmlElement => {
  const s = root.children.find((c) => c.attrs['name'] === name);
  assert.ok(s, `no suite ${name}`);
  return s;
};
const cases = (s: XmlElement): XmlElement[] => s.children.filter((c) => c.name === 'testcase');

describe('junit', () => {
  it('is well-formed XML with consistent counts', () => {
    for (const result of [fixtureResult(), emptyResult()]) {
      const root = junit(result);
      assert.equal(root.name, 'testsuites');
      let tests = 0;
      for (const s of root.children) {
        const cs = cases(s);
        tests += cs.length;
        assert.equal(Number(s.attrs['tests']), cs.length);
        assert.equal(Number(s.attrs['failures']), cs.filter((c) => c.children.some((x) => x.name === 'failure')).length);
        assert.equal(Number(s.attrs['skipped']), cs.filter((c) => c.children.some((x) => x.name === 'skipped')).length);
        assert.equal(Number(s.attrs['errors']), cs.filter((c) => c.children.some((x) => x.name === 'error')).length);
      }
      assert.equal(Number(root.attrs['tests']), tests);
    }
  });

  it('has one suite per control (sorted), then the input suite', () => {
    const names = junit().children.map((s) => s.attrs['name']);
    assert.deepEqual(names, [...[...FIXTURE_CONTROLS.keys(), quiet.id].sort(), INPUT_SUITE]);
  });

  it('fails per unsuppressed finding, skips suppressed ones, passes a control without findings', () => {
    const root = junit();
    const privileged = cases(suite(root, 'privileged-container'));
    assert.equal(privileged.length, 2);
    const failure = privileged.find((c) => c.attrs['file'] === 'manifests/shop/web.yaml')!.children[0]!;
    assert.equal(failure.name, 'failure');
    assert.equal(failure.attrs['type'], 'critical');
    assert.equal(failure.attrs['message'], 'Container "app" is privileged');
    assert.match(failure.text, /remediation: Set securityContext\.privileged to false/);
    assert.match(failure.text, /location: manifests\/shop\/web\.yaml:31:25/);

    const skipped = cases(suite(root, 'run-as-root')).find((c) => c.children[0]?.name === 'skipped')!;
    assert.equal(skipped.children[0]!.attrs['message'], 'suppressed (annotation): node agent needs root to read /proc');

    assert.deepEqual(
      cases(suite(root, quiet.id)).map((c) => [c.attrs['name'], c.children.length]),
      [['no findings', 0]],
    );
  });

  it('reports input errors as errored test cases', () => {
    const errors = cases(suite(junit(), INPUT_SUITE));
    assert.deepEqual(
      errors.map((c) => [c.attrs['name'], c.children[0]!.name, c.children[0]!.attrs['type']]),
      [
        ['charts/evil/templates/pod.yaml:1:1', 'error', 'alias-limit'],
        ['manifests/shop/broken.yaml:7:3', 'error', 'yaml-syntax'],
      ],
    );
    assert.equal(errors[0]!.children[0]!.attrs['message'], 'alias expansion limit exceeded in "<&>"');
  });

  it('escapes hostile names: markup stays data, control characters become visible', () => {
    const hostile = cases(suite(junit(), 'privileged-container')).find((c) => c.attrs['file'] === 'charts/evil/templates/pod.yaml')!;
    assert.ok(hostile.attrs['name']!.includes('<script>alert(1)</script>|pwn\\u001b[2J line2'));
    assert.ok(hostile.children[0]!.text.includes(`container: ${HOSTILE_NAME.replace('\u001b', '\\u001b')}`));
  });
});

describe('xml checker', () => {
  it('accepts well-formed and rejects malformed documents (table)', () => {
    const good = ['<a/>', '<?xml version="1.0"?>\n<a x="1" y=\'2\'><b>t &amp; &#60; &#x3C;</b><!-- c --></a>\n'];
    for (const g of good) assert.doesNotThrow(() => parseXml(g), g);
    const bad = [
      '<a><b></a></b>',
      '<a>',
      '<a/><b/>',
      '<a x="1" x="2"/>',
      '<a x="<"/>',
      '<a>&nbsp;</a>',
      '<a>& </a>',
      '<a>\u001b</a>',
      '<a x=1/>',
      'text<a/>',
      '<a x="1"y="2"/>',
    ];
    for (const b of bad) assert.throws(() => parseXml(b), XmlError, JSON.stringify(b));
  });
});
