import type { JsonPointer } from '../../../model/types.js';
import type { PodView } from '../pod.js';
import { joinQuote, pluralize } from '../text.js';

/** A failed check: upstream's ForbiddenReason/ForbiddenDetail plus where it happened. */
export interface Failure {
  reason: string;
  detail: string;
  paths: JsonPointer[];
}

/** One revision of a check. Returns undefined when the pod is allowed. */
export type CheckFn = (pod: PodView) => Failure | undefined;

/** `pod`, `container "a"`, `containers "a", "b"` joined with " and ": upstream's "bad setters" phrase. */
export function settersPhrase(podIsBad: boolean, containers: readonly string[], extra?: string): string[] {
  const setters: string[] = [];
  if (podIsBad) setters.push('pod');
  if (containers.length > 0) setters.push(containersPhrase(containers));
  if (extra !== undefined) setters.push(extra);
  return setters;
}

/** `container "a"` / `containers "a", "b"`. */
export function containersPhrase(names: readonly string[]): string {
  return `${pluralize('container', 'containers', names.length)} ${joinQuote(names)}`;
}
