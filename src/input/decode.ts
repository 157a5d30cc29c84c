/** Bytes -> text, refusing what is not text: binary files and invalid UTF-8 are input errors. */
import { isUtf8 } from 'node:buffer';

export type Decoded = { ok: true; text: string } | { ok: false; message: string };

/**
 * Decode a manifest file. UTF-8 (with or without BOM) is the norm; UTF-16 with a BOM is decoded
 * too (YAML 1.2 allows it). A NUL byte or invalid UTF-8 means the file is not a manifest.
 */
export function decodeManifest(buf: Uint8Array): Decoded {
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    const le = buf[0] === 0xff;
    try {
      return { ok: true, text: new TextDecoder(le ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(buf.subarray(2)) };
    } catch {
      return { ok: false, message: `not valid ${le ? 'UTF-16LE' : 'UTF-16BE'} text` };
    }
  }
  if (buf.includes(0)) return { ok: false, message: 'binary file (contains NUL bytes); expected YAML or JSON text' };
  if (!isUtf8(buf)) return { ok: false, message: 'not valid UTF-8 text; save the file as UTF-8' };
  let text = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text };
}
