/**
 * Map `helm template` output back to chart templates. Helm precedes every rendered document with
 * `# Source: <chart-name>/<path inside the chart>`; the path inside the chart is joined to the
 * chart directory as the user gave it, so `rampart scan charts/web` reports
 * `charts/web/templates/deployment.yaml` (subcharts: `charts/web/charts/redis/templates/...`).
 *
 * Lines: a template's Go-template text does not map 1:1 to what it renders, so the line numbers
 * reported are those of the rendered document, counted from the line after its `# Source:`
 * comment (line 1 = first rendered line). For templates without leading conditionals that is
 * usually the template's own line.
 */
import { join } from 'node:path';
import type { DocumentSlot } from './documents.js';
import { countLines } from './lines.js';
import type { DocumentSpan } from './split.js';

const SOURCE = /^#\s*Source:\s*(\S.*?)\s*$/;

/** Template path from a `# Source:` value, relative to the chart dir as given. */
export function templatePath(chartDir: string, source: string): string {
  const inChart = source.split('/').slice(1).join('/');
  return join(chartDir, inChart).split('\\').join('/');
}

/** The `# Source:` comment heading a document (before any content), with the offset of its line. */
export function sourceComment(text: string, span: DocumentSpan): { source: string; offset: number } | undefined {
  let i = span.start;
  while (i < span.end) {
    let e = text.indexOf('\n', i);
    if (e < 0 || e > span.end) e = span.end;
    const t = text.slice(i, e).replace(/\r$/, '').trim();
    const m = SOURCE.exec(t);
    if (m) return { source: m[1] as string, offset: i };
    if (t !== '' && t !== '---' && !t.startsWith('#')) return undefined; // content started: no Source comment
    i = e + 1;
  }
  return undefined;
}

/** Slot for one rendered document, using its `# Source:` comment when present. */
export function helmSlot(text: string, span: DocumentSpan, chartDir: string): DocumentSlot {
  const found = sourceComment(text, span);
  if (!found) return { span, file: chartDir, lineShift: 0 };
  const template = templatePath(chartDir, found.source);
  return { span, file: template, template, lineShift: span.line + countLines(text, span.start, found.offset) };
}

/**
 * A document of an already rendered file (`helm template … > out.yaml`, or stdin): positions stay
 * those of the file the user gave, and `template` names the chart template it came from, as
 * written in its `# Source:` comment (e.g. `web/templates/deployment.yaml`).
 */
export function renderedSlot(text: string, span: DocumentSpan, file: string): DocumentSlot {
  const found = sourceComment(text, span);
  return found ? { span, file, lineShift: 0, template: found.source } : { span, file, lineShift: 0 };
}
