import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluatePod, evaluateResource, joinViolations } from './evaluate.js';
import { LATEST, minorVersion } from './levels.js';
import type { Level, LevelVersion } from './types.js';
import { loadText } from '../../input/text.js';

const lv = (level: Level, minor?: number): LevelVersion => ({ level, version: minor === undefined ? LATEST : minorVersion(minor) });

/** A pod that satisfies restricted:latest; cases tweak it. */
function restrictedPod(): { metadata: Record<string, unknown>; spec: Record<string, any> } {
  const sc = () => ({ allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
  return {
    metadata: { name: 'p' },
    spec: {
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      initContainers: [{ name: 'init', image: 'i', securityContext: sc() }],
      containers: [
        { name: 'a', image: 'i', securityContext: sc() },
        { name: 'b', image: 'i', securityContext: sc() },
      ],
    },
  };
}

interface Case {
  name: string;
  level: LevelVersion;
  tweak: (pod: ReturnType<typeof restrictedPod>) => void;
  /** Exact aggregate message; '' = allowed. */
  message: string;
  checks?: string[];
}

const cases: Case[] = [
  { name: 'restricted pod is allowed at restricted:latest', level: lv('restricted'), tweak: () => {}, message: '' },
  {
    name: 'privileged level allows everything',
    level: lv('privileged'),
    tweak: (p) => {
      p.spec.hostPID = true;
      p.spec.containers[0].securityContext.privileged = true;
    },
    message: '',
  },
  {
    name: 'host namespaces listed in fixed order',
    level: lv('baseline'),
    tweak: (p) => {
      p.spec.hostIPC = true;
      p.spec.hostPID = true;
    },
    message: 'host namespaces (hostPID=true, hostIPC=true)',
  },
  {
    name: 'privileged containers, plural',
    level: lv('baseline'),
    tweak: (p) => {
      p.spec.containers[0].securityContext.privileged = true;
      p.spec.initContainers[0].securityContext.privileged = true;
    },
    message: 'privileged (containers "init", "a" must not set securityContext.privileged=true)',
  },
  {
    name: 'baseline capabilities: sorted capability set',
    level: lv('baseline'),
    tweak: (p) => {
      p.spec.containers[0].securityContext.capabilities.add = ['SYS_ADMIN', 'NET_RAW', 'CHOWN'];
    },
    message: 'non-default capabilities (container "a" must not include "NET_RAW", "SYS_ADMIN" in securityContext.capabilities.add)',
  },
  {
    name: 'restricted capabilities override the baseline check and combine both details',
    level: lv('restricted'),
    tweak: (p) => {
      p.spec.containers[0].securityContext.capabilities = { add: ['SYS_ADMIN', 'NET_BIND_SERVICE'], drop: ['ALL'] };
      delete p.spec.containers[1].securityContext.capabilities;
    },
    message:
      'unrestricted capabilities (container "b" must set securityContext.capabilities.drop=["ALL"]; container "a" must not include "SYS_ADMIN" in securityContext.capabilities.add)',
    checks: ['capabilities_restricted'],
  },
  {
    name: 'restricted before v1.22 uses the baseline capabilities check',
    level: lv('restricted', 21),
    tweak: (p) => {
      p.spec.containers[0].securityContext.capabilities = { add: ['SYS_ADMIN'] };
    },
    message: 'non-default capabilities (container "a" must not include "SYS_ADMIN" in securityContext.capabilities.add)',
  },
  {
    name: 'issue example: escalation then capabilities, restricted order',
    level: lv('restricted'),
    tweak: (p) => {
      p.spec.initContainers = [];
      p.spec.containers = [
        { name: 'x', image: 'i', securityContext: { capabilities: { drop: ['ALL'] } } },
        { name: 'a', image: 'i', securityContext: { allowPrivilegeEscalation: false } },
        { name: 'b', image: 'i', securityContext: { allowPrivilegeEscalation: false } },
      ];
    },
    message:
      'allowPrivilegeEscalation != false (container "x" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (containers "a", "b" must set securityContext.capabilities.drop=["ALL"])',
  },
  {
    name: 'allowPrivilegeEscalation is not checked before v1.8',
    level: lv('restricted', 7),
    tweak: (p) => {
      p.spec.containers[0].securityContext.allowPrivilegeEscalation = true;
    },
    message: '',
  },
  {
    name: 'hostPath under baseline',
    level: lv('baseline'),
    tweak: (p) => {
      p.spec.volumes = [{ name: 'h', hostPath: { path: '/' } }, { name: 'e', emptyDir: {} }];
    },
    message: 'hostPath volumes (volume "h")',
  },
  {
    name: 'hostPath under restricted is reported once, as a restricted volume type',
    level: lv('restricted'),
    tweak: (p) => {
      p.spec.volumes = [{ name: 'h', hostPath: { path: '/' } }, { name: 'n', nfs: { server: 's', path: '/' } }, { name: 'd' }, { name: 'img', image: { reference: 'x' } }];
    },
    message: 'restricted volume types (volumes "h", "n" use restricted volume types "hostPath", "nfs")',
    checks: ['restrictedVolumes'],
  },
  {
    name: 'host ports: containers and sorted ports',
    level: lv('baseline'),
    tweak: (p) => {
      p.spec.containers[0].ports = [{ containerPort: 80, hostPort: 8080 }, { containerPort: 9, hostPort: 10 }];
      p.spec.containers[1].ports = [{ containerPort: 443, hostPort: 443 }];
    },
    message: 'hostPort (containers "a", "b" use hostPorts 10, 443, 8080)',
  },
  {
    name: 'bare Pod with hostNetwork: containerPort becomes hostPort',
    level: lv('baseline'),
    tweak: (p) => {
      p.spec.hostNetwork = true;
      p.spec.containers[0].ports = [{ containerPort: 8080 }];
    },
    message: 'host namespaces (hostNetwork=true), hostPort (container "a" uses hostPort 8080)',
  },
  {
    name: 'probe and lifecycle hosts from v1.34',
    level: lv('baseline', 34),
    tweak: (p) => {
      p.spec.containers[1].livenessProbe = { httpGet: { host: 'b.example', port: 80 } };
      p.spec.containers[0].lifecycle = { preStop: { tcpSocket: { host: 'a.example', port: 1 } } };
    },
    message: 'probe or lifecycle host (containers "a", "b" use probe or lifecycle hosts "a.example", "b.example")',
  },
  {
    name: 'probe hosts are not checked before v1.34',
    level: lv('baseline', 33),
    tweak: (p) => {
      p.spec.containers[0].readinessProbe = { httpGet: { host: 'x', port: 80 } };
    },
    message: '',
  },
  {
    name: 'AppArmor field and annotation',
    level: lv('baseline'),
    tweak: (p) => {
      p.spec.securityContext.appArmorProfile = { type: 'Unconfined' };
      p.metadata.annotations = { 'container.apparmor.security.beta.kubernetes.io/a': 'unconfined' };
    },
    message:
      'forbidden AppArmor profiles (pod and annotation must not set AppArmor profile type to "Unconfined", "container.apparmor.security.beta.kubernetes.io/a="unconfined"")',
  },
  {
    name: 'SELinux: container_engine_t allowed from v1.31 only',
    level: lv('baseline', 30),
    tweak: (p) => {
      p.spec.containers[0].securityContext.seLinuxOptions = { type: 'container_engine_t' };
    },
    message: 'seLinuxOptions (container "a" set forbidden securityContext.seLinuxOptions: type "container_engine_t")',
  },
  {
    name: 'SELinux: container_engine_t at v1.31',
    level: lv('baseline', 31),
    tweak: (p) => {
      p.spec.containers[0].securityContext.seLinuxOptions = { type: 'container_engine_t' };
    },
    message: '',
  },
  {
    name: 'SELinux: user and role without a bad type',
    level: lv('baseline'),
    tweak: (p) => {
      p.spec.securityContext.seLinuxOptions = { user: 'u', role: 'r' };
    },
    message: 'seLinuxOptions (pod set forbidden securityContext.seLinuxOptions: user may not be set; role may not be set)',
  },
  {
    name: 'procMount Unmasked is baseline-forbidden',
    level: lv('baseline'),
    tweak: (p) => {
      p.spec.containers[0].securityContext.procMount = 'Unmasked';
    },
    message: 'procMount (container "a" must not set securityContext.procMount to "Unmasked")',
  },
  {
    name: 'procMount Unmasked in a user namespace: baseline allows from v1.35',
    level: lv('baseline', 35),
    tweak: (p) => {
      p.spec.hostUsers = false;
      p.spec.containers[0].securityContext.procMount = 'Unmasked';
    },
    message: '',
  },
  {
    name: 'procMount Unmasked in a user namespace: baseline v1.34 still forbids',
    level: lv('baseline', 34),
    tweak: (p) => {
      p.spec.hostUsers = false;
      p.spec.containers[0].securityContext.procMount = 'Unmasked';
    },
    message: 'procMount (container "a" must not set securityContext.procMount to "Unmasked")',
  },
  {
    name: 'procMount Unmasked in a user namespace: restricted still forbids (procMount_restricted)',
    level: lv('restricted'),
    tweak: (p) => {
      p.spec.hostUsers = false;
      p.spec.containers[0].securityContext.procMount = 'Unmasked';
    },
    message: 'procMount (container "a" must not set securityContext.procMount to "Unmasked")',
    checks: ['procMount_restricted'],
  },
  {
    name: 'seccomp annotations before v1.19',
    level: lv('baseline', 18),
    tweak: (p) => {
      p.metadata.annotations = { 'seccomp.security.alpha.kubernetes.io/pod': 'unconfined', 'container.seccomp.security.alpha.kubernetes.io/a': 'runtime/default' };
    },
    message: 'seccompProfile (forbidden annotation seccomp.security.alpha.kubernetes.io/pod="unconfined")',
  },
  {
    name: 'seccomp Unconfined on pod and container',
    level: lv('baseline'),
    tweak: (p) => {
      p.spec.securityContext.seccompProfile = { type: 'Unconfined' };
      p.spec.containers[1].securityContext.seccompProfile = { type: 'Bogus' };
    },
    message: 'seccompProfile (pod and container "b" must not set securityContext.seccompProfile.type to "Bogus", "Unconfined")',
  },
  {
    name: 'restricted seccomp: containers without a profile and no pod profile',
    level: lv('restricted'),
    tweak: (p) => {
      delete p.spec.securityContext.seccompProfile;
      p.spec.containers[0].securityContext.seccompProfile = { type: 'Localhost', localhostProfile: 'x' };
    },
    message: 'seccompProfile (pod or containers "init", "b" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")',
  },
  {
    name: 'Windows pods are exempt from restricted seccomp/capabilities/escalation from v1.25',
    level: lv('restricted'),
    tweak: (p) => {
      p.spec.os = { name: 'windows' };
      p.spec.securityContext = { runAsNonRoot: true };
      for (const c of [...p.spec.containers, ...p.spec.initContainers]) delete c.securityContext;
    },
    message: '',
  },
  {
    name: 'Windows pods are not exempt at v1.24',
    level: lv('restricted', 24),
    tweak: (p) => {
      p.spec.os = { name: 'windows' };
      p.spec.initContainers = [];
      p.spec.containers = [{ name: 'w', image: 'i' }];
    },
    message:
      'allowPrivilegeEscalation != false (container "w" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container "w" must set securityContext.capabilities.drop=["ALL"])',
  },
  {
    name: 'runAsNonRoot explicit false beats implicit',
    level: lv('restricted'),
    tweak: (p) => {
      p.spec.securityContext.runAsNonRoot = false;
      p.spec.containers[1].securityContext.runAsNonRoot = false;
    },
    message: 'runAsNonRoot != true (pod and container "b" must not set securityContext.runAsNonRoot=false)',
  },
  {
    name: 'runAsNonRoot implicit',
    level: lv('restricted'),
    tweak: (p) => {
      delete p.spec.securityContext.runAsNonRoot;
      p.spec.containers[0].securityContext.runAsNonRoot = true;
    },
    message: 'runAsNonRoot != true (pod or containers "init", "b" must set securityContext.runAsNonRoot=true)',
  },
  {
    name: 'runAsUser=0 from v1.23',
    level: lv('restricted', 23),
    tweak: (p) => {
      p.spec.securityContext.runAsUser = 0;
      p.spec.containers[0].securityContext.runAsUser = 0;
    },
    message: 'runAsUser=0 (pod and container "a" must not set runAsUser=0)',
  },
  {
    name: 'runAsUser=0 is not checked at v1.22',
    level: lv('restricted', 22),
    tweak: (p) => {
      p.spec.securityContext.runAsUser = 0;
    },
    message: '',
  },
  {
    name: 'user namespace relaxes runAsNonRoot and runAsUser from v1.35',
    level: lv('restricted', 35),
    tweak: (p) => {
      p.spec.hostUsers = false;
      p.spec.securityContext = { runAsUser: 0, seccompProfile: { type: 'RuntimeDefault' } };
    },
    message: '',
  },
  {
    name: 'user namespace does not relax runAsNonRoot at v1.34',
    level: lv('restricted', 34),
    tweak: (p) => {
      p.spec.hostUsers = false;
      p.spec.securityContext = { runAsUser: 0, seccompProfile: { type: 'RuntimeDefault' } };
    },
    message:
      'runAsNonRoot != true (pod or containers "init", "a", "b" must set securityContext.runAsNonRoot=true), runAsUser=0 (pod must not set runAsUser=0)',
  },
  {
    name: 'sysctls: list grows with the version',
    level: lv('baseline', 36),
    tweak: (p) => {
      p.spec.securityContext.sysctls = [{ name: 'net.ipv4.tcp_rmem', value: '1' }, { name: 'net.ipv4.tcp_notsent_lowat', value: '1' }, { name: 'kernel.msgmax', value: '1' }];
    },
    message: 'forbidden sysctls (net.ipv4.tcp_notsent_lowat, kernel.msgmax)',
  },
  {
    name: 'sysctls at latest allow the v1.37 additions',
    level: lv('baseline'),
    tweak: (p) => {
      p.spec.securityContext.sysctls = [{ name: 'net.ipv4.tcp_notsent_lowat', value: '1' }];
    },
    message: '',
  },
  {
    name: 'HostProcess on pod and containers',
    level: lv('baseline'),
    tweak: (p) => {
      p.spec.securityContext.windowsOptions = { hostProcess: true };
      p.spec.containers[0].securityContext.windowsOptions = { hostProcess: true };
    },
    message: 'hostProcess (pod and container "a" must not set securityContext.windowsOptions.hostProcess=true)',
  },
  {
    name: 'ephemeral containers are checked',
    level: lv('baseline'),
    tweak: (p) => {
      p.spec.ephemeralContainers = [{ name: 'debug', image: 'i', securityContext: { privileged: true } }];
    },
    message: 'privileged (container "debug" must not set securityContext.privileged=true)',
  },
  {
    name: 'baseline checks run before restricted ones, each sorted by ID',
    level: lv('restricted'),
    tweak: (p) => {
      p.spec.hostNetwork = true;
      p.spec.containers[0].securityContext.privileged = true;
      p.spec.containers[0].securityContext.runAsUser = 0;
      p.spec.securityContext.sysctls = [{ name: 'kernel.msgmax' }];
    },
    message:
      'host namespaces (hostNetwork=true), privileged (container "a" must not set securityContext.privileged=true), forbidden sysctls (kernel.msgmax), runAsUser=0 (container "a" must not set runAsUser=0)',
    checks: ['hostNamespaces', 'privileged', 'sysctls', 'runAsUser'],
  },
  {
    name: 'null fields are unset, as a typed decode leaves nil pointers',
    level: lv('restricted'),
    tweak: (p) => {
      p.spec.volumes = [{ name: 'v', hostPath: null }]; // no source left: defaulted to emptyDir
      p.spec.containers[0].securityContext.seccompProfile = null;
      p.spec.hostNetwork = null;
    },
    message: '',
  },
  {
    name: 'unnamed containers print as ""',
    level: lv('baseline'),
    tweak: (p) => {
      p.spec.containers[0] = { image: 'i', securityContext: { privileged: true } };
    },
    message: 'privileged (container "" must not set securityContext.privileged=true)',
  },
  {
    name: 'empty seccomp profile type is a bad value',
    level: lv('baseline'),
    tweak: (p) => {
      p.spec.securityContext.seccompProfile = {};
    },
    message: 'seccompProfile (pod must not set securityContext.seccompProfile.type to "")',
  },
  {
    name: 'an empty pod seccomp annotation is forbidden before v1.19',
    level: lv('restricted', 18),
    tweak: (p) => {
      p.metadata.annotations = { 'seccomp.security.alpha.kubernetes.io/pod': '' };
    },
    message: 'seccompProfile (forbidden annotation seccomp.security.alpha.kubernetes.io/pod="")',
  },
  {
    name: 'empty and localhost AppArmor annotations are allowed',
    level: lv('baseline'),
    tweak: (p) => {
      p.metadata.annotations = { 'container.apparmor.security.beta.kubernetes.io/a': '', 'container.apparmor.security.beta.kubernetes.io/b': 'localhost/x' };
    },
    message: '',
  },
  {
    name: 'versions beyond the newest evaluate as the newest',
    level: lv('baseline', 99),
    tweak: (p) => {
      p.spec.securityContext.sysctls = [{ name: 'net.ipv4.tcp_notsent_lowat' }];
    },
    message: '',
  },
];

describe('evaluatePod', () => {
  for (const c of cases) {
    test(c.name, () => {
      const pod = restrictedPod();
      c.tweak(pod);
      const result = evaluatePod(pod, c.level);
      assert.equal(result.message, c.message);
      assert.equal(result.allowed, c.message === '');
      if (c.checks) assert.deepEqual(result.violations.map((v) => v.check), c.checks);
      for (const v of result.violations) assert.ok(v.paths.length > 0, `${v.check} has a path`);
    });
  }
});

describe('joinViolations', () => {
  test('reason without detail has no parentheses', () => {
    assert.equal(joinViolations([{ reason: 'a', detail: '' }, { reason: 'b', detail: 'x' }]), 'a, b (x)');
  });
});

describe('evaluateResource', () => {
  const deployment = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: shop }
spec:
  template:
    metadata:
      annotations:
        container.apparmor.security.beta.kubernetes.io/web: unconfined
    spec:
      hostNetwork: true
      containers:
      - name: web
        image: nginx
        ports: [{ containerPort: 80 }]
        securityContext: { privileged: true }
`;
  test('pod templates are evaluated like pods, without bare-Pod port defaulting, paths into the object', () => {
    const [r] = loadText(deployment, 'd.yaml').resources;
    const result = evaluateResource(r!.object, lv('baseline'));
    assert.ok(result);
    assert.deepEqual(result.violations.map((v) => v.check), ['appArmorProfile', 'hostNamespaces', 'privileged']);
    assert.deepEqual(result.violations.map((v) => v.paths[0]), [
      '/spec/template/metadata/annotations/container.apparmor.security.beta.kubernetes.io~1web',
      '/spec/template/spec/hostNetwork',
      '/spec/template/spec/containers/0/securityContext/privileged',
    ]);
  });
  test('the same spec as a bare Pod gets the hostPort default', () => {
    const pod = `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  hostNetwork: true
  containers:
  - name: web
    image: nginx
    ports: [{ containerPort: 80 }]
`;
    const [r] = loadText(pod, 'p.yaml').resources;
    const result = evaluateResource(r!.object, lv('baseline'));
    assert.equal(result?.message, 'host namespaces (hostNetwork=true), hostPort (container "web" uses hostPort 80)');
    assert.equal(result?.violations[1]?.paths[0], '/spec/containers/0/ports/0/containerPort');
  });
  test('non-workload kinds are not evaluated', () => {
    assert.equal(evaluateResource({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } }, lv('restricted')), undefined);
  });
});

describe('API server AppArmor version skew on pod create', () => {
  const baseline: LevelVersion = { level: 'baseline', version: LATEST };
  const pod = (podProfile?: Record<string, unknown>, os?: string) => ({
    metadata: { annotations: { 'container.apparmor.security.beta.kubernetes.io/c0': 'unconfined' } },
    spec: {
      ...(os ? { os: { name: os } } : {}),
      ...(podProfile ? { securityContext: { appArmorProfile: podProfile } } : {}),
      containers: [{ name: 'c0', image: 'x' }],
    },
  });
  test('a bare pod: the annotation is copied into the container field, and PSA reports both', () => {
    const r = evaluatePod(pod(), baseline, { barePod: true });
    assert.match(r.message, /forbidden AppArmor profiles \(container "c0" and annotation /);
  });
  test('a pod template: no copying, only the annotation is reported', () => {
    const r = evaluatePod(pod(), baseline, { barePod: false });
    assert.match(r.message, /forbidden AppArmor profile \(annotation /);
  });
  test('not copied when equal to the pod-level profile, nor for Windows pods', () => {
    const samePod = evaluatePod(pod({ type: 'Unconfined' }), baseline, { barePod: true }).message;
    assert.match(samePod, /^forbidden AppArmor profiles \(pod and annotation /);
    assert.doesNotMatch(samePod, /container "c0"/);
    assert.doesNotMatch(evaluatePod(pod(undefined, 'windows'), baseline, { barePod: true }).message, /container "c0"/);
  });
});

describe('evaluateResource memo', () => {
  test('one object evaluated at several levels and versions gets each its own answer, in any order', () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { template: { metadata: {}, spec: { containers: [{ name: 'app', image: 'app:1', securityContext: { seccompProfile: { type: 'RuntimeDefault' } } }] } } },
    };
    const restricted: LevelVersion = { level: 'restricted', version: LATEST };
    const baseline: LevelVersion = { level: 'baseline', version: LATEST };
    const first = evaluateResource(deployment, restricted);
    assert.equal(first?.allowed, false);
    assert.equal(evaluateResource(deployment, baseline)?.allowed, true);
    assert.equal(evaluateResource(deployment, restricted), first, 'the same level and version is answered from the memo');
    // A patched copy is a different object: evaluated afresh.
    const fixed = structuredClone(deployment);
    fixed.spec.template.spec.containers[0]!.securityContext = { seccompProfile: { type: 'RuntimeDefault' }, allowPrivilegeEscalation: false, runAsNonRoot: true, capabilities: { drop: ['ALL'] } } as never;
    assert.equal(evaluateResource(fixed, restricted)?.allowed, true);
    assert.equal(evaluateResource(deployment, restricted)?.allowed, false);
  });
});
