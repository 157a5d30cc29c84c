/**
 * Bounded alias expansion (billion-laughs guard). js-yaml builds aliases as shared references,
 * which is cheap to parse but explodes for anything that later walks the object (controls,
 * reports). So before constructing a document that uses aliases, count the nodes its aliases
 * would add when fully expanded, over the flat event stream, and refuse above the limit.
 */
import { EVENT_ID } from 'js-yaml';
import type { Event } from 'js-yaml';

export interface AliasOverrun {
  /** Offset of the alias that crossed the limit. */
  offset: number;
  added: number;
}

/** First alias at which expansion exceeds `limit` added nodes, or undefined when within it. */
export function checkAliasExpansion(events: readonly Event[], src: string, limit: number): AliasOverrun | undefined {
  const sizes = new Map<string, number>();
  const frames: { nodes: number; anchor: string | undefined }[] = [{ nodes: 0, anchor: undefined }];
  let added = 0;
  for (const e of events) {
    const top = frames[frames.length - 1] as { nodes: number };
    switch (e.type) {
      case EVENT_ID.DOCUMENT:
        // Anchors and the budget are per document.
        sizes.clear();
        added = 0;
        break;
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE:
        frames.push({ nodes: 1, anchor: e.anchorStart >= 0 ? src.slice(e.anchorStart, e.anchorEnd) : undefined });
        break;
      case EVENT_ID.SCALAR:
        top.nodes++;
        if (e.anchorStart >= 0) sizes.set(src.slice(e.anchorStart, e.anchorEnd), 1);
        break;
      case EVENT_ID.ALIAS: {
        const size = sizes.get(src.slice(e.anchorStart, e.anchorEnd)) ?? 1;
        top.nodes += size;
        added += size;
        if (added > limit) return { offset: e.anchorStart - 1, added };
        break;
      }
      case EVENT_ID.POP:
        if (frames.length > 1) {
          const f = frames.pop() as { nodes: number; anchor: string | undefined };
          if (f.anchor !== undefined) sizes.set(f.anchor, f.nodes);
          (frames[frames.length - 1] as { nodes: number }).nodes += f.nodes;
        }
        break;
      default:
        break;
    }
  }
  return undefined;
}
