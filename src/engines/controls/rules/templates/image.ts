/**
 * Container image references, parsed as the Docker reference grammar does: the first path
 * component is a registry only if it contains `.` or `:` or is `localhost`; otherwise the image
 * is on Docker Hub (`docker.io`, with `library/` for single-component names).
 */
export interface ImageRef {
  registry: string;
  /** Repository path without registry, e.g. `library/nginx`. */
  repository: string;
  tag?: string;
  digest?: string;
}

export function parseImage(image: string): ImageRef {
  let rest = image.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const slash = rest.indexOf('/');
  const first = slash >= 0 ? rest.slice(0, slash) : '';
  let registry = 'docker.io';
  let repository = rest;
  if (slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    registry = first;
    repository = rest.slice(slash + 1);
  }
  if (registry === 'index.docker.io' || registry === 'registry-1.docker.io') registry = 'docker.io';
  if (registry === 'docker.io' && !repository.includes('/')) repository = `library/${repository}`;
  const ref: ImageRef = { registry: registry.toLowerCase(), repository };
  if (tag !== undefined) ref.tag = tag;
  if (digest !== undefined) ref.digest = digest;
  return ref;
}

/** Fully qualified name without tag or digest, e.g. `docker.io/library/nginx`. */
export function qualifiedName(ref: ImageRef): string {
  return `${ref.registry}/${ref.repository}`;
}

/** A digest reference of the form algorithm:hex, as the runtime accepts. */
export function hasValidDigest(ref: ImageRef): boolean {
  return ref.digest !== undefined && /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/.test(ref.digest);
}

/**
 * Does the image come from one of the trusted prefixes? An entry is a registry host (`ghcr.io`)
 * or a registry plus path (`ghcr.io/acme`); matches stop at path boundaries, so `ghcr.io/acme`
 * does not trust `ghcr.io/acme-evil`. Docker Hub entries may be written `docker.io/...`.
 */
export function isTrusted(ref: ImageRef, trusted: readonly string[]): boolean {
  const name = qualifiedName(ref);
  return trusted.some((raw) => {
    const entry = normalizeTrustedEntry(raw);
    if (entry === '') return false;
    return name === entry || name.startsWith(entry + '/');
  });
}

function normalizeTrustedEntry(raw: string): string {
  let e = raw.trim().replace(/\/+$/, '');
  if (e === '') return '';
  const slash = e.indexOf('/');
  const host = (slash >= 0 ? e.slice(0, slash) : e).toLowerCase();
  const path = slash >= 0 ? e.slice(slash) : '';
  const normalizedHost = host === 'index.docker.io' || host === 'registry-1.docker.io' ? 'docker.io' : host;
  e = normalizedHost + path;
  return e;
}
