import type { Inventory } from '../../model/inventory.js';
import type { FrameworkRefs, JsonPatchOp } from '../../model/finding.js';
import type { JsonPointer, K8sObject, Resource, Severity } from '../../model/types.js';

/** A parameter a control accepts from `rampart.yaml`, validated before the run. */
export type ParamSpec =
  | { type: 'string'; description: string; default: string }
  | { type: 'number'; description: string; default: number }
  | { type: 'boolean'; description: string; default: boolean }
  | { type: 'string[]'; description: string; default: string[] };

export type ParamValues<S extends Record<string, ParamSpec>> = {
  [K in keyof S]: S[K]['default'];
};

/** Metadata lives beside the logic, as in ESLint rules; docs are generated from it. */
export interface ControlMeta<S extends Record<string, ParamSpec> = Record<string, ParamSpec>> {
  /** Stable kebab-case ID; never reused. */
  id: string;
  title: string;
  severity: Severity;
  /** Kinds the control inspects; `*` for every kind. */
  kinds: readonly string[];
  /** Framework mappings; IDs are checked against the catalogs in `engines/frameworks`. */
  frameworks: Partial<FrameworkRefs>;
  /** Why it matters, in a sentence or two. */
  rationale: string;
  /** What to change. */
  remediation: string;
  params?: S;
  /** Off by default (opt-in via config). */
  disabledByDefault?: boolean;
}

export interface Report {
  /** What is wrong, specifically (name the container, the value). Never include secret values. */
  message: string;
  /** Pointer to the offending value, or the nearest existing parent. */
  path: JsonPointer;
  container?: string;
  fix?: JsonPatchOp[];
  /** Override the control's severity for this finding (e.g. a sensitive hostPath is critical). */
  severity?: Severity;
  /** Narrow the control's framework mappings for this finding (e.g. the one PSS check that failed). */
  frameworks?: Partial<FrameworkRefs>;
}

export interface CheckContext<P> {
  resource: Resource;
  object: K8sObject;
  inventory: Inventory;
  params: P;
  report(finding: Report): void;
}

export interface Control<S extends Record<string, ParamSpec> = Record<string, ParamSpec>> {
  meta: ControlMeta<S>;
  check(ctx: CheckContext<ParamValues<S>>): void;
}

/** Identity helper that keeps parameter types precise, as `createRule` does in typescript-eslint. */
export function defineControl<S extends Record<string, ParamSpec> = Record<string, never>>(control: Control<S>): Control<S> {
  return control;
}

/** A control of any parameter shape, as held by registries. */
export type AnyControl = Control<Record<string, ParamSpec>>;
