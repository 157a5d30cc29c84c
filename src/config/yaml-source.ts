import { LineCounter, parseDocument, isMap, isSeq, isScalar, isPair } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import { ConfigError } from './errors.js';

/** A parsed config-like YAML file that can say which line any path is on. */
export interface YamlSource {
  file: string;
  value: unknown;
  /** Line and column of a path (keys and indices), or of the nearest existing parent. */
  position(path: readonly (string | number)[]): { line: number; column: number };
  error(path: readonly (string | number)[], message: string): ConfigError;
}

export function parseYamlSource(text: string, file: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter, prettyErrors: false });
  const first = doc.errors[0];
  if (first) {
    const p = lineCounter.linePos(first.pos[0]);
    throw new ConfigError(first.message.split('\n')[0] ?? 'invalid YAML', file, p.line, p.col);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    throw new ConfigError((e as Error).message, file, 1, 1);
  }
  const position = (path: readonly (string | number)[]): { line: number; column: number } => {
    let node: unknown = doc.contents;
    let offset = (doc.contents as YamlNode | null)?.range?.[0] ?? 0;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((it) => isPair(it) && isScalar(it.key) && String(it.key.value) === String(key));
        if (!pair) break;
        offset = (pair.key as YamlNode).range?.[0] ?? offset;
        node = pair.value;
        if (node && (node as YamlNode).range && typeof key === 'number') offset = (node as YamlNode).range![0];
      } else if (isSeq(node)) {
        const item = node.items[Number(key)] as YamlNode | undefined;
        if (!item) break;
        offset = item.range?.[0] ?? offset;
        node = item;
      } else break;
    }
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  return {
    file,
    value,
    position,
    error(path, message) {
      const p = position(path);
      return new ConfigError(message, file, p.line, p.column);
    },
  };
}
