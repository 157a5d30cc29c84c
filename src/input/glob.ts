/**
 * Exclusion globs (config `exclude`), gitignore-like and deliberately small:
 *   `*` any characters within one path segment, `?` one character, `**` any number of segments;
 *   a pattern without `/` matches any single path segment (`node_modules`, `*.json`);
 *   a pattern with `/` matches the path relative to the working directory, from its start;
 *   a pattern that matches a directory excludes everything below it.
 */
function segmentRegex(glob: string): string {
  let out = '';
  for (const c of glob) {
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return out;
}

export class ExcludeMatcher {
  private readonly rules: { pattern: string; re: RegExp; anySegment: boolean }[];

  constructor(patterns: readonly string[]) {
    this.rules = patterns.map((raw) => {
      const pattern = raw.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
      if (!pattern.includes('/')) return { pattern: raw, re: new RegExp(`^${segmentRegex(pattern)}$`), anySegment: true };
      const parts = pattern.replace(/^\//, '').split('/');
      let src = '';
      parts.forEach((p, i) => {
        if (p === '**') src += i === parts.length - 1 ? '(?:/.*)?' : '(?:/[^/]+)*';
        else src += (i === 0 ? '' : '/') + segmentRegex(p);
      });
      src = src.replace(/^\(\?:\/\[\^\/\]\+\)\*/, '(?:[^/]+/)*').replace(/^\(\?:\[\^\/\]\+\/\)\*\//, '(?:[^/]+/)*');
      return { pattern: raw, re: new RegExp(`^${src}(?:/.*)?$`), anySegment: false };
    });
  }

  /** The pattern excluding `relPath` (posix, relative to cwd), or undefined. */
  match(relPath: string): string | undefined {
    const path = relPath.replace(/\\/g, '/').replace(/^\.\//, '');
    const segments = path.split('/');
    for (const r of this.rules) {
      if (r.anySegment ? segments.some((s) => r.re.test(s)) : r.re.test(path)) return r.pattern;
    }
    return undefined;
  }
}
