import type { AnyControl } from '../types.js';
import privilegedContainer from './workload/privileged-container.js';

/** The workload, secrets, exposure and single-object RBAC controls. One file per control. */
export const libraryControls: AnyControl[] = [privilegedContainer];
