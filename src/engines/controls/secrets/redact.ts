/**
 * Redaction of secret values for every output (findings, webhook messages, reports). The result
 * never contains more of a value than a public, format-defining prefix (such as `AKIA` or
 * `ghp_`), the host of a connection string, and the length: never enough to recover the secret.
 */

/** Prefixes that identify a token format and carry no secret entropy. Longest first. */
const PUBLIC_PREFIXES: readonly string[] = [
  'github_pat_', 'sk_live_', 'rk_live_', 'sk_test_', 'glpat-', 'xoxb-', 'xoxp-', 'xoxa-', 'xoxo-', 'xoxs-', 'xoxr-',
  'ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'AKIA', 'ASIA', 'ABIA', 'ACCA', 'AIza', 'eyJ',
];

const PRIVATE_KEY_HEADER = /^-----BEGIN ([A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?)-----/;
const URL_WITH_CREDENTIALS = /^([a-z][a-z0-9+.-]{0,30}):\/\/[^\s:@/]*:[^\s@/]*@([^\s/:?#@]+)/i;

function chars(n: number): string {
  return `(${n} char${n === 1 ? '' : 's'})`;
}

/** A redacted rendering of `value`: kind-defining prefix (if any) + ellipsis + length. */
export function redact(value: string): string {
  const v = value.trim();
  const key = PRIVATE_KEY_HEADER.exec(v);
  if (key) return `-----BEGIN ${key[1]}-----…${chars(v.length)}`;
  const url = URL_WITH_CREDENTIALS.exec(v);
  if (url) return `${url[1]}://…:…@${url[2]}…${chars(v.length)}`;
  for (const p of PUBLIC_PREFIXES) {
    // Only when the rest is long enough that the prefix is a format marker, not the secret itself.
    if (v.startsWith(p) && v.length >= p.length + 8) return `${p}…${chars(v.length)}`;
  }
  return `…${chars(v.length)}`;
}
