import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { Finding } from '../model/finding.js';
import type { Severity } from '../model/types.js';
import { formatSarif, sarifChunks, SECURITY_SEVERITY, SARIF_LEVEL } from './sarif.js';
import type { Schema } from './testing/json-schema.js';
import { validate } from './testing/json-schema.js';
import { assertOneItemPerChunk } from './testing/streaming.js';
import { emptyResult, FIXTURE_CWD, fixtureContext, fixtureResult, HOSTILE_NAME } from './testing/fixtures.js';

type Json = Record<string, any>;

function sarif(result = fixtureResult(), ctx = fixtureContext()): Json {
  return JSON.parse(formatSarif(result, ctx)) as Json;
}

function resultFor(log: Json, control: string, predicate: (r: Json) => boolean = () => true): Json {
  const found = (log['runs'][0]['results'] as Json[]).find((r) => r['ruleId'] === control && predicate(r));
  assert.ok(found, `no result for ${control}`);
  return found;
}

describe('sarif: mapping', () => {
  it('maps severities to level and security-severity (table)', () => {
    const table: [Severity, string, string][] = [
      ['critical', 'error', '9.5'],
      ['high', 'error', '8.0'],
      ['medium', 'warning', '5.5'],
      ['low', 'note', '3.0'],
      ['info', 'note', '1.0'],
    ];
    for (const [sev, level, score] of table) {
      assert.equal(SARIF_LEVEL[sev], level, sev);
      assert.equal(SECURITY_SEVERITY[sev], score, sev);
    }
    const log = sarif();
    for (const rule of log['runs'][0]['tool']['driver']['rules'] as Json[]) {
      const sev = rule['properties']['severity'] as Severity;
      assert.equal(rule['properties']['security-severity'], SECURITY_SEVERITY[sev]);
      assert.equal(typeof rule['properties']['security-severity'], 'string');
      assert.equal(rule['defaultConfiguration']['level'], SARIF_LEVEL[sev]);
    }
  });

  it('describes every control in the run as a rule, with help and framework tags', () => {
    const rules = sarif()['runs'][0]['tool']['driver']['rules'] as Json[];
    assert.deepEqual(
      rules.map((r) => r['id']),
      [...fixtureContext().controls.keys()].sort(),
    );
    const privileged = rules.find((r) => r['id'] === 'privileged-container')!;
    assert.equal(privileged['name'], 'PrivilegedContainer');
    assert.equal(privileged['helpUri'], 'https://rampart.dev/controls/privileged-container');
    assert.match(privileged['help']['text'], /Remediation: Set securityContext\.privileged to false/);
    assert.match(privileged['help']['markdown'], /\*\*Remediation:\*\*/);
    assert.deepEqual(privileged['properties']['tags'], ['security', 'kubernetes', 'cis:5.2.2', 'nsa:pod-security.non-root', 'pss:privileged', 'mitre:T1611']);
  });

  it('adds a rule for a control the context does not know, and indexes results consistently', () => {
    const result = fixtureResult();
    const stray: Finding = { ...result.findings[0]!, control: 'zz-other-engine', fingerprint: 'stray' };
    result.findings.push(stray);
    const log = sarif(result);
    const rules = log['runs'][0]['tool']['driver']['rules'] as Json[];
    for (const r of log['runs'][0]['results'] as Json[]) {
      assert.equal(rules[r['ruleIndex']]!['id'], r['ruleId']);
    }
    assert.ok(rules.some((r) => r['id'] === 'zz-other-engine'));
  });

  it('gives exact regions, relative URIs against %SRCROOT%, and fingerprints', () => {
    const log = sarif();
    const run = log['runs'][0];
    assert.deepEqual(run['originalUriBaseIds'], { '%SRCROOT%': { uri: `file://${FIXTURE_CWD}/` } });
    const r = resultFor(log, 'privileged-container', (x) => x['properties']['resource']['name'] === 'web');
    assert.deepEqual(r['locations'][0]['physicalLocation'], {
      artifactLocation: { uri: 'manifests/shop/web.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 31, startColumn: 25, endLine: 31, endColumn: 29 },
    });
    assert.deepEqual(r['partialFingerprints'], { 'rampart/v1': 'privileged-container@2' });
    assert.equal(r['level'], 'error');
    assert.equal(r['message']['text'], 'Container "app" is privileged.');
  });

  it('maps paths: encoded relative, ./ and absolute inside cwd, outside cwd as file URI, stdin without URI', () => {
    const cases: [string, Json][] = [
      ['dir with space/a#b.yaml', { uri: 'dir%20with%20space/a%23b.yaml', uriBaseId: '%SRCROOT%' }],
      ['./x/y.yaml', { uri: 'x/y.yaml', uriBaseId: '%SRCROOT%' }],
      [`${FIXTURE_CWD}/abs/z.yaml`, { uri: 'abs/z.yaml', uriBaseId: '%SRCROOT%' }],
      ['../elsewhere/w.yaml', { uri: 'file:///srv/elsewhere/w.yaml' }],
      ['..foo/v.yaml', { uri: '..foo/v.yaml', uriBaseId: '%SRCROOT%' }],
      ['<stdin>', { description: { text: 'standard input' } }],
    ];
    for (const [file, expected] of cases) {
      const result = fixtureResult();
      const f = result.findings.find((x) => x.location !== undefined)!;
      result.findings = [{ ...f, location: { ...f.location!, file } }];
      const r = sarif(result)['runs'][0]['results'][0];
      assert.deepEqual(r['locations'][0]['physicalLocation']['artifactLocation'], expected, file);
    }
  });

  it('drops a malformed end rather than emitting an inverted region', () => {
    const result = fixtureResult();
    const f = result.findings.find((x) => x.location !== undefined)!;
    result.findings = [{ ...f, location: { file: 'a.yaml', line: 5, column: 9, endLine: 5, endColumn: 3 } }];
    const region = sarif(result)['runs'][0]['results'][0]['locations'][0]['physicalLocation']['region'];
    assert.deepEqual(region, { startLine: 5, startColumn: 9 });
  });

  it('gives cluster findings a logical location only', () => {
    const r = resultFor(sarif(), 'cluster-admin-binding');
    assert.deepEqual(r['locations'], [{ logicalLocations: [{ fullyQualifiedName: 'ClusterRoleBinding/ops-admins', kind: 'resource' }] }]);
  });

  it('maps suppressions: annotation inSource, exception and baseline external, with justification', () => {
    const log = sarif();
    const results = log['runs'][0]['results'] as Json[];
    const suppressed = results.filter((r) => r['suppressions']);
    const kinds = suppressed.map((r) => [r['suppressions'][0]['kind'], r['suppressions'][0]['properties']['rampartKind'], r['suppressions'][0]['justification']]);
    assert.deepEqual(kinds.sort(), [
      ['external', 'baseline', 'present in baseline'],
      ['external', 'exception', 'vendor image, tracked in SEC-42'],
      ['inSource', 'annotation', 'node agent needs root to read /proc'],
    ]);
    assert.equal(results.length, fixtureResult().findings.length, 'suppressed findings are kept');
  });

  it('reports input errors, skipped documents and coverage gaps as notifications', () => {
    const inv = sarif()['runs'][0]['invocations'][0];
    assert.equal(inv['executionSuccessful'], false);
    const n = inv['toolExecutionNotifications'] as Json[];
    assert.deepEqual(
      n.map((x) => [x['level'], x['descriptor']['id']]),
      [['error', 'alias-limit'], ['error', 'yaml-syntax'], ['warning', 'skipped-document'], ['warning', 'coverage-gap']],
    );
    assert.deepEqual(n[1]!['locations'][0]['physicalLocation'], {
      artifactLocation: { uri: 'manifests/shop/broken.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 7, startColumn: 3 },
    });
    assert.equal(sarif(emptyResult())['runs'][0]['invocations'][0]['executionSuccessful'], true);
  });

  it('escapes square brackets in message text so names cannot form embedded links', () => {
    const result = fixtureResult();
    result.findings = [{ ...result.findings[0]!, message: 'Container "[click](1)" is privileged' }];
    assert.equal(sarif(result)['runs'][0]['results'][0]['message']['text'], 'Container "\\[click\\](1)" is privileged.');
  });

  it('keeps hostile names as JSON data', () => {
    const r = resultFor(sarif(), 'privileged-container', (x) => x['properties']['container'] === HOSTILE_NAME);
    assert.equal(r['properties']['resource']['name'], HOSTILE_NAME);
  });
});

/** The official SARIF 2.1.0 JSON schema, shipped beside the Multitool binary. */
function officialSchema(): Schema {
  const multitool = createRequire(import.meta.url)('@microsoft/sarif-multitool') as string;
  return JSON.parse(readFileSync(join(dirname(multitool), 'sarif-2.1.0.json'), 'utf8')) as Schema;
}

describe('sarif: official JSON schema', () => {
  // The Multitool skips logs that fail to deserialise (e.g. an unknown `level`) without a word,
  // so schema conformance is checked separately.
  it('conforms to sarif-2.1.0.json, which rejects a broken log', () => {
    const schema = officialSchema();
    assert.deepEqual(validate(schema, sarif()), []);
    assert.deepEqual(validate(schema, sarif(emptyResult())), []);
    const bad = sarif();
    bad['runs'][0]['results'][0]['level'] = 'bogus';
    bad['runs'][0]['results'][1]['locations'][0]['physicalLocation']['region']['startLine'] = 0;
    const errors = validate(schema, bad).map((e) => e.at);
    assert.ok(errors.includes('/runs/0/results/0/level'), JSON.stringify(errors));
    assert.ok(errors.includes('/runs/0/results/1/locations/0/physicalLocation/region/startLine'), JSON.stringify(errors));
  });
});

describe('sarif: Microsoft SARIF Multitool', () => {
  it('validates with no errors or warnings (SARIF and GitHub rules), and catches a broken log', async () => {
    const multitool = createRequire(import.meta.url)('@microsoft/sarif-multitool') as string;
    const dir = mkdtempSync(join(tmpdir(), 'rampart-sarif-'));
    try {
      const good = join(dir, 'good.sarif');
      const broken = join(dir, 'broken.sarif');
      writeFileSync(good, formatSarif(fixtureResult(), fixtureContext()));
      // Control: a log with an out-of-range ruleIndex must be flagged, proving the validator runs.
      const bad = sarif();
      bad['runs'][0]['results'][0]['ruleIndex'] = 999;
      writeFileSync(broken, JSON.stringify(bad));
      // SARIF2006 would fetch every URI over the network; tests stay offline.
      const config = join(dir, 'config.xml');
      writeFileSync(
        config,
        '<?xml version="1.0" encoding="utf-8"?>\n<Properties>\n  <Properties Key="SARIF2006.UrisShouldBeReachable.Options">\n' +
          '    <Property Key="RuleEnabled" Value="Disabled" Type="Driver.RuleEnabledState" />\n  </Properties>\n</Properties>\n',
      );
      const out = join(dir, 'validation.sarif');
      await promisify(execFile)(
        multitool,
        ['validate', good, broken, '--output', out, '--rule-kind', 'Sarif;Gh', '--level', 'Error;Warning;Note', '--config', config, '--log', 'ForceOverwrite'],
        { timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
      );
      const validation = JSON.parse(readFileSync(out, 'utf8')) as Json;
      const findings = (validation['runs'][0]['results'] as Json[]).map((r) => ({
        file: String(r['locations']?.[0]?.['physicalLocation']?.['artifactLocation']?.['uri'] ?? ''),
        level: String(r['level'] ?? 'warning'),
        rule: String(r['ruleId']),
      }));
      const serious = (name: string): string[] =>
        findings.filter((f) => f.file.endsWith(name) && (f.level === 'error' || f.level === 'warning')).map((f) => `${f.level} ${f.rule}`);
      assert.deepEqual(serious('good.sarif'), []);
      assert.ok(serious('broken.sarif').includes('error SARIF1009'), `broken log not flagged: ${serious('broken.sarif').join(', ')}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('sarif: streaming', () => {
  it('is produced as chunks of at most one result each, which join to the whole log', () => {
    const result = fixtureResult();
    assertOneItemPerChunk([...sarifChunks(result, fixtureContext())], formatSarif(result, fixtureContext()), 'partialFingerprints', result.findings.length);
  });
});
