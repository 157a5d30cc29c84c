import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { writeChunks, writeChunksToFile } from './write-chunks.js';

/** A sink that accepts little at a time and drains slowly, like a pipe to a slow reader. */
function slowSink(): { stream: Writable; received: () => string; maxBuffered: () => number } {
  let text = '';
  let maxBuffered = 0;
  const stream = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _enc, done) {
      maxBuffered = Math.max(maxBuffered, stream.writableLength);
      text += chunk.toString('utf8');
      setImmediate(done);
    },
  });
  return { stream, received: () => text, maxBuffered: () => maxBuffered };
}

function* manyChunks(n: number): Generator<string> {
  for (let i = 0; i < n; i++) yield `line ${i} ${'x'.repeat(200)}\n`;
}

describe('writeChunks', () => {
  it('delivers every chunk in order and never queues more than one batch behind a slow stream', async () => {
    const sink = slowSink();
    await writeChunks(sink.stream, manyChunks(30_000));
    const expected = [...manyChunks(30_000)].join('');
    assert.equal(sink.received().length, expected.length);
    assert.equal(sink.received(), expected);
    // ~6 MB went through; backpressure keeps the queue to about one 64 KiB batch.
    assert.ok(sink.maxBuffered() < 3 * (1 << 20), `buffered ${sink.maxBuffered()} bytes`);
  });

  it('encodes multi-byte characters across batch boundaries and passes chunks larger than a batch whole', async () => {
    const sink = slowSink();
    const chunks = ['é→𝄞 '.repeat(5000), 'x'.repeat(200_000), 'ü'.repeat(70_000), '"end"\n'];
    await writeChunks(sink.stream, chunks);
    assert.equal(sink.received(), chunks.join(''));
  });

  it('writes nothing for no chunks and a single small chunk as is', async () => {
    const a = slowSink();
    await writeChunks(a.stream, []);
    assert.equal(a.received(), '');
    const b = slowSink();
    await writeChunks(b.stream, ['{}\n']);
    await new Promise((r) => setImmediate(r));
    assert.equal(b.received(), '{}\n');
  });

  it('writes a file completely before resolving, and rejects when the file cannot be opened', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rampart-write-'));
    try {
      const file = join(dir, 'report.json');
      await writeChunksToFile(file, manyChunks(10_000));
      assert.equal(readFileSync(file, 'utf8'), [...manyChunks(10_000)].join(''));
      await assert.rejects(writeChunksToFile(join(dir, 'missing', 'x.json'), ['x']), /ENOENT/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
