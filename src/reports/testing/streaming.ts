import assert from 'node:assert/strict';

/**
 * A streamed report: its chunks join to the whole report, and no chunk carries more than one
 * item (counted by a key each item has once), so the report never has to be built as one string.
 */
export function assertOneItemPerChunk(chunks: readonly string[], whole: string, itemKey: string, items: number): void {
  assert.equal(chunks.join(''), whole);
  const perChunk = chunks.map((c) => c.split(`"${itemKey}":`).length - 1);
  assert.ok(perChunk.every((n) => n <= 1), `a chunk holds ${Math.max(...perChunk)} items`);
  assert.equal(perChunk.reduce((a, b) => a + b, 0), items);
}
