/**
 * MITRE ATT&CK for Containers (plus the Enterprise techniques that apply to Kubernetes clusters),
 * with the matching technique names of the Microsoft Threat Matrix for Kubernetes. Every technique
 * is something a configuration control can make harder; none is "automated" in the CIS sense, but
 * all are mapped by controls, so they are evaluated (`automated: true`) whenever a control maps them.
 */
import type { CatalogItem, FrameworkCatalog } from './types.js';

// prettier-ignore
const TECHNIQUES: readonly (readonly [string, string, string, readonly string[]])[] = [
  // [id, name, tactics, Microsoft matrix techniques]
  ['T1190', 'Exploit Public-Facing Application', 'Initial Access', ['Application vulnerability', 'Exposed sensitive interfaces']],
  ['T1133', 'External Remote Services', 'Initial Access, Persistence', ['Exposed sensitive interfaces']],
  ['T1078', 'Valid Accounts', 'Initial Access, Persistence, Privilege Escalation, Defense Evasion', ['Using cloud credentials', 'Kubeconfig file']],
  ['T1078.001', 'Valid Accounts: Default Accounts', 'Initial Access, Persistence, Privilege Escalation, Defense Evasion', ['Container service account']],
  ['T1078.003', 'Valid Accounts: Local Accounts', 'Initial Access, Persistence, Privilege Escalation, Defense Evasion', []],
  ['T1609', 'Container Administration Command', 'Execution', ['Exec into container', 'bash/cmd inside container']],
  ['T1610', 'Deploy Container', 'Execution, Defense Evasion', ['New container', 'Sidecar injection']],
  ['T1053.007', 'Scheduled Task/Job: Container Orchestration Job', 'Execution, Persistence, Privilege Escalation', ['Kubernetes CronJob']],
  ['T1204.003', 'User Execution: Malicious Image', 'Execution', ['Compromised images in registry']],
  ['T1098.006', 'Account Manipulation: Additional Container Cluster Roles', 'Persistence, Privilege Escalation', ['Cluster-admin binding']],
  ['T1136.001', 'Create Account: Local Account', 'Persistence', []],
  ['T1543.005', 'Create or Modify System Process: Container Service', 'Persistence, Privilege Escalation', ['Static pods']],
  ['T1525', 'Implant Internal Image', 'Persistence', ['Backdoor container', 'Compromised images in registry']],
  ['T1611', 'Escape to Host', 'Privilege Escalation', ['Privileged container', 'hostPath mount', 'Writable hostPath mount']],
  ['T1068', 'Exploitation for Privilege Escalation', 'Privilege Escalation', []],
  ['T1612', 'Build Image on Host', 'Defense Evasion', []],
  ['T1562.001', 'Impair Defenses: Disable or Modify Tools', 'Defense Evasion', ['Malicious admission controller']],
  ['T1070', 'Indicator Removal', 'Defense Evasion', ['Clear container logs', 'Delete Kubernetes events']],
  ['T1036.005', 'Masquerading: Match Legitimate Name or Location', 'Defense Evasion', ['Pod / container name similarity']],
  ['T1550.001', 'Use Alternate Authentication Material: Application Access Token', 'Defense Evasion, Lateral Movement', ['Container service account']],
  ['T1110', 'Brute Force', 'Credential Access', []],
  ['T1528', 'Steal Application Access Token', 'Credential Access', ['Container service account', 'Mount service principal']],
  ['T1552', 'Unsecured Credentials', 'Credential Access', ['List Kubernetes secrets']],
  ['T1552.001', 'Unsecured Credentials: Credentials In Files', 'Credential Access', ['Application credentials in configuration files']],
  ['T1552.005', 'Unsecured Credentials: Cloud Instance Metadata API', 'Credential Access', ['Instance Metadata API', 'Access managed identity credentials']],
  ['T1552.007', 'Unsecured Credentials: Container API', 'Credential Access', ['List Kubernetes secrets', 'Access Kubelet API']],
  ['T1613', 'Container and Resource Discovery', 'Discovery', ['Access Kubernetes API server', 'Access Kubelet API']],
  ['T1046', 'Network Service Discovery', 'Discovery', ['Network mapping']],
  ['T1069', 'Permission Groups Discovery', 'Discovery', []],
  ['T1021', 'Remote Services', 'Lateral Movement', ['Cluster internal networking']],
  ['T1557', 'Adversary-in-the-Middle', 'Credential Access, Collection', ['ARP poisoning and IP spoofing', 'CoreDNS poisoning']],
  ['T1040', 'Network Sniffing', 'Credential Access, Discovery', ['ARP poisoning and IP spoofing']],
  ['T1005', 'Data from Local System', 'Collection', ['Collecting data from pod']],
  ['T1485', 'Data Destruction', 'Impact', ['Data destruction']],
  ['T1490', 'Inhibit System Recovery', 'Impact', []],
  ['T1496', 'Resource Hijacking', 'Impact', ['Resource hijacking']],
  ['T1498', 'Network Denial of Service', 'Impact', ['Denial of service']],
  ['T1499', 'Endpoint Denial of Service', 'Impact', ['Denial of service']],
];

const UNMAPPED = 'no configuration control maps to this technique: detect it at runtime';

export const mitreCatalog: FrameworkCatalog = {
  name: 'mitre',
  title: 'MITRE ATT&CK for Containers',
  version: 'v16',
  items: TECHNIQUES.map(([id, title, tactic, microsoft]): CatalogItem => {
    const item: CatalogItem = { id, title, section: tactic.split(',')[0]!, tactic, automated: false, reason: UNMAPPED };
    if (microsoft.length > 0) item.microsoft = microsoft;
    return item;
  }),
};
