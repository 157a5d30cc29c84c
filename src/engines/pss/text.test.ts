import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { goQuote, joinQuote, pluralize, sortedSet } from './text.js';

describe('message helpers', () => {
  const quotes: [string, string][] = [
    ['unconfined', '"unconfined"'],
    ['a"b\\c', '"a\\"b\\\\c"'],
    ['tab\there\nnl', '"tab\\there\\nnl"'],
    ['\u0000\u001b\u007f', '"\\x00\\x1b\\x7f"'],
    ['\u0085\u2028', '"\\u0085\\u2028"'],
    ['héllo ✓', '"héllo ✓"'],
  ];
  for (const [input, out] of quotes) test(`goQuote(${JSON.stringify(input)}) is Go's %q`, () => assert.equal(goQuote(input), out));
  test('joinQuote', () => {
    assert.equal(joinQuote([]), '');
    assert.equal(joinQuote(['a']), '"a"');
    assert.equal(joinQuote(['a', 'b"c']), '"a", "b"c"');
  });
  test('pluralize', () => {
    assert.equal(pluralize('container', 'containers', 1), 'container');
    assert.equal(pluralize('container', 'containers', 0), 'containers');
    assert.equal(pluralize('container', 'containers', 2), 'containers');
  });
  test('sortedSet de-duplicates and sorts by code unit (uppercase before lowercase, "10" before "9")', () => {
    assert.deepEqual(sortedSet(['b', 'a', 'B', 'a']), ['B', 'a', 'b']);
    assert.deepEqual(sortedSet(['9', '10', '8080']), ['10', '8080', '9']);
  });
});
