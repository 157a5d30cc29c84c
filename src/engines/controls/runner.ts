import { hash } from 'node:crypto';
import type { Finding, FrameworkRefs } from '../../model/finding.js';
import type { Inventory } from '../../model/inventory.js';
import type { Resource, ResourceRef, Severity } from '../../model/types.js';
import { resourceRef } from '../../model/types.js';
import type { CheckContext, Control, ParamSpec, ParamValues, Report } from './types.js';

/** A control ready to run: parameters resolved and validated, severity possibly overridden by config. */
export interface ResolvedControl {
  control: Control<Record<string, ParamSpec>>;
  params: ParamValues<Record<string, ParamSpec>>;
  severity: Severity;
  /** Set when the user's config overrides the severity: it then wins over per-finding severities. */
  severityOverride?: Severity;
}

export function defaultParams(control: Control<Record<string, ParamSpec>>): ParamValues<Record<string, ParamSpec>> {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(control.meta.params ?? {})) out[name] = spec.default;
  return out as ParamValues<Record<string, ParamSpec>>;
}

export function resolve(control: Control<Record<string, ParamSpec>>): ResolvedControl {
  return { control, params: defaultParams(control), severity: control.meta.severity };
}

/** Mappings without an override are shared by every finding of a control (reports never mutate them). */
const sharedFrameworks = new WeakMap<Control<Record<string, ParamSpec>>, FrameworkRefs>();

/** Controls that report from a fixed set of override objects (one per PSS check, say) share those too. */
const sharedOverrides = new WeakMap<Partial<FrameworkRefs>, WeakMap<Control<Record<string, ParamSpec>>, FrameworkRefs>>();

function frameworksOf(control: Control<Record<string, ParamSpec>>, override: Partial<FrameworkRefs> | undefined): FrameworkRefs {
  if (!override) {
    let shared = sharedFrameworks.get(control);
    if (!shared) sharedFrameworks.set(control, (shared = buildFrameworks(control, undefined)));
    return shared;
  }
  let byControl = sharedOverrides.get(override);
  if (!byControl) sharedOverrides.set(override, (byControl = new WeakMap()));
  let refs = byControl.get(control);
  if (!refs) byControl.set(control, (refs = buildFrameworks(control, override)));
  return refs;
}

function buildFrameworks(control: Control<Record<string, ParamSpec>>, override: Partial<FrameworkRefs> | undefined): FrameworkRefs {
  const base = control.meta.frameworks;
  const pick = (k: keyof FrameworkRefs): string[] => [...(override?.[k] ?? base[k] ?? [])];
  return { cis: pick('cis'), nsa: pick('nsa'), pss: pick('pss'), mitre: pick('mitre') };
}

/**
 * Fingerprint from control, resource identity, container and path: stable across runs, file moves
 * and line moves; never from line numbers or message text.
 */
export function fingerprint(control: string, r: Resource, path: string, container: string | undefined): string {
  const o = r.object;
  const group = o.apiVersion.includes('/') ? o.apiVersion.split('/')[0] : '';
  const identity = [control, group, o.kind, o.metadata?.namespace ?? '', o.metadata?.name ?? o.metadata?.generateName ?? '', container ?? '', path].join('\u0000');
  return hash('sha256', identity, 'hex').slice(0, 32);
}

function ownedRef(resource: Resource): ResourceRef {
  const ref = resourceRef(resource.object);
  refOwners.set(ref, resource);
  return ref;
}

/** Kinds → controls index, so each resource only meets the controls that apply to it. */
function indexByKind(controls: readonly ResolvedControl[]): { byKind: Map<string, ResolvedControl[]>; any: ResolvedControl[] } {
  const byKind = new Map<string, ResolvedControl[]>();
  const any: ResolvedControl[] = [];
  for (const rc of controls) {
    for (const kind of rc.control.meta.kinds) {
      if (kind === '*') any.push(rc);
      else {
        let list = byKind.get(kind);
        if (!list) byKind.set(kind, (list = []));
        list.push(rc);
      }
    }
  }
  return { byKind, any };
}

/** The resource each shared reference object was made for (so a finding leads back to its object). */
const refOwners = new WeakMap<ResourceRef, Resource>();

/** The resource a finding produced by `runControls` is about. */
export function resourceOfRef(ref: ResourceRef): Resource | undefined {
  return refOwners.get(ref);
}

export interface ControlFailure {
  control: string;
  resource: Resource;
  error: Error;
}

/**
 * Run controls over every resource. A control that throws on hostile input is reported as a
 * failure for that resource and the run goes on: nothing crashes, nothing is lost.
 */
export function runControls(
  resources: readonly Resource[],
  inventory: Inventory,
  controls: readonly ResolvedControl[],
  onFailure: (f: ControlFailure) => void = () => {},
): Finding[] {
  const findings: Finding[] = [];
  const { byKind, any } = indexByKind(controls);
  // One report function for the whole run: the pair being checked is held in `current`, so the
  // inner loop allocates nothing per (resource, control) pair.
  let resource: Resource = resources[0]!;
  let rc: ResolvedControl = controls[0]!;
  // One reference object per resource, shared by its findings.
  let ref: ResourceRef | undefined;
  const report = (rep: Report): void => {
    // Messages and pointers are built by concatenation; reading a character makes V8 flatten
    // them, so a finding keeps one string instead of a tree of fragments (half the memory).
    rep.message.charCodeAt(0);
    rep.path.charCodeAt(0);
    const finding: Finding = {
      control: rc.control.meta.id,
      severity: rc.severityOverride ?? rep.severity ?? rc.severity,
      message: rep.message,
      resource: (ref ??= ownedRef(resource)),
      path: rep.path,
      frameworks: frameworksOf(rc.control, rep.frameworks),
      remediation: rc.control.meta.remediation,
      fingerprint: fingerprint(rc.control.meta.id, resource, rep.path, rep.container),
    };
    if (rep.container !== undefined) finding.container = rep.container;
    const location = resource.source.locate(rep.path);
    if (location) finding.location = location;
    if (resource.source.template !== undefined) finding.template = resource.source.template;
    if (rep.fix) finding.fix = rep.fix;
    findings.push(finding);
  };
  const ctx: CheckContext<ResolvedControl['params']> = { resource, object: resource?.object, inventory, params: rc?.params, report };
  for (resource of resources) {
    const applicable = byKind.get(resource.object.kind);
    const list = applicable ? (any.length ? [...applicable, ...any] : applicable) : any;
    ctx.resource = resource;
    ctx.object = resource.object;
    ref = undefined;
    for (rc of list) {
      ctx.params = rc.params;
      try {
        rc.control.check(ctx);
      } catch (error) {
        onFailure({ control: rc.control.meta.id, resource, error: error as Error });
      }
    }
  }
  return findings;
}
