/**
 * Realistic `ScanResult` fixtures for formatter tests: several files and namespaces, every
 * severity, framework mappings, a suppressed finding of each kind, input errors, a skipped
 * document, a cluster finding without a location, compliance tables, and a hostile resource name.
 * The working directory is a fixed fake path so goldens never embed this machine's paths.
 */
import type { Finding, FrameworkRefs } from '../../model/finding.js';
import type { ResourceRef, Severity, SourceLocation } from '../../model/types.js';
import type { ComplianceItem, ScanResult } from '../../scan/types.js';
import type { ComplianceDetail } from '../common.js';
import { REPORT_SCHEMA_VERSION } from '../../scan/types.js';
import type { FormatContext, ReportControlMeta } from '../context.js';
import { helpUriFor } from '../context.js';

export const FIXTURE_CWD = '/srv/checkout';

/** A name an attacker controls: markup, a table pipe, quotes, an ANSI escape, a newline. */
export const HOSTILE_NAME = 'x"><script>alert(1)</script>|pwn\u001b[2J\nline2';

function refs(r: Partial<FrameworkRefs>): FrameworkRefs {
  return { cis: r.cis ?? [], nsa: r.nsa ?? [], pss: r.pss ?? [], mitre: r.mitre ?? [] };
}

function loc(file: string, line: number, column: number, endLine: number, endColumn: number): SourceLocation {
  return { file, line, column, endLine, endColumn };
}

function control(id: string, title: string, severity: Severity, frameworks: Partial<FrameworkRefs>, rationale: string, remediation: string): ReportControlMeta {
  return { id, title, severity, rationale, remediation, frameworks: refs(frameworks), helpUri: helpUriFor(id) };
}

export const FIXTURE_CONTROLS: ReadonlyMap<string, ReportControlMeta> = new Map(
  [
    control('privileged-container', 'Privileged container', 'critical', { cis: ['5.2.2'], nsa: ['pod-security.non-root'], pss: ['privileged'], mitre: ['T1611'] },
      'A privileged container has every capability of the host and can escape to the node.',
      'Set securityContext.privileged to false, or remove it.'),
    control('host-namespaces', 'Host namespaces shared', 'high', { cis: ['5.2.3', '5.2.4', '5.2.5'], pss: ['hostNamespaces'], mitre: ['T1611'] },
      'Sharing the host PID, IPC or network namespace lets a pod observe and attack host processes.',
      'Remove hostPID, hostIPC and hostNetwork from the pod spec.'),
    control('image-tag-latest', 'Image without a pinned tag', 'medium', { nsa: ['pod-security.immutable'] },
      'A mutable tag such as `latest` makes deployments unreproducible and hides supply-chain changes.',
      'Pin the image to a version tag or, better, a digest (`image@sha256:...`).'),
    control('run-as-root', 'Container may run as root', 'high', { cis: ['5.2.7'], nsa: ['pod-security.non-root'], pss: ['runAsNonRoot'] },
      'A process running as UID 0 turns any container escape into root on the node.',
      'Set runAsNonRoot: true and a non-zero runAsUser.'),
    control('cluster-admin-binding', 'Binding to cluster-admin', 'critical', { cis: ['5.1.1'], mitre: ['T1078'] },
      'cluster-admin grants every permission on every resource.',
      'Bind a narrower Role instead of cluster-admin.'),
    control('resources-missing', 'Missing CPU/memory limits', 'low', { nsa: ['pod-security.resources'] },
      'Without limits a single pod can starve its node.',
      'Set resources.requests and resources.limits for cpu and memory.'),
    control('service-account-token', 'Service account token mounted', 'info', { cis: ['5.1.6'], mitre: ['T1528'] },
      'A mounted token is a credential an attacker inside the pod can use against the API.',
      'Set automountServiceAccountToken: false when the pod does not call the API.'),
  ].map((c) => [c.id, c]),
);

/** A compliance row with the optional detail the compliance engine adds (see `complianceDetail`). */
function detailed(item: ComplianceItem, detail: ComplianceDetail): ComplianceItem {
  return Object.assign(item, detail);
}

let counter = 0;
function finding(
  controlId: string,
  resource: ResourceRef,
  path: string,
  message: string,
  location: SourceLocation | undefined,
  extra: Partial<Finding> = {},
): Finding {
  const meta = FIXTURE_CONTROLS.get(controlId);
  if (!meta) throw new Error(`fixture: unknown control ${controlId}`);
  counter++;
  const f: Finding = {
    control: controlId,
    severity: meta.severity,
    message,
    resource,
    path,
    frameworks: refs(meta.frameworks),
    remediation: meta.remediation,
    fingerprint: `${controlId}@${counter}`,
    ...extra,
  };
  if (location) f.location = location;
  return f;
}

const web: ResourceRef = { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'web' };
const worker: ResourceRef = { apiVersion: 'batch/v1', kind: 'CronJob', namespace: 'shop', name: 'nightly-report' };
const agent: ResourceRef = { apiVersion: 'apps/v1', kind: 'DaemonSet', namespace: 'monitoring', name: 'node-agent' };
const hostile: ResourceRef = { apiVersion: 'v1', kind: 'Pod', namespace: 'team|a', name: HOSTILE_NAME };
const binding: ResourceRef = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', name: 'ops-admins' };

/** A fresh fixture (formatters must not mutate it; tests check that). */
export function fixtureResult(): ScanResult {
  counter = 0;
  const findings: Finding[] = [
    // Deliberately out of report order: formatters sort.
    finding('image-tag-latest', web, '/spec/template/spec/containers/0/image', 'Container "app" uses image "shop/web:latest" with a mutable tag', loc('manifests/shop/web.yaml', 24, 18, 24, 33), { container: 'app', fix: [{ op: 'replace', path: '/spec/template/spec/containers/0/image', value: 'shop/web:1.4.2' }] }),
    finding('privileged-container', web, '/spec/template/spec/containers/0/securityContext/privileged', 'Container "app" is privileged', loc('manifests/shop/web.yaml', 31, 25, 31, 29), { container: 'app', fix: [{ op: 'replace', path: '/spec/template/spec/containers/0/securityContext/privileged', value: false }] }),
    finding('run-as-root', web, '/spec/template/spec/containers/1', 'Container "sidecar" may run as root: runAsNonRoot is not set', loc('manifests/shop/web.yaml', 36, 11, 36, 25), { container: 'sidecar' }),
    finding('host-namespaces', agent, '/spec/template/spec/hostPID', 'Pod shares the host PID namespace (hostPID: true)', loc('manifests/monitoring/agent.yaml', 15, 16, 15, 20), { frameworks: refs({ cis: ['5.2.3'], pss: ['hostNamespaces'], mitre: ['T1611'] }) }),
    finding('resources-missing', worker, '/spec/jobTemplate/spec/template/spec/containers/0', 'Container "report" has no memory limit', loc('manifests/shop/cronjob.yaml', 18, 15, 18, 29), { container: 'report' }),
    finding('service-account-token', worker, '/spec/jobTemplate/spec/template/spec', 'Pod mounts the default service account token', loc('manifests/shop/cronjob.yaml', 12, 11, 12, 11)),
    finding('privileged-container', hostile, '/spec/containers/0/securityContext/privileged', `Container "${HOSTILE_NAME}" is privileged`, loc('charts/evil/templates/pod.yaml', 9, 23, 9, 27), { container: HOSTILE_NAME, template: 'evil/templates/pod.yaml' }),
    // A cluster object: no file, so no location.
    finding('cluster-admin-binding', binding, '/roleRef/name', 'ClusterRoleBinding "ops-admins" grants cluster-admin to group "ops"', undefined),
    // Suppressed, one of each kind.
    finding('run-as-root', agent, '/spec/template/spec/containers/0', 'Container "agent" may run as root: runAsUser is 0', loc('manifests/monitoring/agent.yaml', 20, 11, 20, 24), { container: 'agent', suppressed: { kind: 'annotation', reason: 'node agent needs root to read /proc' } }),
    finding('image-tag-latest', agent, '/spec/template/spec/containers/0/image', 'Container "agent" uses image "agent" without a tag', loc('manifests/monitoring/agent.yaml', 19, 18, 19, 23), { container: 'agent', suppressed: { kind: 'exception', reason: 'vendor image, tracked in SEC-42', source: 'rampart-exceptions.yaml#0' } }),
    finding('resources-missing', web, '/spec/template/spec/containers/1', 'Container "sidecar" has no CPU limit', loc('manifests/shop/web.yaml', 36, 11, 36, 25), { container: 'sidecar', suppressed: { kind: 'baseline', reason: 'present in baseline' } }),
  ];
  const active = findings.filter((f) => f.suppressed === undefined);
  const bySeverity = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  const byFramework = { cis: 0, nsa: 0, pss: 0, mitre: 0 };
  for (const f of active) {
    bySeverity[f.severity]++;
    for (const fw of ['cis', 'nsa', 'pss', 'mitre'] as const) if (f.frameworks[fw].length > 0) byFramework[fw]++;
  }
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'rampart', version: '0.1.0' },
    findings,
    errors: [
      { file: 'manifests/shop/broken.yaml', line: 7, column: 3, message: 'bad indentation of a mapping entry', code: 'yaml-syntax' },
      { file: 'charts/evil/templates/pod.yaml', line: 1, column: 1, message: `alias expansion limit exceeded in "<&>"`, code: 'alias-limit' },
    ],
    files: [
      { file: 'charts/evil/templates/pod.yaml', status: 'scanned', documents: 2, resources: 1, skipped: [], failedDocuments: 1 },
      { file: 'manifests/monitoring/agent.yaml', status: 'scanned', documents: 1, resources: 1, skipped: [], failedDocuments: 0 },
      { file: 'manifests/shop/broken.yaml', status: 'failed', reason: 'no document could be parsed', documents: 1, resources: 0, skipped: [], failedDocuments: 1 },
      { file: 'manifests/shop/cronjob.yaml', status: 'scanned', documents: 2, resources: 1, skipped: [{ documentIndex: 1, line: 30, reason: 'document has no apiVersion/kind' }], failedDocuments: 0 },
      { file: 'manifests/shop/notes.txt', status: 'skipped', reason: 'not a .yaml, .yml or .json file', documents: 0, resources: 0, skipped: [], failedDocuments: 0 },
      { file: 'manifests/shop/web.yaml', status: 'scanned', documents: 1, resources: 1, skipped: [], failedDocuments: 0 },
    ],
    summary: {
      files: { total: 6, scanned: 4, skipped: 1, failed: 1 },
      documents: { total: 7, scanned: 4, skipped: 1, failed: 2 },
      resources: 5,
      findings: { total: active.length, bySeverity, byFramework },
      suppressed: { total: 3, byKind: { annotation: 1, exception: 1, baseline: 1 } },
      unusedExceptions: [{ file: 'rampart-exceptions.yaml', index: 2, control: 'host-namespaces', reason: 'legacy monitoring stack' }],
      expiredExceptions: [{ file: 'rampart-exceptions.yaml', index: 3, control: 'privileged-container', expires: '2026-01-31' }],
      compliance: [
        {
          framework: 'cis',
          title: 'CIS Kubernetes Benchmark',
          version: 'v1.12',
          score: 33.3,
          items: [
            detailed({ id: '5.1.1', title: 'Ensure that the cluster-admin role is only used where required', status: 'failed', controls: ['cluster-admin-binding'], findings: 1 }, { automated: false }),
            { id: '5.1.6', title: 'Ensure that Service Account Tokens are only mounted where necessary', status: 'failed', controls: ['service-account-token'], findings: 1 },
            { id: '5.2.2', title: 'Minimize the admission of privileged containers', status: 'failed', controls: ['privileged-container'], findings: 2 },
            { id: '5.2.7', title: 'Minimize the admission of root containers', status: 'failed', controls: ['run-as-root'], findings: 1 },
            { id: '5.2.8', title: 'Minimize the admission of containers with the NET_RAW capability', status: 'passed', controls: ['net-raw'], findings: 0 },
            detailed({ id: '5.4.2', title: 'Consider external secret storage', status: 'manual', controls: [], findings: 0 }, { automated: false, manualReason: 'manual-recommendation', reason: 'manual recommendation: needs a human review' }),
            detailed({ id: '5.7.1', title: 'Create administrative boundaries between resources using namespaces', status: 'not-applicable', controls: ['namespaces-exist'], findings: 0 }, { automated: false, reason: 'the input holds no Namespace' }),
          ],
        },
        {
          framework: 'pss',
          title: 'Pod Security Standards',
          version: 'v1.30',
          score: null,
          items: [{ id: 'procMount', title: 'Proc mount type <Default|Unmasked>', status: 'not-applicable', controls: ['proc-mount'], findings: 0 }],
        },
      ],
      coverageGaps: [{ kind: 'Secret', namespace: 'kube-system', reason: 'could not list secrets in kube-system: forbidden' }],
      failOn: 'high',
      failed: true,
    },
  };
}

/** An empty, clean run (no findings, no errors). */
export function emptyResult(): ScanResult {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'rampart', version: '0.1.0' },
    findings: [],
    errors: [],
    files: [{ file: 'ok.yaml', status: 'scanned', documents: 1, resources: 1, skipped: [], failedDocuments: 0 }],
    summary: {
      files: { total: 1, scanned: 1, skipped: 0, failed: 0 },
      documents: { total: 1, scanned: 1, skipped: 0, failed: 0 },
      resources: 1,
      findings: { total: 0, bySeverity: { critical: 0, high: 0, medium: 0, low: 0, info: 0 }, byFramework: { cis: 0, nsa: 0, pss: 0, mitre: 0 } },
      suppressed: { total: 0, byKind: { annotation: 0, exception: 0, baseline: 0 } },
      unusedExceptions: [],
      expiredExceptions: [],
      compliance: [],
      coverageGaps: [],
      failOn: 'high',
      failed: false,
    },
  };
}

export function fixtureContext(overrides: Partial<FormatContext> = {}): FormatContext {
  return { color: false, cwd: FIXTURE_CWD, controls: FIXTURE_CONTROLS, ...overrides };
}
