import type { AnyControl } from '../../types.js';

/** Control plane, node, encryption, audit, admission-config and deprecated-API controls. */
export const platformControls: AnyControl[] = [];
