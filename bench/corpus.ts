/**
 * Synthetic, realistic Kubernetes manifest corpus for benchmarks.
 *
 * Deterministic for a given seed: many namespaces, each a folder of application files holding
 * multi-document YAML (multi-container Deployments, StatefulSets, DaemonSets, CronJobs, Services,
 * ConfigMaps, RBAC, NetworkPolicies), some `kind: List` files and a few JSON files. Roughly a
 * third of the workloads carry insecure settings so controls have something to report.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dump } from 'js-yaml';

export interface CorpusOptions {
  /** Approximate number of Kubernetes objects to write (List items count individually). */
  resources: number;
  seed?: number;
}

export interface CorpusStats {
  files: number;
  resources: number;
  bytes: number;
}

/** mulberry32: tiny deterministic PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Obj = Record<string, unknown>;

class Gen {
  constructor(private readonly rnd: () => number) {}
  int(n: number): number {
    return Math.floor(this.rnd() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)] as T;
  }
  chance(p: number): boolean {
    return this.rnd() < p;
  }

  private image(): string {
    const repo = this.pick(['nginx', 'redis', 'postgres', 'ghcr.io/acme/api', 'registry.internal/acme/worker', 'busybox', 'quay.io/prometheus/node-exporter']);
    const tag = this.pick(['1.25.3', 'latest', '7.2', '16-alpine', 'v2.4.1', '', 'sha256']);
    if (tag === '') return repo;
    if (tag === 'sha256') return `${repo}@sha256:${'ab'.repeat(32)}`;
    return `${repo}:${tag}`;
  }

  private container(name: string): Obj {
    const c: Obj = {
      name,
      image: this.image(),
      imagePullPolicy: this.pick(['IfNotPresent', 'Always']),
      ports: [{ name: 'http', containerPort: 8080 + this.int(10), protocol: 'TCP' }],
      env: [
        { name: 'LOG_LEVEL', value: this.pick(['info', 'debug']) },
        { name: 'DB_HOST', valueFrom: { configMapKeyRef: { name: 'app-config', key: 'db.host' } } },
      ],
      resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
      volumeMounts: [{ name: 'config', mountPath: '/etc/app', readOnly: true }],
      readinessProbe: { httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 10 },
    };
    if (this.chance(0.3)) c['securityContext'] = { privileged: true, allowPrivilegeEscalation: true };
    else if (this.chance(0.6)) c['securityContext'] = { runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } };
    if (this.chance(0.2)) c['args'] = ['--config=/etc/app/config.yaml', '--listen=:8080', '--verbose'];
    return c;
  }

  private podSpec(app: string): Obj {
    const containers = [this.container(app)];
    const extra = this.int(3);
    for (let i = 0; i < extra; i++) containers.push(this.container(`${app}-sidecar-${i}`));
    const spec: Obj = {
      serviceAccountName: app,
      containers,
      volumes: [{ name: 'config', configMap: { name: 'app-config' } }],
    };
    if (this.chance(0.3)) spec['initContainers'] = [this.container(`${app}-init`)];
    if (this.chance(0.1)) spec['hostNetwork'] = true;
    if (this.chance(0.1)) spec['hostPID'] = true;
    if (this.chance(0.15)) (spec['volumes'] as Obj[]).push({ name: 'host', hostPath: { path: '/var/run/docker.sock' } });
    if (this.chance(0.5)) spec['securityContext'] = { runAsUser: this.pick([0, 1000, 65534]), fsGroup: 2000 };
    return spec;
  }

  private meta(name: string, ns: string, app: string): Obj {
    return { name, namespace: ns, labels: { app, 'app.kubernetes.io/part-of': 'shop', tier: this.pick(['web', 'backend', 'data']) }, annotations: { 'owner': 'team-' + this.pick(['a', 'b', 'c']) } };
  }

  workload(kind: string, ns: string, app: string): Obj {
    const template = { metadata: { labels: { app } }, spec: this.podSpec(app) };
    const selector = { matchLabels: { app } };
    const meta = this.meta(app, ns, app);
    switch (kind) {
      case 'Deployment':
        return { apiVersion: 'apps/v1', kind, metadata: meta, spec: { replicas: 1 + this.int(5), selector, template, strategy: { type: 'RollingUpdate' } } };
      case 'StatefulSet':
        return { apiVersion: 'apps/v1', kind, metadata: meta, spec: { serviceName: app, replicas: 3, selector, template, volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } } }] } };
      case 'DaemonSet':
        return { apiVersion: 'apps/v1', kind, metadata: meta, spec: { selector, template } };
      default:
        return { apiVersion: 'batch/v1', kind: 'CronJob', metadata: meta, spec: { schedule: '*/15 * * * *', concurrencyPolicy: 'Forbid', jobTemplate: { spec: { backoffLimit: 2, template: { ...template, spec: { ...template.spec, restartPolicy: 'OnFailure' } } } } } };
    }
  }

  companions(ns: string, app: string): Obj[] {
    const out: Obj[] = [];
    out.push({ apiVersion: 'v1', kind: 'Service', metadata: this.meta(app, ns, app), spec: { selector: { app }, ports: [{ name: 'http', port: 80, targetPort: 'http' }], type: this.pick(['ClusterIP', 'ClusterIP', 'LoadBalancer', 'NodePort']) } });
    if (this.chance(0.7)) out.push({ apiVersion: 'v1', kind: 'ConfigMap', metadata: this.meta(`${app}-config`, ns, app), data: { 'db.host': 'postgres.data.svc', 'config.yaml': 'listen: ":8080"\nlog:\n  level: info\nfeatures:\n  - a\n  - b\n' } });
    if (this.chance(0.6)) out.push({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: this.meta(app, ns, app), automountServiceAccountToken: this.chance(0.5) });
    if (this.chance(0.5)) {
      out.push({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: this.meta(app, ns, app), rules: [{ apiGroups: [''], resources: this.chance(0.2) ? ['*'] : ['configmaps', 'pods'], verbs: this.chance(0.2) ? ['*'] : ['get', 'list', 'watch'] }] });
      out.push({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: this.meta(app, ns, app), roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: app }, subjects: [{ kind: 'ServiceAccount', name: app, namespace: ns }] });
    }
    if (this.chance(0.4)) out.push({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: this.meta(`${app}-ingress`, ns, app), spec: { podSelector: { matchLabels: { app } }, policyTypes: ['Ingress'], ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress' } } }, { podSelector: { matchLabels: { tier: 'web' } } }], ports: [{ port: 8080, protocol: 'TCP' }] }] } });
    return out;
  }
}

const WORKLOAD_KINDS = ['Deployment', 'Deployment', 'Deployment', 'StatefulSet', 'DaemonSet', 'CronJob'] as const;

/** Write the corpus under `dir` and return what was written. */
export function generateCorpus(dir: string, opts: CorpusOptions): CorpusStats {
  const g = new Gen(prng(opts.seed ?? 42));
  const stats: CorpusStats = { files: 0, resources: 0, bytes: 0 };
  const write = (path: string, text: string): void => {
    writeFileSync(path, text);
    stats.files++;
    stats.bytes += Buffer.byteLength(text);
  };
  let app = 0;
  let nsIndex = 0;
  while (stats.resources < opts.resources) {
    const ns = `team-${String(nsIndex++).padStart(3, '0')}`;
    const nsDir = join(dir, ns);
    mkdirSync(nsDir, { recursive: true });
    write(join(nsDir, 'namespace.yaml'), dump({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: { 'pod-security.kubernetes.io/enforce': g.pick(['privileged', 'baseline', 'restricted']) } } }));
    stats.resources++;
    for (let i = 0; i < 20 && stats.resources < opts.resources; i++) {
      const name = `app-${String(app++).padStart(5, '0')}`;
      const objects = [g.workload(g.pick(WORKLOAD_KINDS), ns, name), ...g.companions(ns, name)];
      stats.resources += objects.length;
      const style = g.int(20);
      if (style === 0) {
        // kubectl-style List
        write(join(nsDir, `${name}.list.yaml`), dump({ apiVersion: 'v1', kind: 'List', items: objects }));
      } else if (style === 1) {
        // One JSON file per object, as `kubectl get -o json` would write them.
        objects.forEach((o, j) => write(join(nsDir, `${name}-${j}.json`), JSON.stringify(o, null, 2) + '\n'));
      } else if (style === 2) {
        // One file per object, in a sub-folder.
        const sub = join(nsDir, name);
        mkdirSync(sub, { recursive: true });
        objects.forEach((o, j) => write(join(sub, `${String(j).padStart(2, '0')}-${String(o['kind']).toLowerCase()}.yml`), dump(o)));
      } else {
        const body = objects.map((o) => `# ${String(o['kind'])} for ${name}\n${dump(o, { lineWidth: -1 })}`).join('---\n');
        write(join(nsDir, `${name}.yaml`), '---\n' + body);
      }
    }
  }
  return stats;
}
