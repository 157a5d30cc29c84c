import type { Finding, InputError } from '../model/finding.js';
import type { Resource } from '../model/types.js';
import { refKey, resourceRef } from '../model/types.js';
import { podTemplateOf } from '../model/workloads.js';
import type { ExceptionRule } from '../config/exceptions.js';
import { exceptionMatches, isExpired } from '../config/exceptions.js';

export const IGNORE_ANNOTATION = 'rampart.dev/ignore';
/** Per-container form: `rampart.dev/ignore.<container-name>`. */
export const IGNORE_CONTAINER_PREFIX = 'rampart.dev/ignore.';

interface IgnoreEntry {
  controls: Set<string>;
  reason: string;
  container?: string;
}

/** Parse `"<control>[,<control>]: <reason>"`; a reason is required. */
export function parseIgnore(value: string): { controls: string[]; reason: string } | { error: string } {
  const idx = value.indexOf(':');
  if (idx < 0) return { error: 'expected "<control>[,<control>]: <reason>"' };
  const controls = value.slice(0, idx).split(',').map((s) => s.trim()).filter(Boolean);
  const reason = value.slice(idx + 1).trim();
  if (controls.length === 0) return { error: 'no control named before ":"' };
  if (reason === '') return { error: 'a reason is required after ":"' };
  return { controls, reason };
}

function collect(resource: Resource, known: ReadonlySet<string>, errors: InputError[]): IgnoreEntry[] {
  const out: IgnoreEntry[] = [];
  const sources: { annotations: Record<string, unknown>; path: string }[] = [];
  const meta = resource.object.metadata?.annotations;
  if (meta && typeof meta === 'object') sources.push({ annotations: meta, path: '/metadata/annotations' });
  const view = podTemplateOf(resource.object);
  if (view && resource.object.kind !== 'Pod') sources.push({ annotations: view.annotations, path: `${view.metadataPath}/annotations` });
  for (const { annotations, path } of sources) {
    for (const [key, value] of Object.entries(annotations)) {
      if (key !== IGNORE_ANNOTATION && !key.startsWith(IGNORE_CONTAINER_PREFIX)) continue;
      const at = resource.source.locate(`${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
      const fail = (message: string): void => {
        errors.push({ file: at?.file ?? refKey(resourceRef(resource.object)), line: at?.line ?? 0, column: at?.column ?? 0, message: `annotation ${key}: ${message}`, code: 'config' });
      };
      if (typeof value !== 'string') {
        fail('must be a string');
        continue;
      }
      const parsed = parseIgnore(value);
      if ('error' in parsed) {
        fail(parsed.error);
        continue;
      }
      const unknown = parsed.controls.filter((c) => !known.has(c));
      if (unknown.length > 0) fail(`unknown control ${unknown.map((u) => `"${u}"`).join(', ')}`);
      const entry: IgnoreEntry = { controls: new Set(parsed.controls), reason: parsed.reason };
      if (key !== IGNORE_ANNOTATION) entry.container = key.slice(IGNORE_CONTAINER_PREFIX.length);
      out.push(entry);
    }
  }
  return out;
}

export interface SuppressionInput {
  findings: Finding[];
  /** Findings by resource, to read each resource's annotations once. */
  resourceOf: (f: Finding) => Resource | undefined;
  knownControls: ReadonlySet<string>;
  exceptions: readonly ExceptionRule[];
  baseline?: ReadonlySet<string>;
  today: string;
}

export interface SuppressionOutcome {
  unused: ExceptionRule[];
  expired: ExceptionRule[];
}

/** Mark suppressed findings in place (annotation, then exception, then baseline). Nothing is dropped. */
export function applySuppressions(input: SuppressionInput): SuppressionOutcome {
  const cache = new Map<Resource, IgnoreEntry[]>();
  const active = input.exceptions.filter((e) => !isExpired(e, input.today));
  const expired = input.exceptions.filter((e) => isExpired(e, input.today));
  const used = new Set<ExceptionRule>();
  for (const f of input.findings) {
    const resource = input.resourceOf(f);
    if (resource) {
      let entries = cache.get(resource);
      // Malformed annotations are reported once by validateAnnotations, not here.
      if (!entries) cache.set(resource, (entries = collect(resource, input.knownControls, [])));
      const hit = entries.find((e) => e.controls.has(f.control) && (e.container === undefined || e.container === f.container));
      if (hit) {
        f.suppressed = { kind: 'annotation', reason: hit.reason };
        continue;
      }
    }
    const rule = active.find((r) => exceptionMatches(r, f));
    if (rule) {
      used.add(rule);
      f.suppressed = { kind: 'exception', reason: rule.reason, source: `${rule.file}:${rule.line}` };
      continue;
    }
    if (input.baseline?.has(f.fingerprint)) f.suppressed = { kind: 'baseline', reason: 'present in baseline' };
  }
  return { unused: active.filter((r) => !used.has(r)), expired };
}

/** Validate ignore annotations on every resource, including those without findings. */
export function validateAnnotations(resources: readonly Resource[], known: ReadonlySet<string>): InputError[] {
  const errors: InputError[] = [];
  for (const r of resources) collect(r, known, errors);
  return errors;
}
