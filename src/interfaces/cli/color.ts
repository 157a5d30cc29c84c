import type { CliIO } from './io.js';

/** Colour only on a TTY, never with NO_COLOR (https://no-color.org) or --no-color. */
export function colorEnabled(io: CliIO, noColorFlag: boolean): boolean {
  if (noColorFlag) return false;
  const noColor = io.env['NO_COLOR'];
  if (noColor !== undefined && noColor !== '') return false;
  if (io.env['FORCE_COLOR'] !== undefined && io.env['FORCE_COLOR'] !== '0') return true;
  return io.stdout.isTTY === true;
}
