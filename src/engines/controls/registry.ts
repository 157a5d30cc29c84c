import type { AnyControl } from './types.js';
import { libraryControls } from './rules/index.js';
import { platformControls } from './rules/platform/index.js';

/** Every control Rampart ships, in a stable order (by ID). */
export function allControls(): AnyControl[] {
  const all = [...libraryControls, ...platformControls];
  return all.sort((a, b) => a.meta.id.localeCompare(b.meta.id));
}

export function controlById(id: string): AnyControl | undefined {
  return allControls().find((c) => c.meta.id === id);
}
