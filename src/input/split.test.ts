import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitDocuments } from './split.js';

test('splitDocuments: document spans and their first lines', () => {
  const cases: [string, [string, number][]][] = [
    ['', []],
    ['# only a comment\n', []],
    ['a: 1\n', [['a: 1\n', 1]]],
    ['a: 1\n---\nb: 2\n', [['a: 1\n', 1], ['---\nb: 2\n', 2]]],
    // comments before the first marker belong to the first document
    ['# c\n---\na: 1\n---\n', [['# c\n---\na: 1\n', 1], ['---\n', 4]]],
    // `...` ends a document; comments after it attach to the next one
    ['---\na\n...\n# x\n---\nb\n...\n', [['---\na\n...\n', 1], ['# x\n---\nb\n...\n', 4]]],
    // directives stay with the document they precede
    ['%YAML 1.2\n---\na: 1\n...\n%YAML 1.2\n---\nb', [['%YAML 1.2\n---\na: 1\n...\n', 1], ['%YAML 1.2\n---\nb', 5]]],
    // CRLF and lone CR line breaks
    ['a: 1\r\n---\r\nb: 2', [['a: 1\r\n', 1], ['---\r\nb: 2', 2]]],
    ['a: 1\r---\rb: 2', [['a: 1\r', 1], ['---\rb: 2', 2]]],
    // content on the marker line; `----` and indented `---` are not markers
    ['--- |\n  text\n----\n  ---\n', [['--- |\n  text\n----\n  ---\n', 1]]],
    ['x: ---\n--- {a: 1}\n', [['x: ---\n', 1], ['--- {a: 1}\n', 2]]],
    // `...` inside a line is text; a marker at the very end of the text counts
    ['a: wait...\nb: 1\n---', [['a: wait...\nb: 1\n', 1], ['---', 3]]],
    ['a: 1\n...', [['a: 1\n...', 1]]],
  ];
  for (const [text, expected] of cases) {
    assert.deepEqual(
      splitDocuments(text).map((s) => [text.slice(s.start, s.end), s.line]),
      expected,
      JSON.stringify(text),
    );
  }
});
