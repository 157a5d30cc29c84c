/**
 * The admission decision: AdmissionReview request (+ its Namespace, when known) → response.
 * Pure and synchronous: no I/O, so it is unit-testable and fast (microseconds per pod).
 *
 * Validation runs the same controls as `rampart scan` on the request's object and answers as the
 * API server expects: `allowed: false` with status 403 naming each enforced control and what to
 * change; `warnings` for warn; `auditAnnotations` for audit. Mutation (opt-in per control) turns
 * the controls' fixes into a JSON Patch of pure additions (see mutate.ts).
 */
import type { JsonPatchOp } from '../../model/finding.js';
import { Inventory } from '../../model/inventory.js';
import type { K8sObject, Resource, Severity } from '../../model/types.js';
import type { ResolvedControl } from '../controls/runner.js';
import type { Report } from '../controls/types.js';
import type { LabelOverride } from './actions.js';
import { ENFORCE_LABEL, actionFor, defaultAction, labelOverride } from './actions.js';
import type { AdmissionConfig } from './config.js';
import { exemption } from './exemptions.js';
import { planMutation } from './mutate.js';
import type { Action, AdmissionRequest, AdmissionResponse, ControlOutcome, Decision, SkipReason } from './types.js';

/** Subresources whose object is the whole parent evaluated by controls (as Pod Security does). */
const EVALUATED_SUBRESOURCES = new Set(['pods/ephemeralcontainers']);
const MAX_WARNINGS = 20;
/** The API server may truncate longer warnings; keep them whole and printable. */
const MAX_WARNING_CHARS = 256;
const MAX_FINDINGS_PER_CONTROL_IN_MESSAGE = 5;
const MAX_MESSAGE_CHARS = 8192;

interface Prepared {
  rc: ResolvedControl;
  /** Action set in `admission.controls`; otherwise each finding's severity decides. */
  explicit: Action | undefined;
  mutate: boolean;
}

export interface AdmissionEngineOptions {
  /** The scan's controls, resolved against rampart.yaml (`selectControls`). */
  controls: readonly ResolvedControl[];
  config: AdmissionConfig;
}

function oneLine(s: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  const flat = s.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

function sourceless(object: K8sObject): Resource {
  return { object, source: { documentIndex: 0, locate: () => undefined } };
}

/**
 * What admission needs of a finding. Lighter than the scan's Finding: no fingerprint hash, no
 * source location, no framework lists — those serve reports, and a webhook pays per request.
 */
interface Hit {
  control: string;
  severity: Severity;
  message: string;
  path: string;
  container?: string;
  fix?: JsonPatchOp[];
  remediation: string;
}

function findingKey(f: Hit): string {
  return `${f.control}\u0000${f.path}\u0000${f.container ?? ''}`;
}

function describe(req: AdmissionRequest, obj: K8sObject): string {
  const name = obj.metadata?.name ?? req.name ?? obj.metadata?.generateName ?? '<unnamed>';
  const ns = req.namespace ?? obj.metadata?.namespace;
  return ns && obj.kind !== 'Namespace' ? `${obj.kind} ${ns}/${name}` : `${obj.kind} ${name}`;
}

export class AdmissionEngine {
  readonly config: AdmissionConfig;
  private readonly byKind = new Map<string, Prepared[]>();
  private readonly anyKind: Prepared[] = [];
  /** Kind → every control that applies, merged once (requests never allocate this). */
  private readonly merged = new Map<string, Prepared[]>();
  private readonly explicit = new Map<string, Action | undefined>();

  constructor(opts: AdmissionEngineOptions) {
    this.config = opts.config;
    for (const rc of opts.controls) {
      const id = rc.control.meta.id;
      const settings = opts.config.controls[id];
      const prepared: Prepared = { rc, explicit: settings?.action, mutate: settings?.mutate === true };
      this.explicit.set(id, settings?.action);
      // A control that is off everywhere and never mutates costs nothing per request.
      const base = prepared.explicit ?? defaultAction(id, rc.severity, opts.config);
      const onSomewhere = base !== 'off' || prepared.mutate || Object.values(opts.config.namespaces).some((ns) => ns.controls[id] !== undefined && ns.controls[id] !== 'off');
      if (!onSomewhere) continue;
      for (const kind of rc.control.meta.kinds) {
        if (kind === '*') this.anyKind.push(prepared);
        else {
          let list = this.byKind.get(kind);
          if (!list) this.byKind.set(kind, (list = []));
          list.push(prepared);
        }
      }
    }
  }

  /** The action of every control this engine runs, at the control's own severity (startup log, docs). */
  actions(): Record<string, { action: Action; mutate: boolean }> {
    const out: Record<string, { action: Action; mutate: boolean }> = {};
    for (const p of [...this.anyKind, ...[...this.byKind.values()].flat()]) {
      const id = p.rc.control.meta.id;
      out[id] = { action: p.explicit ?? defaultAction(id, p.rc.severity, this.config), mutate: p.mutate };
    }
    return out;
  }

  /** Why this request needs no evaluation, or undefined. Shared by validate and mutate. */
  private skipReason(req: AdmissionRequest, namespace: string | undefined): SkipReason | undefined {
    if (req.operation === 'DELETE') return 'delete';
    if (req.operation === 'CONNECT') return 'connect';
    if (req.subResource) {
      if (!EVALUATED_SUBRESOURCES.has(`${req.resource.resource}/${req.subResource}`)) return 'subresource';
    }
    if (!req.object) return 'no-object';
    const ex = exemption(namespace, req.userInfo, this.config);
    if (ex) return ex;
    // Finalizer removal and status updates of an object on its way out must never be blocked.
    if (req.operation === 'UPDATE' && req.object.metadata?.deletionTimestamp != null) return 'being-deleted';
    return undefined;
  }

  private objectOf(req: AdmissionRequest, which: 'object' | 'oldObject'): K8sObject | undefined {
    const o = req[which];
    if (!o) return undefined;
    // The API server sends typed objects; fill identity defensively so controls can rely on it.
    let obj = o;
    if (typeof obj.kind !== 'string' || typeof obj.apiVersion !== 'string') {
      const gv = req.kind.group ? `${req.kind.group}/${req.kind.version}` : req.kind.version;
      obj = { ...obj, kind: typeof obj.kind === 'string' ? obj.kind : req.kind.kind, apiVersion: typeof obj.apiVersion === 'string' ? obj.apiVersion : gv };
    }
    if (req.namespace && obj.kind !== 'Namespace' && obj.metadata?.namespace === undefined) {
      obj = { ...obj, metadata: { ...(obj.metadata ?? {}), namespace: req.namespace } };
    }
    return obj;
  }

  /**
   * Run controls on one object, as the scan's runner does (same check contexts and params), minus
   * what only reports need. A control that throws fails closed: it becomes a finding of that
   * control, so its action applies; the error text is not echoed (it may quote the object).
   */
  private run(object: K8sObject, namespaceObject: K8sObject | undefined, controls: readonly Prepared[]): Hit[] {
    const resource = sourceless(object);
    const inventory = new Inventory(namespaceObject && namespaceObject !== object ? [resource, sourceless(namespaceObject)] : [resource]);
    const hits: Hit[] = [];
    // One reporter per object, not per control: closures cost per request.
    let rc: ResolvedControl | undefined;
    const report = (r: Report): void => {
      const c = rc as ResolvedControl;
      const hit: Hit = { control: c.control.meta.id, severity: r.severity ?? c.severity, message: r.message, path: r.path, remediation: c.control.meta.remediation };
      if (r.container !== undefined) hit.container = r.container;
      if (r.fix) hit.fix = r.fix;
      hits.push(hit);
    };
    const ctx = { resource, object, inventory, params: {} as ResolvedControl['params'], report };
    for (const p of controls) {
      rc = p.rc;
      ctx.params = rc.params;
      try {
        rc.control.check(ctx);
      } catch {
        hits.push({ control: rc.control.meta.id, severity: rc.severity, message: 'the control could not evaluate this object (malformed or unexpected field values)', path: '', remediation: 'Check that the object is well-formed; run `rampart scan` on it for details.' });
      }
    }
    return hits;
  }

  private applicable(kind: string): Prepared[] {
    let merged = this.merged.get(kind);
    if (merged) return merged;
    const list = this.byKind.get(kind);
    merged = !list ? this.anyKind : this.anyKind.length ? [...list, ...this.anyKind] : list;
    if (this.merged.size < 1024) this.merged.set(kind, merged); // kinds come from requests: bound the map
    return merged;
  }

  private namespaceOf(req: AdmissionRequest): string | undefined {
    return req.namespace || req.object?.metadata?.namespace || (req.object?.kind === 'Namespace' ? req.object.metadata?.name : undefined);
  }

  private labelsFor(object: K8sObject, namespaceObject: K8sObject | undefined): LabelOverride {
    const labels = object.kind === 'Namespace' ? object.metadata?.labels : namespaceObject?.metadata?.labels;
    return labelOverride(labels, this.config);
  }

  /** POST /validate. `namespaceObject` is the request's Namespace when known (for labels). */
  validate(req: AdmissionRequest, namespaceObject?: K8sObject): Decision {
    const namespace = this.namespaceOf(req);
    const skip = this.skipReason(req, namespace);
    const object = skip ? undefined : this.objectOf(req, 'object');
    if (skip || !object) return { response: { uid: req.uid, allowed: true }, outcome: 'skipped', controls: [], skipped: skip ?? 'no-object' };

    const label = this.labelsFor(object, namespaceObject);
    const findings = this.run(object, namespaceObject, this.applicable(object.kind));
    // Ratchet on UPDATE: a violation the old object already had is never enforced (warned
    // instead), so unrelated updates (scale, labels, finalizers) of existing objects go through.
    let preexisting: Set<string> | undefined;
    const old = req.operation === 'UPDATE' && findings.length > 0 ? this.objectOf(req, 'oldObject') : undefined;
    if (old) preexisting = new Set(this.run(old, namespaceObject, this.applicable(old.kind)).map(findingKey));

    const explicit = this.explicit;
    // Group by control and final action; each finding's action comes from its own severity unless
    // the control's action is configured.
    const groups = new Map<string, { control: string; action: Action; findings: Hit[]; fresh: number }>();
    for (const f of findings) {
      const base = explicit.get(f.control) ?? defaultAction(f.control, f.severity, this.config);
      let action = actionFor(f.control, base, namespace, this.config, label);
      const isOld = preexisting?.has(findingKey(f)) === true;
      if (isOld && action === 'enforce') action = 'warn';
      if (action === 'off') continue;
      const key = `${f.control}\u0000${action}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { control: f.control, action, findings: [], fresh: 0 }));
      g.findings.push(f);
      if (!isOld) g.fresh++;
    }

    const denials: string[] = [];
    const warnings: string[] = [];
    const audit: Record<string, string> = {};
    const outcomes: ControlOutcome[] = [];
    if (label.invalid !== undefined) {
      warnings.push(oneLine(`rampart: namespace label ${ENFORCE_LABEL}="${label.invalid}" is not one of enforce, warn, audit; ignored`, MAX_WARNING_CHARS));
    }
    for (const { control: id, action, findings: list, fresh } of groups.values()) {
      outcomes.push({ control: id, action, findings: list.length, ...(fresh === 0 ? { preexisting: true } : {}) });
      if (action === 'enforce') {
        const remediation = list[0]?.remediation ?? '';
        const shown = list.slice(0, MAX_FINDINGS_PER_CONTROL_IN_MESSAGE).map((f) => f.message);
        if (list.length > shown.length) shown.push(`and ${list.length - shown.length} more`);
        denials.push(`[${id}] ${shown.join('; ')}${remediation ? ` (fix: ${remediation})` : ''}`);
      } else if (action === 'warn') {
        for (const f of list) {
          const old = preexisting?.has(findingKey(f)) === true;
          warnings.push(oneLine(`rampart [${id}]${old ? ' (already present)' : ''}: ${f.message}`, MAX_WARNING_CHARS));
        }
      } else {
        const prior = audit[id];
        audit[id] = oneLine((prior ? prior + '; ' : '') + list.map((f) => f.message).join('; '), 1024);
      }
    }

    const response: AdmissionResponse = { uid: req.uid, allowed: denials.length === 0 };
    if (denials.length > 0) {
      const head = `Rampart denied ${describe(req, object)}: ${denials.length} control${denials.length === 1 ? '' : 's'} violated: `;
      response.status = { code: 403, reason: 'Forbidden', message: oneLine(head + denials.join(' | '), MAX_MESSAGE_CHARS) };
    }
    if (warnings.length > 0) {
      const shown = warnings.slice(0, MAX_WARNINGS);
      if (warnings.length > shown.length) shown.push(`rampart: ${warnings.length - shown.length} more warnings not shown`);
      response.warnings = shown;
    }
    if (Object.keys(audit).length > 0) response.auditAnnotations = audit;
    const outcome = !response.allowed ? 'denied' : warnings.length > 0 ? 'warned' : 'allowed';
    return { response, outcome, controls: outcomes };
  }

  /** POST /mutate: always allowed; a JSON Patch of secure defaults from opt-in controls' fixes. */
  mutate(req: AdmissionRequest, namespaceObject?: K8sObject): Decision {
    const namespace = this.namespaceOf(req);
    let skip = this.skipReason(req, namespace);
    // Subresource updates and pod updates cannot take new defaults (pod specs are immutable).
    if (!skip && req.subResource) skip = 'subresource';
    const object = skip ? undefined : this.objectOf(req, 'object');
    const allowed: Decision = { response: { uid: req.uid, allowed: true }, outcome: 'skipped', controls: [], ...(skip ? { skipped: skip } : {}) };
    if (!object || (req.operation === 'UPDATE' && object.kind === 'Pod')) return allowed;
    const label = this.labelsFor(object, namespaceObject);
    const mutating = this.applicable(object.kind).filter((p) => p.mutate && actionFor(p.rc.control.meta.id, 'enforce', namespace, this.config, label) !== 'off');
    if (mutating.length === 0) return { ...allowed, outcome: 'allowed' };
    const findings = this.run(object, namespaceObject, mutating);
    const fixes: JsonPatchOp[][] = [];
    const owners: string[] = [];
    for (const f of findings) {
      if (!f.fix) continue;
      fixes.push(f.fix);
      owners.push(f.control);
    }
    const plan = planMutation(req.object, fixes);
    const counts = new Map<string, number>();
    for (const i of plan.applied) counts.set(owners[i] as string, (counts.get(owners[i] as string) ?? 0) + 1);
    const controls: ControlOutcome[] = [...counts].map(([control, n]) => ({ control, action: 'mutate' as const, findings: n }));
    if (plan.ops.length === 0) return { response: { uid: req.uid, allowed: true }, outcome: 'allowed', controls };
    return {
      response: { uid: req.uid, allowed: true, patchType: 'JSONPatch', patch: Buffer.from(JSON.stringify(plan.ops)).toString('base64') },
      outcome: 'mutated',
      controls,
      patchOps: plan.ops.length,
    };
  }
}
