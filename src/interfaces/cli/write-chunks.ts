import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

const BATCH = 1 << 16;

/**
 * Writes a report's chunks in 64 KiB batches (small enough to die young in V8's nursery) and
 * waits for `drain` when the stream asks to, so a report of hundreds of MB streams through a
 * bounded buffer instead of piling up in memory.
 */
export async function writeChunks(stream: NodeJS.WritableStream, chunks: Iterable<string>): Promise<void> {
  // Chunks are encoded straight into a byte buffer: cheaper than joining strings and re-encoding.
  let buf = Buffer.allocUnsafe(BATCH);
  let used = 0;
  const flush = async (): Promise<void> => {
    if (used === 0) return;
    const full = buf.subarray(0, used);
    buf = Buffer.allocUnsafe(BATCH);
    used = 0;
    if (!stream.write(full)) await once(stream, 'drain');
  };
  for (const chunk of chunks) {
    // UTF-8 needs at most 3 bytes per UTF-16 code unit.
    if (used + chunk.length * 3 > BATCH) await flush();
    if (chunk.length * 3 > BATCH) {
      if (!stream.write(Buffer.from(chunk, 'utf8'))) await once(stream, 'drain');
    } else used += buf.write(chunk, used, 'utf8');
  }
  await flush();
}

/** Writes the chunks to a file, resolving once the file is complete (rejecting on any error). */
export async function writeChunksToFile(file: string, chunks: Iterable<string>): Promise<void> {
  const stream = createWriteStream(file);
  await once(stream, 'open');
  await writeChunks(stream, chunks);
  stream.end();
  await once(stream, 'finish');
}
