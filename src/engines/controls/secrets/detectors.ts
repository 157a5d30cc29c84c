/**
 * Credential detectors for values found in the open (env literals, ConfigMaps, annotations).
 * Two families: format detectors (AWS key IDs, private keys, vendor tokens, JWTs, URLs with a
 * password), which are reliable anywhere in a text; and name-based detectors (a sensitive key
 * name such as `DB_PASSWORD` with a plausible, non-placeholder value). Structured texts (JSON,
 * `key: value` and `key=value` lines) are searched for sensitive keys inside them.
 * Results carry only a redacted form: the value never leaves this module.
 */
import { redact } from './redact.js';

export type SecretKind =
  | 'aws-access-key-id'
  | 'aws-secret-access-key'
  | 'private-key'
  | 'github-token'
  | 'gitlab-token'
  | 'slack-token'
  | 'stripe-key'
  | 'google-api-key'
  | 'jwt'
  | 'connection-string-password'
  | 'basic-auth-credentials'
  | 'password'
  | 'secret-value';

export const SECRET_KIND_LABELS: Readonly<Record<SecretKind, string>> = {
  'aws-access-key-id': 'an AWS access key ID',
  'aws-secret-access-key': 'an AWS secret access key',
  'private-key': 'a private key',
  'github-token': 'a GitHub token',
  'gitlab-token': 'a GitLab token',
  'slack-token': 'a Slack token',
  'stripe-key': 'a Stripe live key',
  'google-api-key': 'a Google API key',
  jwt: 'a JSON Web Token',
  'connection-string-password': 'a connection string with a password',
  'basic-auth-credentials': 'HTTP Basic credentials',
  password: 'a password',
  'secret-value': 'a high-entropy secret-like value',
};

export interface SecretDetection {
  kind: SecretKind;
  /** Human label, e.g. "an AWS access key ID". */
  label: string;
  /** Redacted form, safe to print. */
  redacted: string;
  /** `high` for unambiguous formats, `medium` for name-based guesses. */
  confidence: 'high' | 'medium';
  /** The key inside a structured value (e.g. `spring.datasource.password`), when found there. */
  innerKey?: string;
}

interface FormatDetector {
  kind: SecretKind;
  pattern: RegExp;
  /** Extra validation of a match (e.g. a JWT header that decodes to JSON). */
  accept?: (match: RegExpExecArray) => boolean;
  /** Which capture group is the secret part (for placeholder checks); 0 = whole match. */
  secretGroup?: number;
}

const FORMAT_DETECTORS: readonly FormatDetector[] = [
  { kind: 'private-key', pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|$)/g },
  { kind: 'aws-access-key-id', pattern: /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\b/g },
  { kind: 'github-token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\b/g },
  { kind: 'gitlab-token', pattern: /\bglpat-[A-Za-z0-9_-]{20,}\b/g },
  { kind: 'slack-token', pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/g },
  { kind: 'stripe-key', pattern: /\b[rs]k_live_[A-Za-z0-9]{20,}\b/g },
  { kind: 'google-api-key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/g },
  {
    kind: 'jwt',
    pattern: /\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{10,}/g,
    accept: (m) => jwtHeaderIsValid(m[0]),
  },
  {
    kind: 'connection-string-password',
    pattern: /\b[a-z][a-z0-9+.-]{1,30}:\/\/[^\s:@/'"]*:([^\s@/'"]+)@[^\s/:?#'"@]+/gi,
    secretGroup: 1,
  },
  { kind: 'basic-auth-credentials', pattern: /\bBasic ([A-Za-z0-9+/]{16,}={0,2})(?![A-Za-z0-9+/=])/g, secretGroup: 1 },
];

function jwtHeaderIsValid(token: string): boolean {
  const header = token.split('.')[0] ?? '';
  try {
    const parsed: unknown = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
    return parsed !== null && typeof parsed === 'object' && 'alg' in parsed;
  } catch {
    return false;
  }
}

/** Shannon entropy in bits per character. */
export function entropy(s: string): number {
  if (s.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

const PLACEHOLDER_WORDS = new Set([
  'changeme', 'change-me', 'change_me', 'password', 'passwd', 'secret', 'token', 'redacted', 'placeholder', 'example', 'dummy', 'none',
  'null', 'nil', 'undefined', 'true', 'false', 'yes', 'no', 'on', 'off', 'enabled', 'disabled', 'required', 'optional', 'todo', 'tbd',
  'fixme', 'xxx', 'test', 'default', 'empty', 'unset', 'notused', 'not-used', 'n/a', 'na',
]);

/** Values that stand for a secret rather than being one: templates, references, masks, examples. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v === '') return true;
  if (/^\$\{[^}]*\}$|^\$\([^)]*\)$|^\{\{.*\}\}$|^<[^>]*>$|^%[^%]*%$|^\$[A-Z_][A-Z0-9_]*$/.test(v)) return true;
  if (/\$\{[^}]*\}|\{\{[^}]*\}\}|\$\([A-Za-z_][A-Za-z0-9_]*\)/.test(v) && v.length < 80) return true;
  if (/^(.)\1*$/.test(v)) return true; // ****, xxxx, ....
  const lower = v.toLowerCase();
  if (PLACEHOLDER_WORDS.has(lower)) return true;
  if (/example|your[-_ ]?(password|secret|token|key)|insert[-_ ]|replace[-_ ]?me/.test(lower)) return true;
  return false;
}

/** Split a key name into lower-case words: `DB_PASSWORD`, `apiKey`, `client-secret`. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

const PASSWORD_WORDS = new Set(['password', 'passwd', 'passphrase', 'pwd', 'pass', 'pw']);
const SECRET_WORDS = new Set(['secret', 'secrets', 'token', 'tokens', 'credential', 'credentials', 'apikey', 'privatekey', 'accesskey', 'secretkey', 'authkey']);
const SECRET_PAIRS = new Set(['api key', 'access key', 'private key', 'secret key', 'auth key', 'signing key', 'encryption key', 'session key', 'master key', 'client secret', 'account key', 'shared key']);
/** Last words that make the value a reference or a setting about the secret, not the secret. */
const NON_SECRET_SUFFIXES = new Set([
  'url', 'uri', 'path', 'file', 'files', 'dir', 'directory', 'name', 'names', 'id', 'endpoint', 'enabled', 'enable', 'disabled', 'ttl',
  'length', 'timeout', 'expiry', 'expiration', 'expires', 'type', 'header', 'ref', 'env', 'location', 'mode', 'format', 'policy',
  'rotation', 'lifetime', 'duration', 'algorithm', 'alg', 'issuer', 'audience', 'size', 'count', 'max', 'min', 'required', 'prefix',
  'suffix', 'field', 'version', 'key_id', 'provider', 'store', 'secretname', 'mount', 'volume', 'namespace', 'source', 'hash', 'sha', 'digest',
  'checksum', 'seconds', 'minutes', 'hours', 'days', 'interval', 'period', 'host', 'port', 'user', 'username', 'login', 'template', 'kind',
]);

export type SensitiveClass = 'password' | 'secret' | undefined;

/** Key names repeat across objects (env names, annotation keys): remember verdicts, boundedly. */
const nameVerdicts = new Map<string, SensitiveClass>();
const NAME_CACHE_LIMIT = 50_000;

/** Is a key name one under which a credential is expected? */
export function sensitiveName(name: string): SensitiveClass {
  if (nameVerdicts.has(name)) return nameVerdicts.get(name);
  const verdict = classifyName(name);
  if (nameVerdicts.size >= NAME_CACHE_LIMIT) nameVerdicts.clear();
  nameVerdicts.set(name, verdict);
  return verdict;
}

function classifyName(name: string): SensitiveClass {
  const w = words(name);
  if (w.length === 0) return undefined;
  if (NON_SECRET_SUFFIXES.has(w[w.length - 1] as string)) return undefined;
  if (w.some((x) => PASSWORD_WORDS.has(x))) return 'password';
  if (w.some((x) => SECRET_WORDS.has(x))) return 'secret';
  for (let i = 0; i + 1 < w.length; i++) if (SECRET_PAIRS.has(`${w[i]} ${w[i + 1]}`)) return 'secret';
  return undefined;
}

function looksLikeReference(v: string): boolean {
  if (/^(\/|\.\/|\.\.\/|~\/|[A-Za-z]:\\)/.test(v)) return true; // file paths
  if (/^[a-z][a-z0-9+.-]*:\/\/[^@\s]*$/i.test(v)) return true; // URLs without credentials
  if (/^(arn|projects|vault|secretsmanager|ssm|azurekeyvault|gcp-secret|awssm):/i.test(v)) return true; // secret manager references
  if (/\.(pem|key|crt|cer|p12|pfx|json|ya?ml|txt|jks|keystore)$/i.test(v)) return true;
  return false;
}

/** Judge a single value under a sensitive name. */
function detectByName(name: string, value: string): SecretDetection | undefined {
  const cls = sensitiveName(name);
  if (!cls) return undefined;
  const v = value.trim();
  if (v.includes('\n') || isPlaceholder(v) || looksLikeReference(v)) return undefined;
  const w = words(name);
  if (w.includes('aws') || (w.includes('secret') && w.includes('access'))) {
    if (/^[A-Za-z0-9/+=]{40}$/.test(v)) return make('aws-secret-access-key', v, 'high');
  }
  if (cls === 'password') {
    if (v.length < 4 || /\s/.test(v)) return undefined;
    return make('password', v, 'medium');
  }
  // Tokens, keys, secrets: require length and randomness, so `token: bearer` or `secret: disabled` pass.
  if (v.length < 8 || /\s/.test(v) || /^\d+$/.test(v) || entropy(v) < 3) return undefined;
  return make('secret-value', v, 'medium');
}

function make(kind: SecretKind, secret: string, confidence: 'high' | 'medium', innerKey?: string): SecretDetection {
  const d: SecretDetection = { kind, label: SECRET_KIND_LABELS[kind], redacted: redact(secret), confidence };
  if (innerKey !== undefined) d.innerKey = innerKey;
  return d;
}

/** Cheap pre-check: every format detector needs one of these markers (most values have none). */
const FORMAT_MARKERS = /-----BEGIN|A(?:KIA|SIA|BIA|CCA|Iza)|gh[pousr]_|github_pat_|glpat-|xox[abposr]-|k_live_|eyJ|:\/\/|Basic /;

function detectFormats(text: string): SecretDetection[] {
  const out: SecretDetection[] = [];
  if (!FORMAT_MARKERS.test(text)) return out;
  for (const d of FORMAT_DETECTORS) {
    d.pattern.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = d.pattern.exec(text)) !== null) {
      if (m[0].length === 0) {
        d.pattern.lastIndex++;
        continue;
      }
      const secretPart = m[d.secretGroup ?? 0] ?? m[0];
      if (isPlaceholder(secretPart) || /EXAMPLE/.test(m[0])) continue;
      if (d.accept && !d.accept(m)) continue;
      out.push(make(d.kind, m[0], 'high'));
    }
  }
  return out;
}

/** `key: value`, `key = value`, `"key": "value"` lines of a config file. */
const KEY_VALUE_LINE = /^\s*(?:export\s+)?["']?([A-Za-z_][\w.\-[\]]*)["']?\s*[:=]\s*(?:"([^"]*)"|'([^']*)'|([^\s#;,]+))/;

function structuredPairs(text: string): [string, string][] {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      const pairs: [string, string][] = [];
      const walk = (v: unknown, key: string): void => {
        if (typeof v === 'string') pairs.push([key, v]);
        else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
        else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
      };
      walk(JSON.parse(trimmed), '');
      return pairs;
    } catch {
      /* not JSON: fall through to line parsing */
    }
  }
  const pairs: [string, string][] = [];
  for (const line of text.split(/\r?\n/)) {
    const m = KEY_VALUE_LINE.exec(line);
    if (!m) continue;
    const value = m[2] ?? m[3] ?? m[4] ?? '';
    pairs.push([m[1] as string, value]);
  }
  return pairs;
}

/**
 * Every credential found in `value`, stored under `name` (an env var, ConfigMap key or
 * annotation key). Strongest first, without duplicates.
 */
export function detectSecrets(value: string, name?: string): SecretDetection[] {
  const found: SecretDetection[] = detectFormats(value);
  // A format hit already explains the value; a name-based guess on top would only repeat it.
  if (name !== undefined && found.length === 0) {
    const byName = detectByName(name, value);
    if (byName) found.push(byName);
  }
  if (value.includes('\n') || /^\s*[{[]/.test(value)) {
    for (const [k, v] of structuredPairs(value)) {
      if (k === '' || detectFormats(v).length > 0) continue;
      const d = detectByName(k, v);
      if (d) found.push({ ...d, innerKey: k });
    }
  }
  const seen = new Set<string>();
  const unique = found.filter((d) => {
    const id = `${d.kind}\u0000${d.redacted}\u0000${d.innerKey ?? ''}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  // A format hit already explains a name-based one on the same value; keep high confidence first.
  return unique.sort((a, b) => (a.confidence === b.confidence ? 0 : a.confidence === 'high' ? -1 : 1));
}

/** One line describing the detections, e.g. `an AWS access key ID (AKIA…(20 chars))`. */
export function describeDetections(ds: readonly SecretDetection[]): string {
  const first = ds[0];
  if (!first) return '';
  const where = first.innerKey !== undefined ? ` under "${first.innerKey}"` : '';
  const more = ds.length > 1 ? ` and ${ds.length - 1} more` : '';
  return `${first.label}${where} (${first.redacted})${more}`;
}
