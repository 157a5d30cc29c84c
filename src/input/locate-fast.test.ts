/**
 * The fast line-scanner locator must give exactly the js-yaml event locator's answer whenever it
 * answers: checked differentially on every pointer (existing and missing) of a generated corpus,
 * the example manifests, the YAML fixtures of the input tests and targeted shapes; plus a coverage
 * floor so an always-bailing scanner fails.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { generateCorpus } from '../../bench/corpus.js';
import { joinPointer } from '../model/pointer.js';
import { locateFast } from './locate-fast.js';
import { locateYaml } from './locate-yaml.js';
import { KUBERNETES_YAML_SCHEMA } from './schema.js';
import { splitDocuments } from './split.js';

/** Every pointer of a value (collections included), plus missing ones below each node. */
function pointers(v: unknown, pointer: string, out: string[]): void {
  out.push(pointer);
  if (Array.isArray(v)) {
    v.forEach((c, i) => pointers(c, joinPointer(pointer, i), out));
    out.push(joinPointer(pointer, v.length), joinPointer(pointer, 'x'));
  } else if (v !== null && typeof v === 'object') {
    for (const [k, c] of Object.entries(v)) pointers(c, joinPointer(pointer, k), out);
    out.push(joinPointer(pointer, 'missing~field'), joinPointer(pointer, 'missing', 'deeper'));
  } else out.push(joinPointer(pointer, 'x'), joinPointer(pointer, '0'));
}

interface Tally {
  pointers: number;
  answered: number;
}

/** Compare both locators on every pointer of every document of `text`. */
function compare(text: string, label: string, tally: Tally = { pointers: 0, answered: 0 }): Tally {
  for (const span of splitDocuments(text)) {
    const doc = text.slice(span.start, span.end);
    let value: unknown;
    try {
      value = load(doc, { schema: KUBERNETES_YAML_SCHEMA });
    } catch {
      continue; // only documents that load are ever located
    }
    const list: string[] = [];
    pointers(value, '', list);
    const exactOwner = {};
    const fastOwner = {};
    for (const p of list) {
      const exact = locateYaml(exactOwner, () => doc, p);
      const fast = locateFast(fastOwner, text, span.start, span.end, p);
      tally.pointers++;
      if (fast === undefined) continue;
      tally.answered++;
      const want = exact && { start: exact.start + span.start, end: exact.end + span.start };
      assert.deepEqual(fast, want, `${label} @${span.line} ${JSON.stringify(p)}: fast ${JSON.stringify(fast && text.slice(fast.start, fast.end))} vs exact ${JSON.stringify(want && text.slice(want.start, want.end))}`);
    }
  }
  return tally;
}

/** Repository root, so the test does not depend on the working directory. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yamlFiles(p, out);
    else if (/\.(ya?ml|json)$/.test(name)) out.push(p);
  }
  return out;
}

test('locate-fast: equals the exact locator on every pointer of a generated corpus, and answers most', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'rampart-fast-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  generateCorpus(dir, { resources: 400, seed: 11 });
  const tally: Tally = { pointers: 0, answered: 0 };
  for (const f of yamlFiles(dir)) if (!f.endsWith('.json')) compare(readFileSync(f, 'utf8'), f, tally);
  console.log(`corpus: fast path answered ${tally.answered} of ${tally.pointers} pointers`);
  assert.ok(tally.pointers > 10_000, `compared ${tally.pointers} pointers`);
  assert.ok(tally.answered / tally.pointers > 0.95, `fast path answered ${tally.answered} of ${tally.pointers}`);
});

test('locate-fast: equals the exact locator on every example manifest', () => {
  const tally: Tally = { pointers: 0, answered: 0 };
  for (const f of yamlFiles(join(ROOT, 'examples'))) compare(readFileSync(f, 'utf8'), f, tally);
  console.log(`examples: fast path answered ${tally.answered} of ${tally.pointers} pointers`);
  assert.ok(tally.pointers > 500, `compared ${tally.pointers} pointers`);
  assert.ok(tally.answered > 0);
});

/** String literals of a test file that look like YAML (template literals without `${`, and quoted strings with `\n`). */
function fixturesOf(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/`((?:[^`\\$]|\\.|\$(?!\{))*)`/g)) if ((m[1] ?? '').includes(':')) out.push((m[1] as string).replace(/\\`/g, '`').replace(/\\\\/g, '\\'));
  for (const m of source.matchAll(/'((?:[^'\\\n]|\\.)*\\n(?:[^'\\\n]|\\.)*)'/g)) {
    try {
      out.push(JSON.parse(`"${(m[1] as string).replace(/\\'/g, "'").replace(/"/g, '\\"')}"`) as string);
    } catch {
      // not a plain string literal
    }
  }
  return out;
}

test('locate-fast: equals the exact locator on the YAML fixtures of the input tests', () => {
  let n = 0;
  const tally: Tally = { pointers: 0, answered: 0 };
  for (const name of readdirSync(join(ROOT, 'src/input')).filter((f) => f.endsWith('.test.ts')).sort()) {
    for (const text of fixturesOf(readFileSync(join(ROOT, 'src/input', name), 'utf8'))) {
      compare(text, name, tally);
      n++;
    }
  }
  console.log(`fixtures: ${n} texts, fast path answered ${tally.answered} of ${tally.pointers} pointers`);
  assert.ok(n > 20, `${n} fixtures`);
  assert.ok(tally.answered > 100, `answered ${tally.answered}`);
});

const BASE = 'apiVersion: v1\nkind: Pod\n';

/** Documents the scanner supports: it must answer, and equal the exact locator. */
const SUPPORTED: [name: string, text: string, pointer: string, expected: string][] = [
  ['plain scalar', `${BASE}spec:\n  hostNetwork: true\n`, '/spec/hostNetwork', 'true'],
  ['trailing comment', `${BASE}spec:\n  a: b c # note\n`, '/spec/a', 'b c'],
  ['double-quoted', `${BASE}spec:\n  image: "nginx:1 # x"  # c\n`, '/spec/image', '"nginx:1 # x"'],
  ['single-quoted with escape', `${BASE}spec:\n  s: 'it''s'\n`, '/spec/s', "'it''s'"],
  ['quoted keys', `${BASE}spec:\n  "a/b": 1\n  'c''d': 2\n`, "/spec/c'd", '2'],
  ['plain key resolution', `${BASE}data:\n  yes: 1\n  0644: 2\n`, '/data/420', '2'],
  ['indentless sequence', `${BASE}spec:\n  containers:\n  - name: a\n    image: b\n  volumes:\n  - x\n`, '/spec/containers/0/image', 'b'],
  ['indented sequence', `${BASE}spec:\n  containers:\n    - name: a\n    - name: b\n      image: c\n`, '/spec/containers/1', 'name: b\n      image: c'],
  ['sequence span', `${BASE}spec:\n  args:\n    - a\n    - "b" # c\n  x: 1\n`, '/spec/args', '- a\n    - "b"'],
  ['mapping span', `${BASE}spec:\n  sc:\n    a: 1\n    b:\n      c: d\n\n# end\n`, '/spec/sc', 'a: 1\n    b:\n      c: d'],
  ['dash then nested mapping', `${BASE}items:\n  -\n    name: a\n`, '/items/0/name', 'a'],
  ['literal block scalar', `${BASE}data:\n  f: |\n    one\n\n    two\n  g: x\n`, '/data/f', '|\n    one\n\n    two'],
  ['folded strip block scalar', `${BASE}data:\n  f: >-\n    one\n    two\n`, '/data/f', '>-\n    one\n    two'],
  ['block scalar item', `${BASE}args:\n  - |\n    x\n`, '/args/0', '|\n    x'],
  ['empty value is the key', `${BASE}spec:\n  env:\n  x: 1\n`, '/spec/env', 'env'],
  ['empty value, deeper pointer', `${BASE}spec:\n  env:\n`, '/spec/env/0/name', 'env'],
  ['explicit null is a value', `${BASE}spec:\n  a: ~\n`, '/spec/a', '~'],
  ['missing field: parent from its key', `${BASE}spec:\n  sc:\n    a: 1\n`, '/spec/sc/b', 'sc:\n    a: 1'],
  ['missing index', `${BASE}spec:\n  c:\n  - a\n`, '/spec/c/3', 'c:\n  - a'],
  ['pointer through a scalar', `${BASE}spec:\n  a: 1\n`, '/spec/a/b', 'a: 1'],
  ['pointer into a block scalar', `${BASE}data:\n  f: |\n    x\n`, '/data/f/0', 'f: |\n    x'],
  ['missing top-level field', `# c\n---\n${BASE}spec:\n  a: 1\n`, '/status', `${BASE}spec:\n  a: 1`],
  ['flow collections as values', `${BASE}spec:\n  sel: { app: x, n: [1, [2]] }  # c\n  args: []\n`, '/spec', 'sel: { app: x, n: [1, [2]] }  # c\n  args: []'],
  ['flow collections holding quotes', `${BASE}spec:\n  drop: ["ALL", 'a]', {k: "}"}]\n`, '/spec/drop', `["ALL", 'a]', {k: "}"}]`],
  ['flow collection item', `${BASE}spec:\n  - {a: b}\n  - [c]\n`, '/spec/1', '[c]'],
  ['missing field beside a flow collection', `${BASE}spec:\n  sel: {a: b}\n`, '/spec/x', 'spec:\n  sel: {a: b}'],
  ['comment on the marker line', `--- # ok\n${BASE}x: 1\n`, '/x', '1'],
  ['CRLF', 'apiVersion: v1\r\nkind: Pod\r\nspec:\r\n  a: "b"\r\n', '/spec/a', '"b"'],
];

test('locate-fast: supported shapes are answered, exactly as the exact locator does', () => {
  for (const [name, text, pointer, expected] of SUPPORTED) {
    const span = splitDocuments(text)[0];
    assert.ok(span, name);
    const fast = locateFast({}, text, span.start, span.end, pointer);
    const exact = locateYaml({}, () => text.slice(span.start, span.end), pointer);
    assert.ok(exact, name);
    assert.deepEqual(fast, { start: exact.start + span.start, end: exact.end + span.start }, name);
    assert.equal(text.slice(fast.start, fast.end), expected, name);
  }
});

/** Documents (or lookups) the scanner must leave to the exact locator. */
const BAIL: [name: string, text: string, pointer: string][] = [
  ['flow mapping value', `${BASE}metadata: {name: x}\n`, '/metadata/name'],
  ['pointer into a flow sequence', `${BASE}spec:\n  args: [a, b]\n`, '/spec/args/0'],
  ['missing field under a flow mapping', `${BASE}spec:\n  sel: {a: b}\n`, '/spec/sel/c'],
  ['flow collection with a quote inside a plain scalar', `${BASE}spec:\n  args: [it's]\n`, '/spec'],
  ['flow collection holding a comment', `${BASE}spec:\n  args: [a, # c\n    b]\n`, '/spec'],
  ['multi-line flow collection', `${BASE}spec:\n  args: [a,\n    b]\n`, '/spec'],
  ['anchor', `${BASE}spec: &s\n  a: 1\n`, '/spec/a'],
  ['alias', `${BASE}a: &x 1\nb: *x\n`, '/b'],
  ['tag', `${BASE}spec:\n  a: !!str 1\n`, '/spec/a'],
  ['complex key', `${BASE}? a\n: b\n`, '/a'],
  ['merge key', `${BASE}base:\n  a: 1\nspec:\n  <<: {a: 2}\n`, '/spec/a'],
  ['tab separator', `${BASE}spec:\n  a:\tb\n`, '/spec/a'],
  ['multi-line plain scalar', `${BASE}spec:\n  a: one\n    two\n`, '/spec/a'],
  ['multi-line quoted scalar', `${BASE}spec:\n  a: "one\n    b: two"\n`, '/spec/b'],
  ['directive', `%YAML 1.1\n---\n${BASE}`, '/kind'],
  ['tag on the marker line', `--- !!map\n${BASE}x: 1\n`, '/x'],
  ['document end marker', `${BASE}x: 1\n...\n`, '/x'],
  ['lone CR', 'apiVersion: v1\rkind: Pod\r', '/kind'],
  ['BOM', '\ufeffapiVersion: v1\nkind: Pod\n', '/kind'],
  ['block scalar with indentation indicator', `${BASE}data:\n  f: |2\n     x\n`, '/data/f'],
  ['keep-chomping block scalar', `${BASE}data:\n  f: |+\n    x\n\n`, '/data/f'],
  ['block scalar with whitespace-only line', `${BASE}data:\n  f: |\n    x\n   \n    y\n`, '/data/f'],
  ['block scalar with leading empty line', `${BASE}data:\n  f: |\n\n    x\n`, '/data/f'],
  ['nested compact sequence', `${BASE}a:\n- - x\n`, '/a/0/0'],
  ['null sequence item', `${BASE}a:\n- \n- x\n`, '/a/0'],
  // found by the random test: a sequence of null items spans its first dash, which shows in every ancestor
  ['collection ending in a null item', `${BASE}a:\n- # c\n`, ''],
  ['root sequence', '- a\n- b\n', '/0'],
  ['space before colon', `${BASE}spec :\n  a: 1\n`, '/spec/a'],
  ['escaped double-quoted key', `${BASE}"a\\u0062": 1\n`, '/ab'],
];

test('locate-fast: leaves everything not plainly block-style to the exact locator', () => {
  for (const [name, text, pointer] of BAIL) {
    const span = splitDocuments(text)[0];
    assert.ok(span, name);
    assert.equal(locateFast({}, text, span.start, span.end, pointer), undefined, name);
    // and the exact locator does answer these (the fallback is not a dead end; a null item has no span of its own)
    if (name !== 'lone CR' && name !== 'BOM' && name !== 'null sequence item') assert.ok(locateYaml({}, () => text.slice(span.start, span.end), pointer), `${name}: exact answers`);
  }
});

test('locate-fast: duplicate keys are left to the exact locator', () => {
  const text = `${BASE}spec:\n  a: 1\n  a: 2\n`;
  assert.equal(locateFast({}, text, 0, text.length, '/spec/a'), undefined);
  // a different key of the same mapping is still answered
  assert.deepEqual(locateFast({}, text, 0, text.length, '/kind'), { start: 21, end: 24 });
});

/** mulberry32: deterministic random shapes. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random block-style documents mixing every shape the scanner handles with ones it must refuse. */
function randomDocument(r: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const keys = ['a', 'b', 'name', 'yes', '0644', 'a.b/c', '"q k"', "'it''s'", 'x#y', '~', '1.5', 'on', '"a:b"', 'k-1', 'a:b', '-k', 'a b', 'a:', '"e\\"s"', '<<', '? c'];
  const scalars = ['v', 'a b', '-1', '~', 'x#y', '"d q"', "'s q'", 'http://x:1/y', '{a: 1, b: [2]}', '[]', '[a, {b: c}]', 'null', '""', '&a v', '!!str 1', '"a # b"', 'a: b', '-', ':x', 'x:', "'a''b'", '"\\"q"', '"a\\\\"', 'a  #b', '#x', '*a', '{ }', '[a]]', '"unterminated', '> x', '|', '["a", "b]"]', "{ k: 'v''}' }", '[a"b]', "[it's]", '["x", {y: "z,]"}]', '[ "a" , ]', '{a: "b"} # c', '["a"]x', '[a]]'];
  const comment = (): string => (r() < 0.2 ? ` # ${pick(['c', 'x: y', '- z', '"'])}` : '');
  const lines: string[] = [];
  const noise = (indent: number): void => {
    if (r() < 0.08) lines.push('');
    if (r() < 0.08) lines.push(`${' '.repeat(Math.floor(r() * (indent + 4)))}# note`);
  };
  const block = (indent: number): void => {
    const header = pick(['|', '|-', '>', '>-', '|+', '|2']);
    lines[lines.length - 1] += ` ${header}${comment()}`;
    const inner = indent + pick([1, 2, 4]);
    const n = 1 + Math.floor(r() * 3);
    for (let i = 0; i < n; i++) {
      lines.push(' '.repeat(inner + (r() < 0.2 ? 2 : 0)) + pick(['text', '# not a comment', 'key: v', '- x', 'trailing  ']));
      if (r() < 0.15) lines.push(r() < 0.5 ? '' : ' '.repeat(inner + 1));
    }
  };
  const value = (indent: number, depth: number, allowIndentless: boolean): void => {
    const roll = r();
    if (depth > 3 || roll < 0.45) lines[lines.length - 1] += ` ${pick(scalars)}${comment()}`;
    else if (roll < 0.55) lines[lines.length - 1] += comment(); // empty: null
    else if (roll < 0.62) block(indent);
    else if (roll < 0.82) mapping(indent + pick([2, 4]), depth + 1);
    else sequence(allowIndentless && r() < 0.5 ? indent : indent + 2, depth + 1);
    noise(indent);
  };
  const mapping = (indent: number, depth: number, first?: string): void => {
    const own = [...keys].sort(() => r() - 0.5).slice(0, 1 + Math.floor(r() * 4));
    own.forEach((k, i) => {
      if (i === 0 && first !== undefined) lines[lines.length - 1] = `${first}${k}:`;
      else lines.push(`${' '.repeat(indent)}${k}:`);
      value(indent, depth, true);
    });
  };
  const sequence = (indent: number, depth: number): void => {
    const n = 1 + Math.floor(r() * 3);
    for (let i = 0; i < n; i++) {
      const roll = r();
      const dash = `${' '.repeat(indent)}-`;
      if (roll < 0.35 || depth > 3) lines.push(`${dash} ${pick(scalars)}${comment()}`);
      else if (roll < 0.75) {
        lines.push('');
        mapping(indent + 2, depth + 1, `${dash} `);
      } else if (roll < 0.85) {
        lines.push(dash);
        block(indent);
      } else {
        lines.push(dash + comment());
        mapping(indent + 2, depth + 1);
      }
      noise(indent);
    }
  };
  lines.push('apiVersion: v1', 'kind: Pod');
  mapping(0, 0);
  const text = lines.join('\n') + '\n';
  return r() < 0.15 ? text.replace(/\n/g, '\r\n') : text;
}

test('locate-fast: equals the exact locator on random block-style documents', () => {
  const r = rng(20261123);
  const tally: Tally = { pointers: 0, answered: 0 };
  for (let i = 0; i < 1500; i++) compare(randomDocument(r), `random #${i}`, tally);
  console.log(`random: fast path answered ${tally.answered} of ${tally.pointers} pointers`);
  assert.ok(tally.answered > 2000, `answered ${tally.answered}`);
});
