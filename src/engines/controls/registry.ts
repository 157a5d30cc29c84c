import type { AnyControl } from './types.js';
import { libraryControls } from './rules/index.js';
import { platformControls } from './rules/platform/index.js';
import { pssControls } from '../pss/controls.js';
import { netpolControls } from '../netpol/controls.js';
import { rbacControls } from '../rbac/controls.js';

/** Every control Rampart ships, in a stable order (by ID). */
let cached: AnyControl[] | undefined;

export function allControls(): AnyControl[] {
  cached ??= [...libraryControls, ...platformControls, ...pssControls, ...netpolControls, ...rbacControls].sort((a, b) => a.meta.id.localeCompare(b.meta.id));
  return [...cached];
}

export function controlById(id: string): AnyControl | undefined {
  return allControls().find((c) => c.meta.id === id);
}
