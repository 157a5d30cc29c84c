/**
 * CIS Kubernetes Benchmark v1.12 — every recommendation, numbered as in the benchmark (the
 * numbering kube-bench's `cfg/cis-1.12` uses: General Policies are 5.6.x in v1.12, they were 5.7.x
 * up to v1.11; 5.2 has 5.2.1–5.2.12).
 *
 * Mode: `A` Automated; `M` Manual; `H` Automated in the benchmark but verifiable only on the host
 * (file modes and owners), never from manifests: listed as manual-for-manifests with a reason.
 */
import type { CatalogItem, FrameworkCatalog } from './types.js';

type Mode = 'A' | 'M' | 'H';

const SECTIONS: Readonly<Record<string, string>> = {
  '1.1': 'Control Plane Node Configuration Files',
  '1.2': 'API Server',
  '1.3': 'Controller Manager',
  '1.4': 'Scheduler',
  '2': 'etcd',
  '3.1': 'Authentication and Authorization',
  '3.2': 'Logging',
  '4.1': 'Worker Node Configuration Files',
  '4.2': 'Kubelet',
  '4.3': 'kube-proxy',
  '5.1': 'RBAC and Service Accounts',
  '5.2': 'Pod Security Standards',
  '5.3': 'Network Policies and CNI',
  '5.4': 'Secrets Management',
  '5.5': 'Extensible Admission Control',
  '5.6': 'General Policies',
};

const HOST_ONLY = 'file permissions and ownership on the node: check with kube-bench on the host, not from manifests';

// prettier-ignore
const ITEMS: readonly (readonly [string, string, Mode])[] = [
  ['1.1.1', 'API server pod specification file permissions are 600 or more restrictive', 'H'],
  ['1.1.2', 'API server pod specification file ownership is root:root', 'H'],
  ['1.1.3', 'Controller manager pod specification file permissions are 600 or more restrictive', 'H'],
  ['1.1.4', 'Controller manager pod specification file ownership is root:root', 'H'],
  ['1.1.5', 'Scheduler pod specification file permissions are 600 or more restrictive', 'H'],
  ['1.1.6', 'Scheduler pod specification file ownership is root:root', 'H'],
  ['1.1.7', 'etcd pod specification file permissions are 600 or more restrictive', 'H'],
  ['1.1.8', 'etcd pod specification file ownership is root:root', 'H'],
  ['1.1.9', 'Container Network Interface file permissions are 600 or more restrictive', 'M'],
  ['1.1.10', 'Container Network Interface file ownership is root:root', 'M'],
  ['1.1.11', 'etcd data directory permissions are 700 or more restrictive', 'H'],
  ['1.1.12', 'etcd data directory ownership is etcd:etcd', 'H'],
  ['1.1.13', 'Default administrative credential file (admin.conf, super-admin.conf) permissions are 600', 'H'],
  ['1.1.14', 'Default administrative credential file ownership is root:root', 'H'],
  ['1.1.15', 'scheduler.conf file permissions are 600 or more restrictive', 'H'],
  ['1.1.16', 'scheduler.conf file ownership is root:root', 'H'],
  ['1.1.17', 'controller-manager.conf file permissions are 600 or more restrictive', 'H'],
  ['1.1.18', 'controller-manager.conf file ownership is root:root', 'H'],
  ['1.1.19', 'Kubernetes PKI directory and file ownership is root:root', 'H'],
  ['1.1.20', 'Kubernetes PKI certificate file permissions are 644 or more restrictive', 'M'],
  ['1.1.21', 'Kubernetes PKI key file permissions are 600', 'M'],

  ['1.2.1', 'API server --anonymous-auth is false', 'M'],
  ['1.2.2', 'API server --token-auth-file is not set', 'A'],
  ['1.2.3', 'API server admission plugin DenyServiceExternalIPs is enabled', 'M'],
  ['1.2.4', 'API server --kubelet-client-certificate and --kubelet-client-key are set', 'A'],
  ['1.2.5', 'API server --kubelet-certificate-authority is set', 'A'],
  ['1.2.6', 'API server --authorization-mode does not include AlwaysAllow', 'A'],
  ['1.2.7', 'API server --authorization-mode includes Node', 'A'],
  ['1.2.8', 'API server --authorization-mode includes RBAC', 'A'],
  ['1.2.9', 'API server admission plugin EventRateLimit is enabled', 'M'],
  ['1.2.10', 'API server admission plugin AlwaysAdmit is not enabled', 'A'],
  ['1.2.11', 'API server admission plugin AlwaysPullImages is enabled', 'M'],
  ['1.2.12', 'API server admission plugin ServiceAccount is not disabled', 'A'],
  ['1.2.13', 'API server admission plugin NamespaceLifecycle is not disabled', 'A'],
  ['1.2.14', 'API server admission plugin NodeRestriction is enabled', 'A'],
  ['1.2.15', 'API server --profiling is false', 'A'],
  ['1.2.16', 'API server --audit-log-path is set', 'A'],
  ['1.2.17', 'API server --audit-log-maxage is 30 or more', 'A'],
  ['1.2.18', 'API server --audit-log-maxbackup is 10 or more', 'A'],
  ['1.2.19', 'API server --audit-log-maxsize is 100 or more', 'A'],
  ['1.2.20', 'API server --request-timeout is set as appropriate', 'M'],
  ['1.2.21', 'API server --service-account-lookup is true', 'A'],
  ['1.2.22', 'API server --service-account-key-file is set', 'A'],
  ['1.2.23', 'API server --etcd-certfile and --etcd-keyfile are set', 'A'],
  ['1.2.24', 'API server --tls-cert-file and --tls-private-key-file are set', 'A'],
  ['1.2.25', 'API server --client-ca-file is set', 'A'],
  ['1.2.26', 'API server --etcd-cafile is set', 'A'],
  ['1.2.27', 'API server --encryption-provider-config is set', 'M'],
  ['1.2.28', 'Encryption providers are appropriately configured', 'M'],
  ['1.2.29', 'API server uses only strong cryptographic ciphers', 'M'],
  ['1.2.30', 'API server --service-account-extend-token-expiration is false', 'A'],

  ['1.3.1', 'Controller manager --terminated-pod-gc-threshold is set as appropriate', 'M'],
  ['1.3.2', 'Controller manager --profiling is false', 'A'],
  ['1.3.3', 'Controller manager --use-service-account-credentials is true', 'A'],
  ['1.3.4', 'Controller manager --service-account-private-key-file is set', 'A'],
  ['1.3.5', 'Controller manager --root-ca-file is set', 'A'],
  ['1.3.6', 'Controller manager RotateKubeletServerCertificate is not disabled', 'A'],
  ['1.3.7', 'Controller manager --bind-address is 127.0.0.1', 'A'],

  ['1.4.1', 'Scheduler --profiling is false', 'A'],
  ['1.4.2', 'Scheduler --bind-address is 127.0.0.1', 'A'],

  ['2.1', 'etcd --cert-file and --key-file are set', 'A'],
  ['2.2', 'etcd --client-cert-auth is true', 'A'],
  ['2.3', 'etcd --auto-tls is not true', 'A'],
  ['2.4', 'etcd --peer-cert-file and --peer-key-file are set', 'A'],
  ['2.5', 'etcd --peer-client-cert-auth is true', 'A'],
  ['2.6', 'etcd --peer-auto-tls is not true', 'A'],
  ['2.7', 'A unique certificate authority is used for etcd', 'M'],

  ['3.1.1', 'Client certificate authentication is not used for users', 'M'],
  ['3.1.2', 'Service account token authentication is not used for users', 'M'],
  ['3.1.3', 'Bootstrap token authentication is not used for users', 'M'],
  ['3.2.1', 'A minimal audit policy is created', 'M'],
  ['3.2.2', 'The audit policy covers key security concerns', 'M'],

  ['4.1.1', 'kubelet service file permissions are 600 or more restrictive', 'H'],
  ['4.1.2', 'kubelet service file ownership is root:root', 'H'],
  ['4.1.3', 'kube-proxy kubeconfig file permissions, if present, are 600 or more restrictive', 'M'],
  ['4.1.4', 'kube-proxy kubeconfig file ownership, if present, is root:root', 'M'],
  ['4.1.5', 'kubelet --kubeconfig file permissions are 600 or more restrictive', 'H'],
  ['4.1.6', 'kubelet --kubeconfig file ownership is root:root', 'H'],
  ['4.1.7', 'Certificate authorities file permissions are 644 or more restrictive', 'M'],
  ['4.1.8', 'Client certificate authorities file ownership is root:root', 'M'],
  ['4.1.9', 'kubelet config file permissions, if used, are 600 or more restrictive', 'H'],
  ['4.1.10', 'kubelet config file ownership, if used, is root:root', 'H'],

  ['4.2.1', 'kubelet anonymous authentication is disabled', 'A'],
  ['4.2.2', 'kubelet authorization mode is not AlwaysAllow', 'A'],
  ['4.2.3', 'kubelet client CA file is set', 'A'],
  ['4.2.4', 'kubelet read-only port, if defined, is 0', 'M'],
  ['4.2.5', 'kubelet streaming connection idle timeout is not 0', 'M'],
  ['4.2.6', 'kubelet makes iptables util chains', 'A'],
  ['4.2.7', 'kubelet --hostname-override is not set', 'M'],
  ['4.2.8', 'kubelet eventRecordQPS ensures appropriate event capture', 'M'],
  ['4.2.9', 'kubelet TLS certificate and private key are set', 'M'],
  ['4.2.10', 'kubelet certificate rotation is not disabled', 'A'],
  ['4.2.11', 'kubelet RotateKubeletServerCertificate is true', 'M'],
  ['4.2.12', 'kubelet uses only strong cryptographic ciphers', 'M'],
  ['4.2.13', 'A limit is set on pod PIDs', 'M'],
  ['4.2.14', 'kubelet seccomp default is enabled', 'M'],
  ['4.3.1', 'kube-proxy metrics service is bound to localhost', 'A'],

  ['5.1.1', 'The cluster-admin role is only used where required', 'M'],
  ['5.1.2', 'Minimize access to secrets', 'M'],
  ['5.1.3', 'Minimize wildcard use in Roles and ClusterRoles', 'M'],
  ['5.1.4', 'Minimize access to create pods', 'M'],
  ['5.1.5', 'Default service accounts are not actively used', 'M'],
  ['5.1.6', 'Service account tokens are only mounted where necessary', 'M'],
  ['5.1.7', 'Avoid use of the system:masters group', 'M'],
  ['5.1.8', 'Limit use of the bind, impersonate and escalate permissions', 'M'],
  ['5.1.9', 'Minimize access to create persistent volumes', 'M'],
  ['5.1.10', 'Minimize access to the proxy sub-resource of nodes', 'M'],
  ['5.1.11', 'Minimize access to the approval sub-resource of certificatesigningrequests', 'M'],
  ['5.1.12', 'Minimize access to webhook configuration objects', 'M'],
  ['5.1.13', 'Minimize access to service account token creation', 'M'],

  ['5.2.1', 'The cluster has at least one active policy control mechanism', 'M'],
  ['5.2.2', 'Minimize the admission of privileged containers', 'M'],
  ['5.2.3', 'Minimize the admission of containers sharing the host PID namespace', 'M'],
  ['5.2.4', 'Minimize the admission of containers sharing the host IPC namespace', 'M'],
  ['5.2.5', 'Minimize the admission of containers sharing the host network namespace', 'M'],
  ['5.2.6', 'Minimize the admission of containers with allowPrivilegeEscalation', 'M'],
  ['5.2.7', 'Minimize the admission of root containers', 'M'],
  ['5.2.8', 'Minimize the admission of containers with the NET_RAW capability', 'M'],
  ['5.2.9', 'Minimize the admission of containers with capabilities assigned', 'M'],
  ['5.2.10', 'Minimize the admission of Windows HostProcess containers', 'M'],
  ['5.2.11', 'Minimize the admission of HostPath volumes', 'M'],
  ['5.2.12', 'Minimize the admission of containers which use HostPorts', 'M'],

  ['5.3.1', 'The CNI in use supports NetworkPolicies', 'M'],
  ['5.3.2', 'All namespaces have NetworkPolicies defined', 'M'],
  ['5.4.1', 'Prefer Secrets as files over Secrets as environment variables', 'M'],
  ['5.4.2', 'Consider external secret storage', 'M'],
  ['5.5.1', 'Configure image provenance with the ImagePolicyWebhook admission controller', 'M'],
  ['5.6.1', 'Create administrative boundaries between resources using namespaces', 'M'],
  ['5.6.2', 'The seccomp profile is set to RuntimeDefault (docker/default) in pod definitions', 'M'],
  ['5.6.3', 'Apply a security context to pods and containers', 'M'],
  ['5.6.4', 'The default namespace is not used', 'M'],
];

function sectionOf(id: string): string {
  const parts = id.split('.');
  return parts.length === 2 ? parts[0]! : `${parts[0]}.${parts[1]}`;
}

function toItem([id, title, mode]: readonly [string, string, Mode]): CatalogItem {
  const section = sectionOf(id);
  const item: CatalogItem = { id, title, section: `${section} ${SECTIONS[section] ?? ''}`.trim(), automated: mode !== 'M' };
  if (mode === 'H') {
    item.manifestCheckable = false;
    item.reason = HOST_ONLY;
  }
  return item;
}

export const cisCatalog: FrameworkCatalog = {
  name: 'cis',
  title: 'CIS Kubernetes Benchmark',
  version: '1.12',
  items: ITEMS.map(toItem),
};
