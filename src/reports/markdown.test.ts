import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatMarkdown, mdCell } from './markdown.js';
import { fixtureContext, fixtureResult } from './testing/fixtures.js';

/** Cells of a GFM table row: split on pipes not escaped by a backslash. */
function cells(row: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < row.length; i++) {
    const c = row[i]!;
    if (c === '\\' && i + 1 < row.length) {
      current += c + row[i + 1]!;
      i++;
    } else if (c === '|') {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts.slice(1, -1).map((p) => p.trim());
}

const md = formatMarkdown(fixtureResult(), fixtureContext());

describe('markdown report', () => {
  it('escapes table cells (table)', () => {
    const cases: [string, string][] = [
      ['a|b', 'a\\|b'],
      ['<script>', '&lt;script&gt;'],
      ['a & b', 'a &amp; b'],
      ['*bold* _it_ `code` [link](x) ~s~', '\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x) \\~s\\~'],
      ['back\\slash', 'back\\\\slash'],
      ['two\nlines', 'two lines'],
      ['esc\u001b[2J', 'esc\\\\u001b\\[2J'],
    ];
    for (const [input, expected] of cases) assert.equal(mdCell(input), expected, JSON.stringify(input));
  });

  it('keeps every table row at its header width, even with hostile names', () => {
    let header = 0;
    for (const line of md.split('\n')) {
      if (!line.startsWith('|')) {
        header = 0;
        continue;
      }
      const n = cells(line).length;
      if (header === 0) header = n;
      else assert.equal(n, header, line);
    }
    assert.ok(!md.includes('<script>'));
  });

  it('has a summary, findings grouped by severity, errors, notes and compliance', () => {
    const headings = md.split('\n').filter((l) => l.startsWith('## '));
    assert.deepEqual(headings, [
      '## Summary',
      '## Critical (3)',
      '## High (2)',
      '## Medium (1)',
      '## Low (1)',
      '## Info (1)',
      '## Suppressed (3)',
      '## Input errors (2)',
      '## Notes',
      '## CIS Kubernetes Benchmark v1.12: 33.3%',
      '## Pod Security Standards v1.30: n/a',
    ]);
    assert.ok(md.includes('| `manifests/shop/web.yaml:31:25` | Deployment/shop/web (container app) | `privileged-container` | Container "app" is privileged |'));
  });
});
