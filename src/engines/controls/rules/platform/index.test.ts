import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { platformControls } from './index.js';
import { unknownMappings } from '../../../frameworks/index.js';

test('platform controls: unique kebab-case IDs, known framework IDs, a test table each', () => {
  const ids = platformControls.map((c) => c.meta.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) {
    assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(existsSync(fileURLToPath(new URL(`./${id}.test.ts`, import.meta.url))), `${id} has a test file`);
  }
  assert.deepEqual(unknownMappings(platformControls.map((c) => c.meta)), []);
  for (const c of platformControls) {
    const refs = Object.values(c.meta.frameworks).flat();
    assert.ok(refs.length > 0, `${c.meta.id} maps to at least one framework`);
  }
});
