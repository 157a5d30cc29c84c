import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import privileged from '../controls/rules/workload/privileged-container.js';
import capsNotDropped from '../controls/rules/workload/capabilities-not-dropped.js';
import readOnlyRoot from '../controls/rules/workload/read-only-root-filesystem.js';
import seccomp from '../controls/rules/workload/seccomp-profile.js';
import limitRange from '../controls/rules/exposure/namespace-without-limit-range.js';
import nsPssLabels from '../controls/rules/exposure/namespace-without-pod-security-labels.js';
import { podSecurityNamespace } from '../pss/controls.js';
import { AdmissionEngine } from './engine.js';
import { parseAdmissionConfig } from './config.js';
import type { AdmissionRequest, Decision } from './types.js';
import { goodContainer, namespaceObject, pod, request, resolved } from './testing.js';

const CONTROLS = resolved([privileged, capsNotDropped, readOnlyRoot, seccomp, limitRange, nsPssLabels, podSecurityNamespace]);
const KNOWN = new Set(CONTROLS.map((c) => c.control.meta.id));

function engine(admission: unknown = {}): AdmissionEngine {
  return new AdmissionEngine({ controls: CONTROLS, config: parseAdmissionConfig(admission, KNOWN) });
}

const privilegedPod = (ns = 'apps'): ReturnType<typeof pod> =>
  pod('evil', [{ ...goodContainer(), securityContext: { ...(goodContainer()['securityContext'] as object), privileged: true, allowPrivilegeEscalation: true } }], { namespace: ns });
const compliantPod = (ns = 'apps'): ReturnType<typeof pod> => pod('good', [goodContainer()], { namespace: ns });
/** Compliant except that it keeps default capabilities (medium → warn by default). */
const capsPod = (ns = 'apps'): ReturnType<typeof pod> => {
  const c = goodContainer();
  c['securityContext'] = { ...(c['securityContext'] as object), capabilities: {} };
  return pod('caps', [c], { namespace: ns });
};
/** Compliant except a writable root filesystem (low → audit by default). */
const writablePod = (): ReturnType<typeof pod> => {
  const c = goodContainer();
  c['securityContext'] = { ...(c['securityContext'] as object), readOnlyRootFilesystem: false };
  return pod('rw', [c]);
};

function controlsOf(d: Decision): string[] {
  return d.controls.map((c) => `${c.control}:${c.action}`).sort();
}

describe('admission validate: actions', () => {
  it('denies an enforced violation with 403 naming the control and the fix', () => {
    const d = engine().validate(request(privilegedPod()));
    assert.equal(d.response.allowed, false);
    assert.equal(d.response.status?.code, 403);
    assert.equal(d.response.status?.reason, 'Forbidden');
    assert.match(d.response.status?.message ?? '', /^Rampart denied Pod apps\/evil: 1 control violated: \[privileged-container\] .*"app".*\(fix: /);
    assert.equal(d.outcome, 'denied');
    assert.deepEqual(controlsOf(d), ['privileged-container:enforce']);
  });

  it('admits a compliant pod with no warnings or annotations', () => {
    const d = engine().validate(request(compliantPod()));
    assert.deepEqual(d.response, { uid: d.response.uid, allowed: true });
    assert.equal(d.outcome, 'allowed');
  });

  it('warns (allowed) for medium findings and audits low ones by default', () => {
    const w = engine().validate(request(capsPod()));
    assert.equal(w.response.allowed, true);
    assert.equal(w.outcome, 'warned');
    assert.equal(w.response.warnings?.length, 1);
    assert.match(w.response.warnings?.[0] ?? '', /^rampart \[capabilities-not-dropped\]: container "app"/);
    const a = engine().validate(request(writablePod()));
    assert.equal(a.response.allowed, true);
    assert.equal(a.response.warnings, undefined);
    assert.match(a.response.auditAnnotations?.['read-only-root-filesystem'] ?? '', /container "app"/);
  });

  it('takes the action from each finding severity: seccomp Unconfined (high) enforces, unset (medium) warns', () => {
    const c = goodContainer();
    c['securityContext'] = { ...(c['securityContext'] as object), seccompProfile: { type: 'Unconfined' } };
    const unconfined = engine().validate(request(pod('u', [c])));
    assert.equal(unconfined.response.allowed, false);
    assert.match(unconfined.response.status?.message ?? '', /\[seccomp-profile\].*Unconfined/);
    const unset = goodContainer();
    delete (unset['securityContext'] as Record<string, unknown>)['seccompProfile'];
    const d = engine().validate(request(pod('n', [unset])));
    assert.equal(d.response.allowed, true);
    assert.match(d.response.warnings?.join('\n') ?? '', /\[seccomp-profile\]/);
  });

  const table: { name: string; config: unknown; obj: () => ReturnType<typeof pod>; allowed: boolean; controls: string[] }[] = [
    { name: 'control set to warn', config: { controls: { 'privileged-container': 'warn' } }, obj: privilegedPod, allowed: true, controls: ['privileged-container:warn'] },
    { name: 'control set to audit', config: { controls: { 'privileged-container': 'audit' } }, obj: privilegedPod, allowed: true, controls: ['privileged-container:audit'] },
    { name: 'control set to off', config: { controls: { 'privileged-container': { action: 'off' } } }, obj: privilegedPod, allowed: true, controls: [] },
    { name: 'warn control raised to enforce', config: { controls: { 'capabilities-not-dropped': 'enforce' } }, obj: capsPod, allowed: false, controls: ['capabilities-not-dropped:enforce'] },
    { name: 'namespace ceiling warn', config: { namespaces: { apps: 'warn' } }, obj: privilegedPod, allowed: true, controls: ['privileged-container:warn'] },
    { name: 'ceiling of another namespace', config: { namespaces: { other: 'warn' } }, obj: privilegedPod, allowed: false, controls: ['privileged-container:enforce'] },
    { name: 'namespace ceiling cannot raise', config: { namespaces: { apps: 'enforce' } }, obj: capsPod, allowed: true, controls: ['capabilities-not-dropped:warn'] },
    { name: 'namespace exact per control', config: { namespaces: { apps: { controls: { 'capabilities-not-dropped': 'enforce' } } } }, obj: capsPod, allowed: false, controls: ['capabilities-not-dropped:enforce'] },
    { name: 'namespace exact off', config: { namespaces: { apps: { controls: { 'privileged-container': 'off' } } } }, obj: privilegedPod, allowed: true, controls: [] },
    { name: 'enforceAt critical turns high into warn', config: { enforceAt: 'critical', warnAt: 'low' }, obj: writablePod, allowed: true, controls: ['read-only-root-filesystem:warn'] },
  ];
  for (const t of table) {
    it(`config: ${t.name}`, () => {
      const d = engine(t.config).validate(request(t.obj()));
      assert.equal(d.response.allowed, t.allowed);
      assert.deepEqual(controlsOf(d), t.controls);
    });
  }
});

describe('admission validate: namespace label override', () => {
  const label = (v: string) => namespaceObject('apps', { 'rampart.dev/enforce': v });
  it('rampart.dev/enforce: warn turns denials into warnings (rollouts)', () => {
    const d = engine().validate(request(privilegedPod()), label('warn'));
    assert.equal(d.response.allowed, true);
    assert.match(d.response.warnings?.[0] ?? '', /^rampart \[privileged-container\]/);
  });
  it('rampart.dev/enforce: audit turns denials into audit annotations', () => {
    const d = engine().validate(request(privilegedPod()), label('audit'));
    assert.equal(d.response.allowed, true);
    assert.ok(d.response.auditAnnotations?.['privileged-container']);
  });
  it('rampart.dev/enforce: enforce changes nothing', () => {
    assert.equal(engine().validate(request(privilegedPod()), label('enforce')).response.allowed, false);
  });
  it('rejects "off" (and any unknown value) with a warning, still enforcing', () => {
    for (const v of ['off', 'Warn', '']) {
      const d = engine().validate(request(privilegedPod()), label(v));
      assert.equal(d.response.allowed, false, v);
      assert.match(d.response.warnings?.[0] ?? '', /namespace label rampart\.dev\/enforce=".*" is not one of enforce, warn, audit/);
    }
  });
  it('is ignored when namespaceLabelOverride is false', () => {
    assert.equal(engine({ namespaceLabelOverride: false }).validate(request(privilegedPod()), label('warn')).response.allowed, false);
  });
  it('a Namespace object is judged with its own labels', () => {
    const e = engine({ controls: { 'namespace-without-pod-security-labels': 'enforce' } });
    assert.equal(e.validate(request(namespaceObject('apps'))).response.allowed, false);
    assert.equal(e.validate(request(namespaceObject('apps', { 'rampart.dev/enforce': 'warn' }))).response.allowed, true);
  });
  it('feeds the Namespace to namespace-aware controls (Pod Security labels)', () => {
    const ns = namespaceObject('apps', { 'pod-security.kubernetes.io/enforce': 'baseline' });
    const d = engine().validate(request(privilegedPod()), ns);
    assert.ok(controlsOf(d).includes('pod-security-namespace:enforce'), controlsOf(d).join());
    assert.ok(!controlsOf(engine().validate(request(privilegedPod()))).includes('pod-security-namespace:enforce'));
  });
});

describe('admission validate: exemptions', () => {
  const cases: { name: string; config: unknown; req: () => AdmissionRequest; skipped: string | undefined }[] = [
    { name: 'kube-system always', config: { exemptions: { namespaces: [] } }, req: () => request(privilegedPod('kube-system')), skipped: 'exempt-namespace' },
    { name: "Rampart's own namespace by default", config: {}, req: () => request(privilegedPod('rampart-system')), skipped: 'exempt-namespace' },
    { name: 'own namespace from config', config: { namespace: 'sec' }, req: () => request(privilegedPod('sec')), skipped: 'exempt-namespace' },
    { name: 'old own namespace no longer exempt', config: { namespace: 'sec' }, req: () => request(privilegedPod('rampart-system')), skipped: undefined },
    { name: 'configured namespace', config: { exemptions: { namespaces: ['monitoring'] } }, req: () => request(privilegedPod('monitoring')), skipped: 'exempt-namespace' },
    { name: 'user', config: { exemptions: { users: ['root-admin'] } }, req: () => request(privilegedPod(), { user: { username: 'root-admin' } }), skipped: 'exempt-user' },
    { name: 'other user', config: { exemptions: { users: ['root-admin'] } }, req: () => request(privilegedPod(), { user: { username: 'root-admin2' } }), skipped: undefined },
    { name: 'group', config: { exemptions: { groups: ['platform'] } }, req: () => request(privilegedPod(), { user: { username: 'bob', groups: ['x', 'platform'] } }), skipped: 'exempt-group' },
    { name: 'service account ns/name', config: { exemptions: { serviceAccounts: ['ci/deployer'] } }, req: () => request(privilegedPod(), { user: { username: 'system:serviceaccount:ci:deployer' } }), skipped: 'exempt-service-account' },
    { name: 'service account ns:name', config: { exemptions: { serviceAccounts: ['ci:deployer'] } }, req: () => request(privilegedPod(), { user: { username: 'system:serviceaccount:ci:deployer' } }), skipped: 'exempt-service-account' },
    { name: 'other service account', config: { exemptions: { serviceAccounts: ['ci/deployer'] } }, req: () => request(privilegedPod(), { user: { username: 'system:serviceaccount:ci:other' } }), skipped: undefined },
    { name: 'user named like the service account is not it', config: { exemptions: { serviceAccounts: ['ci/deployer'] } }, req: () => request(privilegedPod(), { user: { username: 'ci/deployer' } }), skipped: undefined },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const d = engine(c.config).validate(c.req());
      assert.equal(d.skipped, c.skipped);
      assert.equal(d.response.allowed, c.skipped !== undefined);
    });
  }
});

describe('admission validate: operations, subresources, dry-run', () => {
  it('DELETE is allowed without evaluation (object is null)', () => {
    const d = engine().validate(request(null, { operation: 'DELETE', oldObject: privilegedPod() }));
    assert.deepEqual([d.response.allowed, d.skipped], [true, 'delete']);
  });
  it('CONNECT (exec, attach, port-forward) is allowed', () => {
    const d = engine().validate(request({ apiVersion: 'v1', kind: 'PodExecOptions' }, { operation: 'CONNECT', kind: 'PodExecOptions', namespace: 'apps', subResource: 'exec' }));
    assert.deepEqual([d.response.allowed, d.skipped], [true, 'connect']);
  });
  it('subresources (status, scale, binding) are not evaluated', () => {
    for (const sub of ['status', 'scale', 'binding', 'eviction']) {
      const d = engine().validate(request(privilegedPod(), { operation: 'UPDATE', oldObject: compliantPod(), subResource: sub }));
      assert.deepEqual([d.response.allowed, d.skipped], [true, 'subresource'], sub);
    }
  });
  it('pods/ephemeralcontainers is evaluated: a privileged debug container is denied', () => {
    const p = compliantPod();
    (p['spec'] as Record<string, unknown>)['ephemeralContainers'] = [{ name: 'debug', image: 'busybox', securityContext: { privileged: true } }];
    const d = engine().validate(request(p, { operation: 'UPDATE', oldObject: compliantPod(), subResource: 'ephemeralcontainers' }));
    assert.equal(d.response.allowed, false);
    assert.match(d.response.status?.message ?? '', /"debug"/);
  });
  it('dry-run gets the same decision as a real request', () => {
    const real = engine().validate(request(privilegedPod()));
    const dry = engine().validate(request(privilegedPod(), { dryRun: true }));
    assert.deepEqual({ ...dry.response, uid: '' }, { ...real.response, uid: '' });
  });
  it('UPDATE never enforces a violation the old object already had (ratchet), but warns', () => {
    const old = privilegedPod();
    const next = privilegedPod();
    next.metadata = { ...next.metadata, labels: { touched: 'yes' } };
    const d = engine().validate(request(next, { operation: 'UPDATE', oldObject: old }));
    assert.equal(d.response.allowed, true);
    assert.match(d.response.warnings?.[0] ?? '', /^rampart \[privileged-container\] \(already present\): /);
    assert.equal(d.controls[0]?.preexisting, true);
  });
  it('UPDATE that introduces a violation is denied', () => {
    const d = engine().validate(request(privilegedPod(), { operation: 'UPDATE', oldObject: compliantPod() }));
    assert.equal(d.response.allowed, false);
  });
  it('UPDATE of an object being deleted (finalizer removal) is allowed', () => {
    const p = privilegedPod();
    p.metadata = { ...p.metadata, deletionTimestamp: '2026-01-01T00:00:00Z', finalizers: [] };
    const d = engine().validate(request(p, { operation: 'UPDATE', oldObject: privilegedPod() }));
    assert.deepEqual([d.response.allowed, d.skipped], [true, 'being-deleted']);
  });
  it('fills the namespace from the request when the object omits it', () => {
    const p = privilegedPod();
    delete p.metadata?.namespace;
    const d = engine({ namespaces: { apps: 'warn' } }).validate(request(p, { namespace: 'apps' }));
    assert.equal(d.response.allowed, true);
  });
});

describe('admission validate: cross-object controls', () => {
  it('are off by default (the webhook sees one object) and run when configured', () => {
    const ns = namespaceObject('apps', { 'pod-security.kubernetes.io/enforce': 'restricted' });
    assert.deepEqual(controlsOf(engine().validate(request(ns))), []);
    assert.deepEqual(controlsOf(engine({ controls: { 'namespace-without-limit-range': 'warn' } }).validate(request(ns))), ['namespace-without-limit-range:warn']);
  });
});

describe('admission validate: response hygiene', () => {
  it('warnings are single-line, printable and at most 256 characters', () => {
    const c = goodContainer('x'.repeat(300) + '\nEvil: header');
    c['securityContext'] = { ...(c['securityContext'] as object), capabilities: {} };
    const d = engine().validate(request(pod('p', [c])));
    const w = d.response.warnings ?? [];
    assert.ok(w.length > 0);
    for (const line of w) {
      assert.ok(line.length <= 256, `${line.length}`);
      assert.doesNotMatch(line, /[\u0000-\u001f]/);
    }
  });
  it('caps the number of warnings', () => {
    const containers = Array.from({ length: 30 }, (_, i) => {
      const c = goodContainer(`c${i}`);
      c['securityContext'] = { ...(c['securityContext'] as object), capabilities: {} };
      return c;
    });
    const w = engine().validate(request(pod('many', containers))).response.warnings ?? [];
    assert.equal(w.length, 21);
    assert.equal(w[20], 'rampart: 10 more warnings not shown');
  });
  it('echoes the request uid', () => {
    const r = request(compliantPod());
    assert.equal(engine().validate(r).response.uid, r.uid);
  });
});

describe('admission validate: controls that throw', () => {
  it('fail closed: the throwing control’s action applies, without echoing the error', async () => {
    const { defineControl } = await import('../controls/types.js');
    const boom = defineControl({
      meta: { id: 'boom', title: 'throws', severity: 'critical', kinds: ['Pod'], frameworks: {}, rationale: 'r', remediation: 'm' },
      check() {
        throw new Error('secret-ish detail from the object');
      },
    });
    const e = new AdmissionEngine({ controls: resolved([boom]), config: parseAdmissionConfig({}, new Set(['boom'])) });
    const d = e.validate(request(compliantPod()));
    assert.equal(d.response.allowed, false);
    assert.match(d.response.status?.message ?? '', /\[boom\] the control could not evaluate this object/);
    assert.doesNotMatch(d.response.status?.message ?? '', /secret-ish/);
    const warnOnly = new AdmissionEngine({ controls: resolved([boom]), config: parseAdmissionConfig({ controls: { boom: 'warn' } }, new Set(['boom'])) });
    assert.equal(warnOnly.validate(request(compliantPod())).response.allowed, true);
  });
});
