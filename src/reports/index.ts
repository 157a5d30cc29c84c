/**
 * Report formatters: each turns a `ScanResult` into the text of one output format. Formatters
 * are pure (no I/O, no clock, no environment): the CLI decides colour, cwd and where text goes.
 */
import type { ScanResult } from '../scan/types.js';
import type { FormatContext } from './context.js';
import { formatHtml } from './html.js';
import { formatJson, jsonChunks } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatSarif, sarifChunks } from './sarif.js';
import { formatStylish } from './stylish.js';

export type Format = 'stylish' | 'json' | 'sarif' | 'junit' | 'markdown' | 'html';

export const FORMATS: readonly Format[] = ['stylish', 'json', 'sarif', 'junit', 'markdown', 'html'];

export type { FormatContext, ReportControlMeta } from './context.js';
export { HELP_URI_BASE, helpUriFor, reportControls, toReportControlMeta } from './context.js';

export type Formatter = (result: ScanResult, ctx: FormatContext) => string;

export const formatters: Record<Format, Formatter> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  junit: formatJunit,
  markdown: formatMarkdown,
  html: formatHtml,
};

/**
 * The same reports as streams of chunks, for writing: the machine formats (whose size grows with
 * the findings) never exist as one string; the human formats are one chunk.
 */
export type ChunkedFormatter = (result: ScanResult, ctx: FormatContext) => Iterable<string>;

const whole =
  (format: Formatter): ChunkedFormatter =>
  (result, ctx) => [format(result, ctx)];

export const chunkedFormatters: Record<Format, ChunkedFormatter> = {
  stylish: whole(formatStylish),
  json: jsonChunks,
  sarif: sarifChunks,
  junit: whole(formatJunit),
  markdown: whole(formatMarkdown),
  html: whole(formatHtml),
};

export function isFormat(s: string): s is Format {
  return (FORMATS as readonly string[]).includes(s);
}
