/**
 * NSA/CISA Kubernetes Hardening Guidance v1.2 (August 2022), one item per recommendation area,
 * identified by `<chapter>/<topic>` slugs (docs/frameworks.md). Titles and recommendation summaries
 * are our own short paraphrases of the guide's sections.
 *
 * `automated`: a tool can verify the recommendation from Kubernetes objects and node/control-plane
 * configuration files; the others need an organisational or runtime review (`reason`).
 */
import type { CatalogItem, FrameworkCatalog } from './types.js';

const CHAPTERS: Readonly<Record<string, string>> = {
  'pod-security': 'Kubernetes Pod security',
  network: 'Network separation and hardening',
  authn: 'Authentication and authorization',
  audit: 'Audit logging and threat detection',
  upgrading: 'Upgrading and application security practices',
};

interface NsaEntry {
  id: string;
  title: string;
  /** What the guide recommends, paraphrased. */
  recommendation: string;
  automated: boolean;
  reason?: string;
}

const ENTRIES: readonly NsaEntry[] = [
  {
    id: 'pod-security/non-root',
    title: 'Non-root containers and rootless container engines',
    recommendation: 'Run containers as non-root users (runAsNonRoot, non-zero UID/GID, no privilege escalation, no privileged mode).',
    automated: true,
  },
  {
    id: 'pod-security/immutable-filesystem',
    title: 'Immutable container file systems',
    recommendation: 'Run containers with a read-only root file system; mount writable volumes only where needed.',
    automated: true,
  },
  {
    id: 'pod-security/secure-images',
    title: 'Building secure container images',
    recommendation: 'Use minimal, scanned images from trusted registries, referenced by digest or immutable tag.',
    automated: true,
  },
  {
    id: 'pod-security/enforcement',
    title: 'Pod security enforcement',
    recommendation:
      'Enforce Pod Security Standards (Pod Security Admission or a policy engine): no privileged containers, host namespaces, host paths, added capabilities; seccomp, AppArmor or SELinux confinement.',
    automated: true,
  },
  {
    id: 'pod-security/service-account-tokens',
    title: 'Protecting Pod service account tokens',
    recommendation: 'Disable automounting of service account tokens where a Pod does not need API access; avoid the default service account.',
    automated: true,
  },
  {
    id: 'pod-security/hardening-container-environments',
    title: 'Hardening container environments',
    recommendation: 'Use sandboxed or hypervisor-backed runtimes for untrusted workloads, and bound every container\'s resources.',
    automated: true,
  },
  {
    id: 'network/namespaces',
    title: 'Namespaces',
    recommendation: 'Separate teams and applications into namespaces; do not run workloads in the default namespace.',
    automated: true,
  },
  {
    id: 'network/network-policies',
    title: 'Network policies',
    recommendation: 'Use a CNI that enforces NetworkPolicy; apply default-deny ingress and egress policies in every namespace, then allow only required traffic.',
    automated: true,
  },
  {
    id: 'network/resource-policies',
    title: 'Resource policies',
    recommendation: 'Apply LimitRange and ResourceQuota to namespaces and process ID limits on nodes to prevent resource exhaustion.',
    automated: true,
  },
  {
    id: 'network/control-plane',
    title: 'Control plane hardening',
    recommendation:
      'Do not expose the API server publicly; require TLS and authentication on every control plane component; disable anonymous access, profiling and insecure ports; bind internal components to localhost.',
    automated: true,
  },
  {
    id: 'network/etcd',
    title: 'etcd',
    recommendation: 'Protect etcd with TLS client and peer certificate authentication, a dedicated CA, and network isolation; no automatic self-signed certificates.',
    automated: true,
  },
  {
    id: 'network/kubeconfig',
    title: 'Kubeconfig files',
    recommendation: 'Protect kubeconfig files: restrict file permissions and keep long-lived credentials out of them.',
    automated: false,
    reason: 'kubeconfig files live on workstations and nodes; review their handling and permissions on the hosts',
  },
  {
    id: 'network/worker-node-segmentation',
    title: 'Worker node segmentation',
    recommendation: 'Place worker nodes in a segment that cannot reach the control plane except through required ports; firewall node ports.',
    automated: false,
    reason: 'network segmentation is infrastructure outside Kubernetes objects; review the cloud or data-centre network design',
  },
  {
    id: 'network/encryption',
    title: 'Encryption in transit',
    recommendation: 'Use TLS for all control plane and kubelet traffic, with strong cipher suites and certificate rotation.',
    automated: true,
  },
  {
    id: 'network/secrets',
    title: 'Secrets',
    recommendation: 'Encrypt Secrets at rest with a strong provider (KMS preferred); never put credentials in ConfigMaps, environment literals or annotations.',
    automated: true,
  },
  {
    id: 'network/cloud-metadata',
    title: 'Protecting sensitive cloud infrastructure',
    recommendation: 'Block Pod access to the cloud instance metadata service (egress policies, IMDSv2 hop limits) and use workload identity instead of node credentials.',
    automated: false,
    reason: 'metadata access depends on the cloud provider settings and CNI egress enforcement; review them per cluster',
  },
  {
    id: 'authn/authentication',
    title: 'Authentication',
    recommendation: 'Disable anonymous authentication; do not use static token files; use strong user authentication (OIDC) and short-lived service account tokens.',
    automated: true,
  },
  {
    id: 'authn/rbac',
    title: 'Role-based access control',
    recommendation: 'Enable RBAC; grant least privilege; avoid wildcards, cluster-admin bindings and access to secrets, escalation and impersonation.',
    automated: true,
  },
  {
    id: 'audit/logging',
    title: 'Audit logging',
    recommendation: 'Enable API server audit logging with a policy that records security-relevant requests (at Metadata for secrets) and retain the logs.',
    automated: true,
  },
  {
    id: 'audit/threat-detection',
    title: 'Threat detection',
    recommendation: 'Collect and alert on audit, node and container logs; use runtime threat detection, service-mesh telemetry and fault-tolerant log storage.',
    automated: false,
    reason: 'detection and alerting are operational capabilities; review the logging pipeline and runtime tooling',
  },
  {
    id: 'upgrading/application-security',
    title: 'Upgrading and application security practices',
    recommendation: 'Patch and upgrade Kubernetes promptly, migrate off deprecated and removed APIs, and scan configuration and images periodically.',
    automated: true,
  },
];

function toItem(e: NsaEntry): CatalogItem {
  const chapter = e.id.split('/')[0]!;
  const item: CatalogItem = {
    id: e.id,
    title: e.title,
    section: CHAPTERS[chapter] ?? chapter,
    automated: e.automated,
    description: e.recommendation,
  };
  if (e.reason !== undefined) item.reason = e.reason;
  return item;
}

export const nsaCatalog: FrameworkCatalog = {
  name: 'nsa',
  title: 'NSA/CISA Kubernetes Hardening Guidance',
  version: '1.2',
  items: ENTRIES.map(toItem),
};
