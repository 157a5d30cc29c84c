/**
 * Secure defaults from controls' fixes, as one JSON Patch, under one rule: never change a value
 * the user set. A fix is taken whole or not at all; it is taken only when each of its operations
 * adds something absent:
 *   - `add` of a missing member whose parent exists → kept;
 *   - `add` of an object onto an object that exists (e.g. a securityContext another fix or the
 *     user already created) → decomposed into adds of the missing members; a member present
 *     with a different value is a conflict;
 *   - `add` into an array (`/-` or an index), `replace` and `remove` change what the user wrote
 *     → the fix is skipped (validation still reports the problem);
 *   - `test` must hold on the current document, else the fix is skipped.
 * Fixes are applied in order to a working copy, so later fixes see earlier defaults.
 */
import type { JsonPatchOp } from '../../model/finding.js';
import { escapeToken, splitPointer } from '../../model/pointer.js';

type Json = unknown;

function isPlainObject(v: Json): v is Record<string, Json> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function deepEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as Json[];
    return a.length === bb.length && a.every((x, i) => deepEqual(x, bb[i]));
  }
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b as object, k) && deepEqual((a as Record<string, Json>)[k], (b as Record<string, Json>)[k]));
}

/** Parent container and last token of a pointer in `doc`, or undefined when the parent is missing. */
function locate(doc: Json, pointer: string): { parent: Json; last: string } | undefined {
  const tokens = splitPointer(pointer);
  const last = tokens.pop();
  if (last === undefined) return undefined;
  let parent: Json = doc;
  for (const t of tokens) {
    if (Array.isArray(parent)) parent = /^(0|[1-9][0-9]*)$/.test(t) ? parent[Number(t)] : undefined;
    else if (isPlainObject(parent)) parent = Object.hasOwn(parent, t) ? parent[t] : undefined;
    else return undefined;
    if (parent === undefined) return undefined;
  }
  return { parent, last };
}

class Conflict extends Error {}

/** Add `value` at `path` (whose parent object exists) without overwriting anything; emits ops. */
function addAbsent(parent: Record<string, Json>, key: string, path: string, value: Json, out: JsonPatchOp[]): void {
  if (!Object.hasOwn(parent, key)) {
    parent[key] = structuredClone(value);
    out.push({ op: 'add', path, value });
    return;
  }
  const current = parent[key];
  if (isPlainObject(current) && isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) addAbsent(current, k, `${path}/${escapeToken(k)}`, v, out);
    return;
  }
  if (!deepEqual(current, value)) throw new Conflict();
}

/** The operations of one fix that only add, or undefined when the fix would change user data. */
function additionsOf(work: Json, fix: readonly JsonPatchOp[]): JsonPatchOp[] | undefined {
  const out: JsonPatchOp[] = [];
  try {
    for (const op of fix) {
      const at = locate(work, op.path);
      if (!at) return undefined;
      if (op.op === 'test') {
        const cur = Array.isArray(at.parent) ? at.parent[Number(at.last)] : isPlainObject(at.parent) ? at.parent[at.last] : undefined;
        if (!deepEqual(cur, op.value)) return undefined;
        continue;
      }
      if (op.op !== 'add' || !isPlainObject(at.parent)) return undefined;
      addAbsent(at.parent, at.last, op.path, op.value, out);
    }
  } catch (e) {
    if (e instanceof Conflict) return undefined;
    throw e;
  }
  return out;
}

export interface MutationPlan {
  ops: JsonPatchOp[];
  /** Fixes taken, by index into the input. */
  applied: number[];
  /** Fixes left out because they would change a value the user set. */
  skipped: number[];
}

/** Merge fixes into one patch of pure additions, in order. The input object is not modified. */
export function planMutation(object: Json, fixes: readonly (readonly JsonPatchOp[])[]): MutationPlan {
  let doc = structuredClone(object);
  const plan: MutationPlan = { ops: [], applied: [], skipped: [] };
  fixes.forEach((fix, i) => {
    const work = structuredClone(doc);
    const ops = fix.length > 0 ? additionsOf(work, fix) : undefined;
    if (!ops) {
      plan.skipped.push(i);
      return;
    }
    doc = work;
    if (ops.length > 0) plan.applied.push(i);
    plan.ops.push(...ops);
  });
  return plan;
}
