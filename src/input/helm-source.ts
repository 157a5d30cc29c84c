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

/** Slot for one rendered document, using its `# Source:` comment when present. */
export function helmSlot(text: string, span: DocumentSpan, chartDir: string): DocumentSlot {
  let i = span.start;
  while (i < span.end) {
    let e = text.indexOf('\n', i);
    if (e < 0 || e > span.end) e = span.end;
    const line = text.slice(i, e).replace(/\r$/, '');
    const m = SOURCE.exec(line.trim());
    if (m) {
      const template = templatePath(chartDir, m[1] as string);
      return { span, file: template, template, lineShift: span.line + countLines(text, span.start, i) };
    }
    const t = line.trim();
    if (t !== '' && t !== '---' && !t.startsWith('#')) break; // content started: no Source comment
    i = e + 1;
  }
  return { span, file: chartDir, lineShift: 0 };
}
