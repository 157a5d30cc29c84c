import { MAX_MINOR } from '../pss/registry.js';
/**
 * Pod Security Standards: the checks of k8s.io/pod-security-admission (policy/check_*.go), by the
 * check ID that package registers, with the level that introduces each. Restricted includes every
 * baseline check; a restricted-only check has level `restricted`.
 */
import type { CatalogItem, FrameworkCatalog } from './types.js';

// prettier-ignore
const CHECKS: readonly (readonly [string, 'baseline' | 'restricted', string])[] = [
  ['hostNamespaces', 'baseline', 'Host namespaces (hostNetwork, hostPID, hostIPC) are not shared'],
  ['privileged', 'baseline', 'Containers are not privileged'],
  ['capabilities_baseline', 'baseline', 'Only capabilities of the baseline allow-list are added'],
  ['hostPathVolumes', 'baseline', 'No hostPath volumes'],
  ['hostPorts', 'baseline', 'No host ports'],
  ['hostProbesAndHostLifecycle', 'baseline', 'Probes and lifecycle handlers do not target a host other than the Pod'],
  ['appArmorProfile', 'baseline', 'AppArmor profile is not unconfined'],
  ['seLinuxOptions', 'baseline', 'SELinux type is an allowed container type and user/role are unset'],
  ['procMount', 'baseline', 'The default /proc mask is kept'],
  ['seccompProfile_baseline', 'baseline', 'Seccomp profile is not Unconfined'],
  ['sysctls', 'baseline', 'Only safe sysctls are set'],
  ['windowsHostProcess', 'baseline', 'No Windows HostProcess containers'],
  ['allowPrivilegeEscalation', 'restricted', 'Privilege escalation is disallowed (allowPrivilegeEscalation: false)'],
  ['runAsNonRoot', 'restricted', 'Containers must run as non-root'],
  ['runAsUser', 'restricted', 'runAsUser is not 0'],
  ['seccompProfile_restricted', 'restricted', 'Seccomp profile is RuntimeDefault or Localhost'],
  ['capabilities_restricted', 'restricted', 'Containers drop ALL capabilities and add at most NET_BIND_SERVICE'],
  ['restrictedVolumes', 'restricted', 'Only volume types of the restricted allow-list are used'],
  ['procMount_restricted', 'restricted', 'procMount is unset or Default'],
];

export const pssCatalog: FrameworkCatalog = {
  name: 'pss',
  title: 'Kubernetes Pod Security Standards',
  // The newest policy version the evaluator defines (engines/pss/registry.ts MAX_MINOR).
  version: `v1.${MAX_MINOR}`,
  items: CHECKS.map(([id, level, title]): CatalogItem => ({ id, title, section: level, level, automated: true })),
};
