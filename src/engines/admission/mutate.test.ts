import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyPatch } from '../../model/json-patch.js';
import type { JsonPatchOp } from '../../model/finding.js';
import type { K8sObject } from '../../model/types.js';
import capsNotDropped from '../controls/rules/workload/capabilities-not-dropped.js';
import seccomp from '../controls/rules/workload/seccomp-profile.js';
import privileged from '../controls/rules/workload/privileged-container.js';
import allowEscalation from '../controls/rules/workload/allow-privilege-escalation.js';
import { planMutation } from './mutate.js';
import { AdmissionEngine } from './engine.js';
import { parseAdmissionConfig } from './config.js';
import { pod, request, resolved } from './testing.js';

describe('planMutation: additions only', () => {
  const doc = { spec: { a: 1, obj: { x: 1 }, list: ['u'] } };
  const cases: { name: string; fix: JsonPatchOp[]; ops: JsonPatchOp[] | 'skipped' }[] = [
    { name: 'add of a missing member', fix: [{ op: 'add', path: '/spec/b', value: 2 }], ops: [{ op: 'add', path: '/spec/b', value: 2 }] },
    { name: 'add over a user value', fix: [{ op: 'add', path: '/spec/a', value: 2 }], ops: 'skipped' },
    { name: 'add of the same value is a no-op', fix: [{ op: 'add', path: '/spec/a', value: 1 }], ops: [] },
    { name: 'add of an object onto an object merges missing members', fix: [{ op: 'add', path: '/spec/obj', value: { y: 2 } }], ops: [{ op: 'add', path: '/spec/obj/y', value: 2 }] },
    { name: 'object merge that conflicts is skipped whole', fix: [{ op: 'add', path: '/spec/obj', value: { x: 9, y: 2 } }], ops: 'skipped' },
    { name: 'replace is skipped', fix: [{ op: 'replace', path: '/spec/a', value: 0 }], ops: 'skipped' },
    { name: 'remove is skipped', fix: [{ op: 'remove', path: '/spec/a' }], ops: 'skipped' },
    { name: 'append to a user list is skipped', fix: [{ op: 'add', path: '/spec/list/-', value: 'ALL' }], ops: 'skipped' },
    { name: 'missing parent is skipped', fix: [{ op: 'add', path: '/spec/none/x', value: 1 }], ops: 'skipped' },
    { name: 'failing test is skipped', fix: [{ op: 'test', path: '/spec/a', value: 5 }, { op: 'add', path: '/spec/c', value: 1 }], ops: 'skipped' },
    { name: 'passing test guards an add', fix: [{ op: 'test', path: '/spec/a', value: 1 }, { op: 'add', path: '/spec/c', value: 1 }], ops: [{ op: 'add', path: '/spec/c', value: 1 }] },
    { name: 'a fix is all or nothing', fix: [{ op: 'add', path: '/spec/c', value: 1 }, { op: 'replace', path: '/spec/a', value: 0 }], ops: 'skipped' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const plan = planMutation(doc, [c.fix]);
      if (c.ops === 'skipped') assert.deepEqual([plan.skipped, plan.ops], [[0], []]);
      else assert.deepEqual([plan.skipped, plan.ops], [[], c.ops]);
      assert.deepEqual(doc, { spec: { a: 1, obj: { x: 1 }, list: ['u'] } }, 'input untouched');
    });
  }
  it('later fixes see earlier defaults (two fixes adding the same securityContext)', () => {
    const plan = planMutation({ c: {} }, [
      [{ op: 'add', path: '/c/securityContext', value: { runAsNonRoot: true } }],
      [{ op: 'add', path: '/c/securityContext', value: { allowPrivilegeEscalation: false } }],
    ]);
    assert.deepEqual(applyPatch({ c: {} }, plan.ops), { c: { securityContext: { runAsNonRoot: true, allowPrivilegeEscalation: false } } });
  });
});

describe('admission mutate', () => {
  const controls = resolved([capsNotDropped, seccomp, privileged, allowEscalation]);
  const known = new Set(controls.map((c) => c.control.meta.id));
  const optIn = { controls: { 'capabilities-not-dropped': { mutate: true }, 'seccomp-profile': { mutate: true }, 'allow-privilege-escalation': { mutate: true }, 'privileged-container': { mutate: true } } };
  const engine = (cfg: unknown = optIn) => new AdmissionEngine({ controls, config: parseAdmissionConfig(cfg, known) });
  const patched = (obj: K8sObject, cfg?: unknown): { obj: K8sObject; response: ReturnType<AdmissionEngine['mutate']>['response'] } => {
    const d = engine(cfg).mutate(request(obj));
    const ops = d.response.patch ? (JSON.parse(Buffer.from(d.response.patch, 'base64').toString('utf8')) as JsonPatchOp[]) : [];
    return { obj: applyPatch(obj, ops), response: d.response };
  };

  it('sets secure defaults on a bare container as a base64 JSONPatch', () => {
    const { obj, response } = patched(pod('p', [{ name: 'app', image: 'nginx' }]));
    assert.equal(response.allowed, true);
    assert.equal(response.patchType, 'JSONPatch');
    const spec = obj['spec'] as { securityContext?: unknown; containers: { securityContext?: unknown }[] };
    assert.deepEqual(spec.securityContext, { seccompProfile: { type: 'RuntimeDefault' } });
    assert.deepEqual(spec.containers[0]?.securityContext, { capabilities: { drop: ['ALL'] }, allowPrivilegeEscalation: false });
  });

  it('never changes a value the user set explicitly', () => {
    const original = pod('p', [{ name: 'app', image: 'nginx', securityContext: { privileged: true, allowPrivilegeEscalation: true, capabilities: { drop: ['NET_RAW'] }, seccompProfile: { type: 'Unconfined' } } }]);
    const { obj } = patched(original);
    const c = (obj['spec'] as { containers: { securityContext: unknown }[] }).containers[0];
    // Everything the user wrote is intact; only absent fields may be added.
    assert.deepEqual(c?.securityContext, (original['spec'] as { containers: { securityContext: unknown }[] }).containers[0]?.securityContext);
  });

  it('is opt-in per control: no patch without mutate: true', () => {
    const { response } = patched(pod('p', [{ name: 'app', image: 'nginx' }]), {});
    assert.deepEqual(response, { uid: response.uid, allowed: true });
    const only = patched(pod('p', [{ name: 'app', image: 'nginx' }]), { controls: { 'seccomp-profile': { mutate: true } } }).obj;
    assert.deepEqual((only['spec'] as { containers: { securityContext?: unknown }[] }).containers[0]?.securityContext, undefined);
  });

  it('does not patch pod UPDATEs (pod specs are immutable), DELETEs or subresources', () => {
    const p = pod('p', [{ name: 'app', image: 'nginx' }]);
    assert.equal(engine().mutate(request(p, { operation: 'UPDATE', oldObject: p })).response.patch, undefined);
    assert.equal(engine().mutate(request(null, { operation: 'DELETE', oldObject: p })).response.patch, undefined);
    assert.equal(engine().mutate(request(p, { operation: 'UPDATE', oldObject: p, subResource: 'ephemeralcontainers' })).response.patch, undefined);
  });

  it('patches a Deployment template on UPDATE', () => {
    const dep: K8sObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', namespace: 'apps' }, spec: { template: { spec: { containers: [{ name: 'app', image: 'nginx' }] } } } };
    const d = engine().mutate(request(dep, { operation: 'UPDATE', oldObject: dep }));
    assert.equal(d.outcome, 'mutated');
    const out = applyPatch(dep, JSON.parse(Buffer.from(d.response.patch ?? '', 'base64').toString()) as JsonPatchOp[]);
    assert.deepEqual((out['spec'] as { template: { spec: { securityContext: unknown } } }).template.spec.securityContext, { seccompProfile: { type: 'RuntimeDefault' } });
  });

  it('a namespace can turn one control’s mutation off; warn ceilings do not stop defaults', () => {
    const bare = pod('p', [{ name: 'app', image: 'nginx' }]);
    const cfg = { controls: { 'seccomp-profile': { mutate: true } }, namespaces: { apps: { controls: { 'seccomp-profile': 'off' } }, other: 'warn' } };
    assert.equal(engine(cfg).mutate(request(bare)).response.patch, undefined);
    const elsewhere = pod('p', [{ name: 'app', image: 'nginx' }], { namespace: 'other' });
    assert.equal(engine(cfg).mutate(request(elsewhere)).outcome, 'mutated');
  });

  it('skips exempt namespaces', () => {
    assert.equal(engine().mutate(request(pod('p', [{ name: 'app', image: 'nginx' }], { namespace: 'kube-system' }))).skipped, 'exempt-namespace');
  });
});
