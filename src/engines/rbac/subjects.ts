/** Subject strings (`User:<name>`, `Group:<name>`, `ServiceAccount:<ns>:<name>`) and the identities they stand for. */
import type { UserInfo } from './types.js';

export type SubjectKind = 'User' | 'Group' | 'ServiceAccount';

export interface Subject {
  kind: SubjectKind;
  name: string;
  /** ServiceAccount only. */
  namespace?: string;
}

export class SubjectSyntaxError extends Error {
  override readonly name = 'SubjectSyntaxError';
  readonly code = 'invalid-subject';
}

export const SA_USER_PREFIX = 'system:serviceaccount:';
export const PRIVILEGED_GROUP = 'system:masters';
export const AUTHENTICATED_GROUP = 'system:authenticated';
export const ALL_SERVICE_ACCOUNTS_GROUP = 'system:serviceaccounts';

export function parseSubject(text: string): Subject {
  const colon = text.indexOf(':');
  const kind = colon < 0 ? '' : text.slice(0, colon);
  const rest = colon < 0 ? '' : text.slice(colon + 1);
  if ((kind === 'User' || kind === 'Group') && rest.length > 0) return { kind, name: rest };
  if (kind === 'ServiceAccount') {
    const sep = rest.indexOf(':');
    if (sep > 0 && sep < rest.length - 1) return { kind, namespace: rest.slice(0, sep), name: rest.slice(sep + 1) };
  }
  throw new SubjectSyntaxError(`invalid subject "${text}": expected User:<name>, Group:<name> or ServiceAccount:<namespace>:<name>`);
}

export function formatSubject(s: Subject): string {
  return s.kind === 'ServiceAccount' ? `ServiceAccount:${s.namespace ?? ''}:${s.name}` : `${s.kind}:${s.name}`;
}

export function serviceAccountUsername(namespace: string, name: string): string {
  return `${SA_USER_PREFIX}${namespace}:${name}`;
}

/** The groups the service-account authenticator gives every token of an account. */
export function serviceAccountGroups(namespace: string): string[] {
  return [ALL_SERVICE_ACCOUNTS_GROUP, `${ALL_SERVICE_ACCOUNTS_GROUP}:${namespace}`, AUTHENTICATED_GROUP];
}

/** `system:serviceaccount:<ns>:<name>` -> its namespace and name; undefined for other users. */
export function splitServiceAccountUsername(user: string): { namespace: string; name: string } | undefined {
  if (!user.startsWith(SA_USER_PREFIX)) return undefined;
  const rest = user.slice(SA_USER_PREFIX.length);
  const sep = rest.indexOf(':');
  if (sep <= 0 || sep === rest.length - 1) return undefined;
  return { namespace: rest.slice(0, sep), name: rest.slice(sep + 1) };
}

/**
 * The identity a subject string denotes:
 * - ServiceAccount: its username and the three implicit groups.
 * - User: the name, the groups from the optional user-to-groups map, and `system:authenticated`
 *   (every authenticated request carries it).
 * - Group: an anonymous member of just that group (what the group itself is granted).
 */
export function userInfoOf(subject: Subject, userGroups: ReadonlyMap<string, readonly string[]> = new Map()): UserInfo {
  switch (subject.kind) {
    case 'ServiceAccount': {
      const ns = subject.namespace ?? '';
      return { name: serviceAccountUsername(ns, subject.name), groups: serviceAccountGroups(ns) };
    }
    case 'User': {
      const groups = new Set(userGroups.get(subject.name) ?? []);
      groups.add(AUTHENTICATED_GROUP);
      return { name: subject.name, groups: [...groups] };
    }
    case 'Group':
      return { name: '', groups: [subject.name] };
  }
}
