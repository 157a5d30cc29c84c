/**
 * A single self-contained HTML page: inline CSS, no fonts, images or external scripts, so it can
 * be archived as a CI artifact and opened offline. Sections: summary, framework compliance
 * tables, findings by severity (each with its remediation), findings by namespace, suppressed
 * findings, and input problems.
 *
 * Input is hostile (resource names, messages): every interpolated value goes through
 * `escapeXml`, and a Content-Security-Policy allows only the page's own style and script (by
 * hash), so even an escaping bug could not load or run anything. The page works with JavaScript
 * disabled; the optional script only adds a text filter over the findings tables.
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../model/finding.js';
import type { Severity } from '../model/types.js';
import { refKey } from '../model/types.js';
import type { ComplianceItem, FrameworkCompliance, ScanResult } from '../scan/types.js';
import {
  activeFindings,
  complianceDetail,
  compareStrings,
  displayLocation,
  errorLocation,
  FRAMEWORK_LABELS,
  FRAMEWORK_ORDER,
  formatScore,
  SEVERITY_ORDER,
  sortedErrors,
  sortedFindings,
} from './common.js';
import { controlMetaFor } from './context.js';
import type { FormatContext } from './context.js';
import { escapeXml as h } from './xml.js';

/** Namespace label for cluster-scoped resources. */
export const CLUSTER_SCOPE = '(cluster-scoped)';

const CSS = `
:root{--fg:#1d2330;--muted:#5b6475;--bg:#fff;--line:#d9dde5;--critical:#7b1fa2;--high:#c62828;--medium:#b26a00;--low:#1565c0;--info:#546e7a;--ok:#2e7d32}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg);margin:0 auto;max-width:1200px;padding:1.5rem}
h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid var(--line);padding-bottom:.3rem}h3{font-size:1.05rem}
nav a{margin-right:1rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
th,td{border:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:#f3f5f8}
code{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.cards{display:flex;flex-wrap:wrap;gap:.6rem}
.card{border:1px solid var(--line);border-radius:6px;padding:.5rem .9rem;min-width:7rem}
.card b{display:block;font-size:1.5rem}
.sev{font-weight:600;text-transform:uppercase;font-size:.75rem}
.sev-critical{color:var(--critical)}.sev-high{color:var(--high)}.sev-medium{color:var(--medium)}.sev-low{color:var(--low)}.sev-info{color:var(--info)}
.status-failed{color:var(--high);font-weight:600}.status-passed{color:var(--ok)}.status-manual,.status-not-applicable{color:var(--muted)}
.verdict-failed{color:var(--high)}.verdict-passed{color:var(--ok)}
.muted{color:var(--muted)}
.remediation{color:var(--muted)}
#filter{padding:.3rem .5rem;width:20rem;max-width:100%}
`.trim();

const SCRIPT = `
(function(){var i=document.getElementById('filter');if(!i)return;i.hidden=false;
i.addEventListener('input',function(){var q=i.value.toLowerCase();
document.querySelectorAll('tr.finding').forEach(function(r){r.hidden=q!==''&&r.textContent.toLowerCase().indexOf(q)<0;});});})();
`.trim();

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64');
}

const CSP = `default-src 'none'; style-src 'sha256-${sha256(CSS)}'; script-src 'sha256-${sha256(SCRIPT)}'; img-src 'none'; base-uri 'none'; form-action 'none'`;

export function formatHtml(result: ScanResult, ctx: FormatContext): string {
  const s = result.summary;
  const findings = sortedFindings(result.findings);
  const active = activeFindings(findings);
  // Stable anchors: position in report order.
  const anchors = new Map<Finding, string>(findings.map((f, i) => [f, `f${i + 1}`]));
  const title = `${result.tool.name} scan report`;
  const parts: string[] = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${h(CSP)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${h(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${h(title)}</h1>`,
    `<p>${h(result.tool.name)} ${h(result.tool.version)} · report schema ${h(result.schemaVersion)} · ` +
      (s.failed
        ? `<strong class="verdict-failed">Failed</strong>: findings at or above <code>${h(s.failOn)}</code>`
        : `<strong class="verdict-passed">Passed</strong> (fail-on <code>${h(s.failOn)}</code>)`) +
      '</p>',
    '<nav><a href="#summary">Summary</a><a href="#compliance">Compliance</a><a href="#by-severity">By severity</a><a href="#by-namespace">By namespace</a><a href="#suppressed">Suppressed</a><a href="#input">Input</a></nav>',
    '</header>',
    '<main>',
    ...summarySection(result),
    ...complianceSection(s.compliance),
    ...severitySection(active, anchors, ctx),
    ...namespaceSection(active, anchors),
    ...suppressedSection(findings.filter((f) => f.suppressed !== undefined)),
    ...inputSection(result),
    '</main>',
    `<footer class="muted"><p>Generated by ${h(result.tool.name)} ${h(result.tool.version)}.</p></footer>`,
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
  ];
  return `${parts.join('\n')}\n`;
}

function sev(severity: Severity): string {
  return `<span class="sev sev-${severity}">${severity}</span>`;
}

function summarySection(result: ScanResult): string[] {
  const s = result.summary;
  const k = s.suppressed.byKind;
  const cards = SEVERITY_ORDER.map((v) => `<div class="card">${sev(v)}<b>${s.findings.bySeverity[v]}</b></div>`);
  const frameworks = FRAMEWORK_ORDER.map((fw) => `<tr><th>${h(FRAMEWORK_LABELS[fw])} findings</th><td>${s.findings.byFramework[fw]}</td></tr>`);
  const accounting = (c: { total: number; scanned: number; skipped: number; failed: number }): string =>
    `${c.total} total, ${c.scanned} scanned, ${c.skipped} skipped, ${c.failed} failed`;
  return [
    '<section id="summary">',
    '<h2>Summary</h2>',
    `<div class="cards"><div class="card">total<b>${s.findings.total}</b></div>${cards.join('')}</div>`,
    '<table>',
    ...frameworks,
    `<tr><th>Suppressed</th><td>${s.suppressed.total} (annotation ${k.annotation}, exception ${k.exception}, baseline ${k.baseline})</td></tr>`,
    `<tr><th>Files</th><td>${accounting(s.files)}</td></tr>`,
    `<tr><th>Documents</th><td>${accounting(s.documents)}</td></tr>`,
    `<tr><th>Resources</th><td>${s.resources}</td></tr>`,
    `<tr><th>Input errors</th><td>${result.errors.length}</td></tr>`,
    '</table>',
    '</section>',
  ];
}

function complianceSection(compliance: readonly FrameworkCompliance[]): string[] {
  const out = ['<section id="compliance">', '<h2>Compliance</h2>'];
  if (compliance.length === 0) out.push('<p class="muted">No framework compliance was computed for this run.</p>');
  for (const fw of compliance) {
    const counts = countStatuses(fw.items);
    out.push(
      `<details open><summary><strong>${h(fw.title)} ${h(fw.version)}</strong>: score ${h(formatScore(fw.score))} ` +
        `<span class="muted">(${counts.passed} passed, ${counts.failed} failed, ${counts.manual} manual, ${counts['not-applicable']} not applicable)</span></summary>`,
      '<table>',
      '<thead><tr><th>ID</th><th>Title</th><th>Status</th><th>Findings</th><th>Controls</th><th>Notes</th></tr></thead>',
      '<tbody>',
    );
    for (const item of fw.items) {
      out.push(
        `<tr><td><code>${h(item.id)}</code></td><td>${h(item.title)}</td><td class="status-${item.status}">${h(item.status)}</td>` +
          `<td>${item.findings}</td><td>${item.controls.map((c) => `<code>${h(c)}</code>`).join(' ')}</td><td>${h(notes(item))}</td></tr>`,
      );
    }
    out.push('</tbody>', '</table>', '</details>');
  }
  out.push('</section>');
  return out;
}

function notes(item: ComplianceItem): string {
  const d = complianceDetail(item);
  const parts: string[] = [];
  if (d.reason !== undefined) parts.push(d.reason);
  if (d.automated === false && item.status !== 'manual') parts.push('the framework still expects a human review');
  return parts.join('; ');
}

function countStatuses(items: readonly ComplianceItem[]): Record<ComplianceItem['status'], number> {
  const c = { passed: 0, failed: 0, manual: 0, 'not-applicable': 0 };
  for (const i of items) c[i.status]++;
  return c;
}

function frameworksCell(f: Finding): string {
  return FRAMEWORK_ORDER.filter((fw) => f.frameworks[fw].length > 0)
    .map((fw) => `${h(FRAMEWORK_LABELS[fw])}: ${f.frameworks[fw].map((id) => `<code>${h(id)}</code>`).join(', ')}`)
    .join('<br>');
}

function resourceCell(f: Finding): string {
  const container = f.container !== undefined ? `<br><span class="muted">container</span> <code>${h(f.container)}</code>` : '';
  return `<code>${h(refKey(f.resource))}</code>${container}`;
}

function severitySection(active: readonly Finding[], anchors: ReadonlyMap<Finding, string>, ctx: FormatContext): string[] {
  const out = [
    '<section id="by-severity">',
    '<h2>Findings by severity</h2>',
    '<p><input id="filter" type="search" placeholder="Filter findings" aria-label="Filter findings" hidden></p>',
  ];
  if (active.length === 0) out.push('<p>No findings.</p>');
  for (const severity of SEVERITY_ORDER) {
    const group = active.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    out.push(
      `<h3 id="severity-${severity}">${sev(severity)} ${group.length}</h3>`,
      '<table>',
      '<thead><tr><th>Location</th><th>Resource</th><th>Control</th><th>Finding and remediation</th><th>Frameworks</th></tr></thead>',
      '<tbody>',
    );
    for (const f of group) {
      const meta = controlMetaFor(ctx, f);
      out.push(
        `<tr class="finding" id="${anchors.get(f) ?? ''}"><td><code>${h(displayLocation(f))}</code>${f.template !== undefined ? `<br><span class="muted">template</span> <code>${h(f.template)}</code>` : ''}</td>` +
          `<td>${resourceCell(f)}</td>` +
          `<td><code>${h(f.control)}</code><br><span class="muted">${h(meta.title)}</span></td>` +
          `<td>${h(f.message)}<br><span class="remediation"><strong>Fix:</strong> ${h(f.remediation)}</span><br><span class="muted">Docs: ${h(meta.helpUri)}</span></td>` +
          `<td>${frameworksCell(f)}</td></tr>`,
      );
    }
    out.push('</tbody>', '</table>');
  }
  out.push('</section>');
  return out;
}

function namespaceSection(active: readonly Finding[], anchors: ReadonlyMap<Finding, string>): string[] {
  const byNamespace = new Map<string, Finding[]>();
  for (const f of active) {
    const ns = f.resource.namespace ?? CLUSTER_SCOPE;
    const list = byNamespace.get(ns);
    if (list) list.push(f);
    else byNamespace.set(ns, [f]);
  }
  const namespaces = [...byNamespace.keys()].sort((a, b) =>
    a === CLUSTER_SCOPE ? 1 : b === CLUSTER_SCOPE ? -1 : compareStrings(a, b),
  );
  const out = ['<section id="by-namespace">', '<h2>Findings by namespace</h2>'];
  if (namespaces.length === 0) {
    out.push('<p>No findings.</p>', '</section>');
    return out;
  }
  out.push(
    '<table>',
    `<thead><tr><th>Namespace</th>${SEVERITY_ORDER.map((v) => `<th>${sev(v)}</th>`).join('')}<th>Total</th></tr></thead>`,
    '<tbody>',
  );
  for (const ns of namespaces) {
    const list = byNamespace.get(ns) ?? [];
    const cells = SEVERITY_ORDER.map((v) => `<td>${list.filter((f) => f.severity === v).length}</td>`).join('');
    out.push(`<tr><td><code>${h(ns)}</code></td>${cells}<td>${list.length}</td></tr>`);
  }
  out.push('</tbody>', '</table>');
  for (const ns of namespaces) {
    // Most severe first; report order within a severity (sort is stable).
    const list = [...(byNamespace.get(ns) ?? [])].sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity));
    out.push(`<details><summary><code>${h(ns)}</code> (${list.length})</summary>`, '<ul>');
    for (const f of list) {
      out.push(`<li>${sev(f.severity)} <a href="#${anchors.get(f) ?? ''}"><code>${h(f.control)}</code></a> <code>${h(refKey(f.resource))}</code>: ${h(f.message)}</li>`);
    }
    out.push('</ul>', '</details>');
  }
  out.push('</section>');
  return out;
}

function suppressedSection(suppressed: readonly Finding[]): string[] {
  const out = ['<section id="suppressed">', `<h2>Suppressed findings (${suppressed.length})</h2>`];
  if (suppressed.length === 0) {
    out.push('<p class="muted">None.</p>', '</section>');
    return out;
  }
  out.push('<table>', '<thead><tr><th>Location</th><th>Resource</th><th>Control</th><th>Severity</th><th>Suppressed by</th><th>Reason</th></tr></thead>', '<tbody>');
  for (const f of suppressed) {
    const by = f.suppressed ? `${f.suppressed.kind}${f.suppressed.source !== undefined ? ` (${f.suppressed.source})` : ''}` : '';
    out.push(
      `<tr><td><code>${h(displayLocation(f))}</code></td><td>${resourceCell(f)}</td><td><code>${h(f.control)}</code></td><td>${sev(f.severity)}</td>` +
        `<td>${h(by)}</td><td>${h(f.suppressed?.reason ?? '')}</td></tr>`,
    );
  }
  out.push('</tbody>', '</table>', '</section>');
  return out;
}

function inputSection(result: ScanResult): string[] {
  const s = result.summary;
  const out = ['<section id="input">', '<h2>Input</h2>'];
  if (result.errors.length > 0) {
    out.push(`<h3>Input errors (${result.errors.length})</h3>`, '<table>', '<thead><tr><th>Location</th><th>Code</th><th>Message</th></tr></thead>', '<tbody>');
    for (const e of sortedErrors(result.errors)) {
      out.push(`<tr><td><code>${h(errorLocation(e))}</code></td><td><code>${h(e.code)}</code></td><td>${h(e.message)}</td></tr>`);
    }
    out.push('</tbody>', '</table>');
  }
  const notes: string[] = [];
  for (const f of result.files) {
    if (f.status !== 'scanned') notes.push(`<li>${h(f.status)}: <code>${h(f.file)}</code>${f.reason !== undefined ? `: ${h(f.reason)}` : ''}</li>`);
    for (const d of f.skipped) notes.push(`<li>skipped document ${d.documentIndex + 1} of <code>${h(`${f.file}:${d.line}`)}</code>: ${h(d.reason)}</li>`);
  }
  for (const u of s.unusedExceptions) notes.push(`<li>unused exception <code>${h(`${u.file}#${u.index}`)}</code> (<code>${h(u.control)}</code>): ${h(u.reason)}</li>`);
  for (const e of s.expiredExceptions) notes.push(`<li>expired exception <code>${h(`${e.file}#${e.index}`)}</code> (<code>${h(e.control)}</code>) expired ${h(e.expires)}; it no longer suppresses</li>`);
  for (const g of s.coverageGaps) notes.push(`<li>not covered: ${h(g.namespace !== undefined ? `${g.kind} in ${g.namespace}` : g.kind)}: ${h(g.reason)}</li>`);
  if (notes.length > 0) out.push('<h3>Skipped input, exceptions and coverage</h3>', '<ul>', ...notes, '</ul>');
  if (result.errors.length === 0 && notes.length === 0) out.push('<p class="muted">Every file and document was read.</p>');
  out.push('</section>');
  return out;
}
