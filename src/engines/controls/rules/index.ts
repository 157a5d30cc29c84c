import type { AnyControl } from '../types.js';
import addedCapabilities from './workload/added-capabilities.js';
import allowPrivilegeEscalation from './workload/allow-privilege-escalation.js';
import apparmorWeakened from './workload/apparmor-weakened.js';
import automountServiceAccountToken from './workload/automount-service-account-token.js';
import capabilitiesNotDropped from './workload/capabilities-not-dropped.js';
import dangerousCapabilities from './workload/dangerous-capabilities.js';
import defaultServiceAccount from './workload/default-service-account.js';
import hostIpc from './workload/host-ipc.js';
import hostNetwork from './workload/host-network.js';
import hostPathVolume from './workload/host-path-volume.js';
import hostPid from './workload/host-pid.js';
import hostPort from './workload/host-port.js';
import imageNotPinnedDigest from './workload/image-not-pinned-digest.js';
import imagePullPolicy from './workload/image-pull-policy.js';
import imageTagLatest from './workload/image-tag-latest.js';
import ineffectiveSecurityContextField from './workload/ineffective-security-context-field.js';
import missingCpuLimits from './workload/missing-cpu-limits.js';
import missingCpuRequests from './workload/missing-cpu-requests.js';
import missingMemoryLimits from './workload/missing-memory-limits.js';
import missingMemoryRequests from './workload/missing-memory-requests.js';
import privilegedContainer from './workload/privileged-container.js';
import procMountUnmasked from './workload/proc-mount-unmasked.js';
import readOnlyRootFilesystem from './workload/read-only-root-filesystem.js';
import runAsRootGroup from './workload/run-as-root-group.js';
import runAsRoot from './workload/run-as-root.js';
import seccompProfile from './workload/seccomp-profile.js';
import secretInCommandArgs from './workload/secret-in-command-args.js';
import secretInEnv from './workload/secret-in-env.js';
import selinuxWeakened from './workload/selinux-weakened.js';
import sensitiveEnvLiteral from './workload/sensitive-env-literal.js';
import sensitiveHostPath from './workload/sensitive-host-path.js';
import unsafeSysctls from './workload/unsafe-sysctls.js';
import untrustedRegistry from './workload/untrusted-registry.js';
import windowsHostProcess from './workload/windows-host-process.js';
import writableHostPathMount from './workload/writable-host-path-mount.js';
import secretInAnnotation from './secrets/secret-in-annotation.js';
import secretInConfigmap from './secrets/secret-in-configmap.js';
import defaultNamespaceInUse from './exposure/default-namespace-in-use.js';
import ingressWithoutTls from './exposure/ingress-without-tls.js';
import namespaceWithoutLimitRange from './exposure/namespace-without-limit-range.js';
import namespaceWithoutPodSecurityLabels from './exposure/namespace-without-pod-security-labels.js';
import namespaceWithoutResourceQuota from './exposure/namespace-without-resource-quota.js';
import serviceExternalIps from './exposure/service-external-ips.js';
import serviceLoadbalancer from './exposure/service-loadbalancer.js';
import serviceNodeport from './exposure/service-nodeport.js';
import defaultServiceAccountAutomount from './rbac/default-service-account-automount.js';
import rbacAnonymousOrBroadGroupBinding from './rbac/rbac-anonymous-or-broad-group-binding.js';
import rbacBindImpersonateEscalate from './rbac/rbac-bind-impersonate-escalate.js';
import rbacClusterAdminBinding from './rbac/rbac-cluster-admin-binding.js';
import rbacCreatePersistentvolumes from './rbac/rbac-create-persistentvolumes.js';
import rbacCreatePods from './rbac/rbac-create-pods.js';
import rbacCsrApproval from './rbac/rbac-csr-approval.js';
import rbacDefaultServiceAccountBinding from './rbac/rbac-default-service-account-binding.js';
import rbacNodesProxy from './rbac/rbac-nodes-proxy.js';
import rbacSecretsAccess from './rbac/rbac-secrets-access.js';
import rbacServiceaccountTokenCreate from './rbac/rbac-serviceaccount-token-create.js';
import rbacSystemMasters from './rbac/rbac-system-masters.js';
import rbacWebhookConfigurations from './rbac/rbac-webhook-configurations.js';
import rbacWildcard from './rbac/rbac-wildcard.js';

/**
 * The workload, secrets, exposure and single-object RBAC controls. One file per control, each
 * with its table test beside it.
 */
export const libraryControls: AnyControl[] = [
  // Workloads
  addedCapabilities,
  allowPrivilegeEscalation,
  apparmorWeakened,
  automountServiceAccountToken,
  capabilitiesNotDropped,
  dangerousCapabilities,
  defaultServiceAccount,
  hostIpc,
  hostNetwork,
  hostPathVolume,
  hostPid,
  hostPort,
  imageNotPinnedDigest,
  imagePullPolicy,
  imageTagLatest,
  ineffectiveSecurityContextField,
  missingCpuLimits,
  missingCpuRequests,
  missingMemoryLimits,
  missingMemoryRequests,
  privilegedContainer,
  procMountUnmasked,
  readOnlyRootFilesystem,
  runAsRootGroup,
  runAsRoot,
  seccompProfile,
  secretInCommandArgs,
  secretInEnv,
  selinuxWeakened,
  sensitiveEnvLiteral,
  sensitiveHostPath,
  unsafeSysctls,
  untrustedRegistry,
  windowsHostProcess,
  writableHostPathMount,
  // Secrets in the open
  secretInAnnotation,
  secretInConfigmap,
  // Exposure
  defaultNamespaceInUse,
  ingressWithoutTls,
  namespaceWithoutLimitRange,
  namespaceWithoutPodSecurityLabels,
  namespaceWithoutResourceQuota,
  serviceExternalIps,
  serviceLoadbalancer,
  serviceNodeport,
  // RBAC, one object at a time
  defaultServiceAccountAutomount,
  rbacAnonymousOrBroadGroupBinding,
  rbacBindImpersonateEscalate,
  rbacClusterAdminBinding,
  rbacCreatePersistentvolumes,
  rbacCreatePods,
  rbacCsrApproval,
  rbacDefaultServiceAccountBinding,
  rbacNodesProxy,
  rbacSecretsAccess,
  rbacServiceaccountTokenCreate,
  rbacSystemMasters,
  rbacWebhookConfigurations,
  rbacWildcard,
];
