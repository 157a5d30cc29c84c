import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { formatHtml } from './html.js';
import { escapeXml } from './xml.js';
import { emptyResult, fixtureContext, fixtureResult } from './testing/fixtures.js';

const html = formatHtml(fixtureResult(), fixtureContext());

function contents(tag: string, doc: string): string[] {
  return [...doc.matchAll(new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]!);
}

describe('html report', () => {
  it('loads nothing from the network', () => {
    assert.doesNotMatch(html, /\b(?:src|href|action|formaction|srcset|poster|data|background)\s*=\s*["']?\s*(?:https?:|\/\/|ftp:)/i);
    assert.doesNotMatch(html, /<(?:link|img|iframe|object|embed|audio|video|source|base)\b/i);
    for (const css of contents('style', html)) {
      assert.doesNotMatch(css, /@import|url\s*\(/i);
    }
    for (const tag of html.matchAll(/<script\b[^>]*>/g)) assert.doesNotMatch(tag[0], /\bsrc\s*=/i);
  });

  it('allows exactly its own inline style and script through the Content-Security-Policy', () => {
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
    assert.ok(meta);
    const csp = meta[1]!.replace(/&#39;/g, "'");
    assert.match(csp, /default-src 'none'/);
    const scripts = contents('script', html);
    const styles = contents('style', html);
    assert.equal(scripts.length, 1);
    assert.equal(styles.length, 1);
    const hash = (s: string): string => createHash('sha256').update(s, 'utf8').digest('base64');
    assert.ok(csp.includes(`script-src 'sha256-${hash(scripts[0]!)}'`), 'script hash not in CSP');
    assert.ok(csp.includes(`style-src 'sha256-${hash(styles[0]!)}'`), 'style hash not in CSP');
    assert.doesNotMatch(html, /\sstyle\s*=/i, 'inline style attributes would be blocked by the CSP');
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i, 'no inline event handlers');
  });

  it('escapes hostile strings', () => {
    assert.equal((html.match(/<script/g) ?? []).length, 1, 'only the report’s own script element');
    assert.ok(!html.includes('alert(1)</script>'));
    assert.ok(html.includes('x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;|pwn'));
    assert.ok(!html.includes('\u001b'), 'control characters are made visible');
    assert.ok(html.includes('alias expansion limit exceeded in &quot;&lt;&amp;&gt;&quot;'));
    assert.ok(html.includes('Proc mount type &lt;Default|Unmasked&gt;'));
  });

  it('has compliance tables, findings by severity and by namespace, and every remediation', () => {
    for (const id of ['summary', 'compliance', 'by-severity', 'by-namespace', 'suppressed', 'input']) {
      assert.ok(html.includes(`<section id="${id}">`), id);
    }
    assert.match(html, /<td><code>5\.2\.8<\/code><\/td><td>[^<]*<\/td><td class="status-passed">passed<\/td>/);
    assert.match(html, /<td><code>5\.4\.2<\/code><\/td><td>[^<]*<\/td><td class="status-manual">manual<\/td>/);
    assert.ok(html.includes('<strong>CIS Kubernetes Benchmark v1.12</strong>: score 33.3%'));
    for (const sev of ['critical', 'high', 'medium', 'low', 'info']) assert.ok(html.includes(`<h3 id="severity-${sev}">`), sev);
    for (const ns of ['monitoring', 'shop', 'team|a', '(cluster-scoped)']) {
      assert.ok(html.includes(`<tr><td><code>${ns}</code></td>`), ns);
    }
    for (const f of fixtureResult().findings.filter((x) => !x.suppressed)) {
      assert.ok(html.includes(`<strong>Fix:</strong> ${escapeXml(f.remediation)}`), f.control);
    }
  });

  it('links namespace entries to finding rows that exist', () => {
    const targets = [...html.matchAll(/href="#(f\d+)"/g)].map((m) => m[1]!);
    assert.ok(targets.length > 0);
    for (const t of targets) assert.ok(html.includes(` id="${t}"`), t);
  });

  it('works without JavaScript: the filter box is hidden until the script shows it, and no row is hidden', () => {
    assert.match(html, /<input id="filter"[^>]* hidden>/);
    assert.doesNotMatch(html, /<tr[^>]*\shidden/);
  });

  it('renders a clean run', () => {
    const clean = formatHtml(emptyResult(), fixtureContext());
    assert.ok(clean.includes('<strong class="verdict-passed">Passed</strong>'));
    assert.ok(clean.includes('No findings.'));
    assert.ok(clean.includes('Every file and document was read.'));
  });
});
