/**
 * Serving certificate and key from files, reloaded when either changes (cert-manager and
 * Kubernetes Secret volumes swap files atomically via symlinks, so the files are polled with
 * stat, which follows links). A new pair is validated before it replaces the old one:
 * a half-written rotation (new cert, old key) keeps the old pair until the key arrives.
 * Existing connections keep their session; new handshakes get the new certificate.
 */
import { readFileSync, unwatchFile, watchFile } from 'node:fs';
import { createSecureContext } from 'node:tls';

export interface KeyPair {
  cert: Buffer;
  key: Buffer;
}

export type TlsErrorCode = 'unreadable' | 'invalid-pair';

export class TlsFilesError extends Error {
  override readonly name = 'TlsFilesError';
  constructor(
    readonly code: TlsErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Read and validate a certificate/key pair (throws TlsFilesError; never prints key material). */
export function readKeyPair(certFile: string, keyFile: string): KeyPair {
  let cert: Buffer;
  let key: Buffer;
  try {
    cert = readFileSync(certFile);
    key = readFileSync(keyFile);
  } catch (e) {
    throw new TlsFilesError('unreadable', `cannot read TLS files: ${(e as NodeJS.ErrnoException).code ?? 'error'} (${certFile}, ${keyFile})`);
  }
  try {
    createSecureContext({ cert, key });
  } catch (e) {
    // OpenSSL messages name the problem (e.g. "key values mismatch") without echoing the key.
    throw new TlsFilesError('invalid-pair', `TLS certificate and key are not a valid pair: ${(e as Error).message}`);
  }
  return { cert, key };
}

export interface CertificateWatcher {
  stop(): void;
}

/** Poll both files; call `onChange` once per change after it settles. */
export function watchKeyPair(certFile: string, keyFile: string, intervalMs: number, onChange: () => void): CertificateWatcher {
  let timer: NodeJS.Timeout | undefined;
  const listener = (cur: { mtimeMs: number; ino: number; size: number }, prev: { mtimeMs: number; ino: number; size: number }): void => {
    if (cur.mtimeMs === prev.mtimeMs && cur.ino === prev.ino && cur.size === prev.size) return;
    // Both files usually change together: debounce so they are read as a pair.
    if (timer) clearTimeout(timer);
    timer = setTimeout(onChange, Math.min(intervalMs, 200));
    timer.unref();
  };
  const opts = { interval: intervalMs, persistent: false };
  watchFile(certFile, opts, listener);
  watchFile(keyFile, opts, listener);
  return {
    stop() {
      if (timer) clearTimeout(timer);
      unwatchFile(certFile, listener);
      unwatchFile(keyFile, listener);
    },
  };
}
