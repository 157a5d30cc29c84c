/** Exemptions by namespace, user, group and service account, checked before any control runs. */
import type { AdmissionConfig } from './config.js';
import type { SkipReason, UserInfo } from './types.js';

const SA_PREFIX = 'system:serviceaccount:';

/** `namespace/name` of a service account username, or undefined for other users. */
export function serviceAccountOf(username: string | undefined): string | undefined {
  if (!username?.startsWith(SA_PREFIX)) return undefined;
  const rest = username.slice(SA_PREFIX.length);
  const i = rest.indexOf(':');
  if (i <= 0 || i === rest.length - 1) return undefined;
  return `${rest.slice(0, i)}/${rest.slice(i + 1)}`;
}

export function exemption(namespace: string | undefined, user: UserInfo, config: AdmissionConfig): SkipReason | undefined {
  const ex = config.exemptions;
  if (namespace !== undefined && ex.namespaces.includes(namespace)) return 'exempt-namespace';
  if (user.username !== undefined && ex.users.includes(user.username)) return 'exempt-user';
  if (ex.groups.length > 0 && (user.groups ?? []).some((g) => ex.groups.includes(g))) return 'exempt-group';
  const sa = serviceAccountOf(user.username);
  if (sa !== undefined && ex.serviceAccounts.includes(sa)) return 'exempt-service-account';
  return undefined;
}
