import assert from 'node:assert/strict';
import { homedir } from 'node:os';
import { describe, it } from 'node:test';
import type { Finding } from '../model/finding.js';
import { FORMATS, formatters, isFormat } from './index.js';
import type { Format } from './index.js';
import { emptyResult, fixtureContext, fixtureResult } from './testing/fixtures.js';
import { assertGolden } from './testing/golden.js';

const EXTENSION: Record<Format, string> = {
  stylish: 'stylish.txt',
  json: 'json',
  sarif: 'sarif',
  junit: 'junit.xml',
  markdown: 'md',
  html: 'html',
};

const ISO_TIMESTAMP = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

describe('golden outputs', () => {
  for (const format of FORMATS) {
    it(`${format}: full fixture`, () => {
      assertGolden(`fixture.${EXTENSION[format]}`, formatters[format](fixtureResult(), fixtureContext()));
    });
    it(`${format}: clean run`, () => {
      assertGolden(`empty.${EXTENSION[format]}`, formatters[format](emptyResult(), fixtureContext()));
    });
  }
  it('stylish with colour', () => {
    assertGolden('fixture.color.stylish.txt', formatters.stylish(fixtureResult(), fixtureContext({ color: true })));
  });
});

describe('every format', () => {
  for (const format of FORMATS) {
    it(`${format}: is deterministic and independent of finding order`, () => {
      const a = formatters[format](fixtureResult(), fixtureContext());
      const shuffled = fixtureResult();
      shuffled.findings.reverse();
      shuffled.errors.reverse();
      assert.equal(formatters[format](shuffled, fixtureContext()), a);
    });

    it(`${format}: does not mutate its input`, () => {
      const input = fixtureResult();
      const before = JSON.stringify(input);
      formatters[format](input, fixtureContext());
      assert.equal(JSON.stringify(input), before);
    });

    it(`${format}: embeds no machine path or timestamp`, () => {
      const out = formatters[format](fixtureResult(), fixtureContext());
      assert.ok(!out.includes(process.cwd()), 'contains the working directory');
      assert.ok(!out.includes(homedir()), 'contains the home directory');
      assert.doesNotMatch(out, ISO_TIMESTAMP);
    });

    it(`${format}: prints only what findings carry (nothing else from objects)`, () => {
      const result = fixtureResult();
      // A finding object that (wrongly) carries extra data must not leak it into any report.
      const leaky = result.findings[0] as Finding & { object?: unknown };
      leaky.object = { data: { password: 'hunter2-SECRET' } };
      const out = formatters[format](result, fixtureContext());
      assert.ok(!out.includes('hunter2-SECRET'));
    });

    it(`${format}: reports every unsuppressed finding's control and message`, () => {
      const result = fixtureResult();
      const out = formatters[format](result, fixtureContext());
      for (const f of result.findings.filter((x) => !x.suppressed)) {
        assert.ok(out.includes(f.control), `${format} lacks ${f.control}`);
      }
      assert.ok(out.includes('Pod shares the host PID namespace'), `${format} lacks a message`);
    });
  }

  it('isFormat accepts exactly the six formats', () => {
    for (const f of FORMATS) assert.equal(isFormat(f), true);
    for (const f of ['', 'xml', 'JSON', 'sarif2', 'toString', 'constructor']) assert.equal(isFormat(f), false, f);
  });
});
