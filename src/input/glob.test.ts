import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ExcludeMatcher } from './glob.js';

test('ExcludeMatcher: gitignore-like patterns', () => {
  const m = new ExcludeMatcher(['vendor', '*.json', 'charts/**/tests', '**/secret*.yaml', 'a/b/*.yml', 'x/**', './y/']);
  const cases: [string, string | undefined][] = [
    ['vendor/a.yaml', 'vendor'],
    ['src/vendor/x.yml', 'vendor'],
    ['vendors/x.yml', undefined],
    ['a.json', '*.json'],
    ['deep/dir/a.json', '*.json'],
    ['charts/web/tests/t.yaml', 'charts/**/tests'],
    ['charts/tests/t.yaml', 'charts/**/tests'],
    ['other/charts/tests/t.yaml', undefined],
    ['k/secret-1.yaml', '**/secret*.yaml'],
    ['secret.yaml', '**/secret*.yaml'],
    ['a/b/c.yml', 'a/b/*.yml'],
    ['a/b/c/d.yml', undefined],
    ['x/y/z.yaml', 'x/**'],
    ['y/z.yaml', './y/'],
    ['z.yaml', undefined],
  ];
  for (const [path, expected] of cases) assert.equal(m.match(path), expected, path);
});
