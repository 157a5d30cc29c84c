import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { REPORT_SCHEMA_VERSION } from '../scan/types.js';
import { formatJson, jsonChunks } from './json.js';
import { emptyResult, fixtureContext, fixtureResult, HOSTILE_NAME } from './testing/fixtures.js';
import type { Schema } from './testing/json-schema.js';
import { validate } from './testing/json-schema.js';
import { assertOneItemPerChunk } from './testing/streaming.js';

const here = dirname(fileURLToPath(import.meta.url));
const schema = JSON.parse(readFileSync(join(here, 'json-report.schema.json'), 'utf8')) as Schema;

type Json = Record<string, any>;
const report = (result = fixtureResult()): Json => JSON.parse(formatJson(result, fixtureContext())) as Json;

describe('json report: schema', () => {
  it('the fixture and a clean run validate against json-report.schema.json', () => {
    assert.deepEqual(validate(schema, report()), []);
    assert.deepEqual(validate(schema, report(emptyResult())), []);
  });

  it('the validator rejects reports that break the contract (table)', () => {
    const cases: [string, (r: Json) => void, RegExp][] = [
      ['missing fingerprint', (r) => delete r['findings'][0]['fingerprint'], /missing required property "fingerprint"/],
      ['unknown severity', (r) => (r['findings'][0]['severity'] = 'severe'), /is not one of/],
      ['extra finding key', (r) => (r['findings'][0]['object'] = {}), /unexpected property "object"/],
      ['line 0', (r) => (r['findings'][0]['location']['line'] = 0), /matches 0 of oneOf/],
      ['framework not an array', (r) => (r['findings'][0]['frameworks']['cis'] = '5.2.2'), /expected array/],
      ['missing summary', (r) => delete r['summary'], /missing required property "summary"/],
      ['bad error code', (r) => (r['errors'][0]['code'] = 'oops'), /is not one of/],
      ['major version 2', (r) => (r['schemaVersion'] = '2.0.0'), /does not match/],
      ['remove op with value', (r) => (r['findings'][0]['fix'] = [{ op: 'remove', path: '/a', value: 1 }]), /oneOf/],
    ];
    for (const [name, mutate, expected] of cases) {
      const r = report();
      mutate(r);
      const errors = validate(schema, r);
      assert.ok(errors.some((e) => expected.test(e.message)), `${name}: ${JSON.stringify(errors)}`);
    }
  });

  it('schemaVersion is the one documented in docs/json-report.md', () => {
    assert.equal(report()['schemaVersion'], REPORT_SCHEMA_VERSION);
    const doc = readFileSync(join(here, '..', '..', 'docs', 'json-report.md'), 'utf8');
    assert.ok(doc.includes(`\`${REPORT_SCHEMA_VERSION}\``), 'docs/json-report.md does not name the current schemaVersion');
  });
});

describe('json report: shape', () => {
  it('has a fixed top-level and finding key order', () => {
    const r = report();
    assert.deepEqual(Object.keys(r), ['schemaVersion', 'tool', 'findings', 'errors', 'files', 'summary']);
    const web = r['findings'].find((f: Json) => f['control'] === 'image-tag-latest' && f['resource']['name'] === 'web');
    assert.deepEqual(Object.keys(web), ['control', 'severity', 'message', 'resource', 'container', 'path', 'location', 'frameworks', 'remediation', 'fingerprint', 'fix']);
    assert.deepEqual(Object.keys(web['frameworks']), ['cis', 'nsa', 'pss', 'mitre']);
    assert.deepEqual(Object.keys(web['location']), ['file', 'line', 'column', 'endLine', 'endColumn']);
  });

  it('cluster findings have location null; cluster-scoped resources have namespace null', () => {
    const f = report()['findings'].find((x: Json) => x['control'] === 'cluster-admin-binding');
    assert.equal(f['location'], null);
    assert.equal(f['resource']['namespace'], null);
    assert.equal('container' in f, false);
  });

  it('orders findings by file, line, column, with cluster findings last', () => {
    const keys = report()['findings'].map((f: Json) => (f['location'] ? `${f['location']['file']}:${String(f['location']['line']).padStart(4, '0')}` : '~'));
    assert.deepEqual(keys, [...keys].sort());
    assert.equal(keys.at(-1), '~');
  });

  it('keeps suppressed findings, with their suppression', () => {
    const suppressed = report()['findings'].filter((f: Json) => f['suppressed']);
    assert.deepEqual(
      suppressed.map((f: Json) => f['suppressed']).sort((a: Json, b: Json) => (a['kind'] < b['kind'] ? -1 : 1)),
      [
        { kind: 'annotation', reason: 'node agent needs root to read /proc' },
        { kind: 'baseline', reason: 'present in baseline' },
        { kind: 'exception', reason: 'vendor image, tracked in SEC-42', source: 'rampart-exceptions.yaml#0' },
      ],
    );
  });

  it('round-trips hostile strings exactly (JSON escaping only)', () => {
    const f = report()['findings'].find((x: Json) => x['container'] === HOSTILE_NAME);
    assert.ok(f);
    assert.equal(f['resource']['name'], HOSTILE_NAME);
  });

  it('passes through the compliance engine\'s optional item detail, and nothing else', () => {
    const cis = report()['summary']['compliance'][0];
    const manual = cis['items'].find((i: Json) => i['id'] === '5.4.2');
    assert.deepEqual(manual, {
      id: '5.4.2', title: 'Consider external secret storage', status: 'manual', controls: [], findings: 0,
      automated: false, manualReason: 'manual-recommendation', reason: 'manual recommendation: needs a human review',
    });
    const plain = cis['items'].find((i: Json) => i['id'] === '5.2.8');
    assert.deepEqual(Object.keys(plain), ['id', 'title', 'status', 'controls', 'findings']);
  });

  it('errors carry file, line, column, message and code, sorted by file', () => {
    assert.deepEqual(report()['errors'][1], { file: 'manifests/shop/broken.yaml', line: 7, column: 3, message: 'bad indentation of a mapping entry', code: 'yaml-syntax' });
  });
});

describe('json report: streaming', () => {
  it('is produced as chunks of at most one finding each, which join to the whole report', () => {
    const result = fixtureResult();
    assertOneItemPerChunk([...jsonChunks(result, fixtureContext())], formatJson(result, fixtureContext()), 'fingerprint', result.findings.length);
  });
});
