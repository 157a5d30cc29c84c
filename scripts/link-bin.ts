/**
 * `npx rampart` in a clone: npm does not link a package's own bin into its node_modules/.bin,
 * so `prepare` does it after building (and makes the entry point executable).
 */
import { chmodSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

const target = join('dist', 'interfaces', 'cli', 'main.js');
chmodSync(target, 0o755);
const binDir = join('node_modules', '.bin');
mkdirSync(binDir, { recursive: true });
const link = join(binDir, 'rampart');
rmSync(link, { force: true });
symlinkSync(join('..', '..', target), link);
