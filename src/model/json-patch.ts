import type { JsonPatchOp } from './finding.js';
import { splitPointer } from './pointer.js';

export class JsonPatchError extends Error {
  override readonly name = 'JsonPatchError';
}

/** Apply RFC 6902 add/replace/remove/test to a deep copy; used to verify fixes and by the webhook. */
export function applyPatch<T>(doc: T, ops: readonly JsonPatchOp[]): T {
  const root = structuredClone(doc) as unknown;
  for (const op of ops) {
    const tokens = splitPointer(op.path);
    const last = tokens.pop();
    if (last === undefined) throw new JsonPatchError(`cannot ${op.op} the document root`);
    let parent: unknown = root;
    for (const t of tokens) {
      parent = Array.isArray(parent) ? parent[Number(t)] : (parent as Record<string, unknown> | null)?.[t];
      if (parent === null || typeof parent !== 'object') throw new JsonPatchError(`path ${op.path} does not exist`);
    }
    const container = parent as Record<string, unknown> | unknown[];
    if (op.op === 'test') {
      const cur = Array.isArray(container) ? container[Number(last)] : container[last];
      if (JSON.stringify(cur) !== JSON.stringify(op.value)) throw new JsonPatchError(`test failed at ${op.path}`);
    } else if (op.op === 'remove') {
      if (Array.isArray(container)) container.splice(Number(last), 1);
      else delete container[last];
    } else if (Array.isArray(container)) {
      const idx = last === '-' ? container.length : Number(last);
      if (op.op === 'add') container.splice(idx, 0, op.value);
      else container[idx] = op.value;
    } else {
      if (op.op === 'replace' && !Object.hasOwn(container, last)) throw new JsonPatchError(`replace of missing ${op.path}`);
      container[last] = op.value;
    }
  }
  return root as T;
}
