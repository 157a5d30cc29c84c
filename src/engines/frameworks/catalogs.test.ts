import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { catalogs, coverageGaps, isKnownId, unknownMappings } from './index.js';
import type { ControlMeta } from '../controls/types.js';

const ids = (name: keyof typeof catalogs): string[] => catalogs[name].items.map((i) => i.id);

describe('CIS v1.12 catalog', () => {
  test('IDs are unique', () => {
    assert.equal(new Set(ids('cis')).size, ids('cis').length);
  });

  test('every section is numbered contiguously from 1 with the benchmark counts', () => {
    const bySection = new Map<string, number[]>();
    for (const id of ids('cis')) {
      const parts = id.split('.');
      const section = parts.slice(0, -1).join('.');
      const list = bySection.get(section) ?? [];
      list.push(Number(parts.at(-1)));
      bySection.set(section, list);
    }
    const expected: Record<string, number> = {
      '1.1': 21, '1.2': 30, '1.3': 7, '1.4': 2, '2': 7, '3.1': 3, '3.2': 2, '4.1': 10, '4.2': 14, '4.3': 1,
      '5.1': 13, '5.2': 12, '5.3': 2, '5.4': 2, '5.5': 1, '5.6': 4,
    };
    assert.deepEqual(Object.fromEntries([...bySection].map(([s, n]) => [s, n.length])), expected);
    for (const [section, numbers] of bySection) {
      assert.deepEqual(numbers, numbers.map((_, i) => i + 1), `section ${section} is contiguous`);
    }
  });

  test('automated/manual flags follow the benchmark', () => {
    const item = (id: string) => catalogs.cis.items.find((i) => i.id === id)!;
    assert.equal(item('1.2.1').automated, false); // anonymous-auth is Manual in v1.12
    assert.equal(item('1.2.2').automated, true);
    assert.equal(item('4.2.4').automated, false);
    assert.equal(item('4.3.1').automated, true);
    assert.equal(item('5.2.2').automated, false);
    // host-only automated items are flagged, with the reason shown in compliance tables
    assert.equal(item('1.1.1').automated, true);
    assert.equal(item('1.1.1').manifestCheckable, false);
    assert.match(item('4.1.1').reason ?? '', /file permissions/);
    assert.equal(item('1.2.6').manifestCheckable, undefined);
    assert.equal(item('1.2.6').section, '1.2 API Server');
    assert.equal(item('2.3').section, '2 etcd');
  });

  test('pre-1.12 numbering is not accepted', () => {
    assert.equal(isKnownId('cis', '5.7.4'), false);
    assert.equal(isKnownId('cis', '5.2.13'), false);
    assert.equal(isKnownId('cis', '5.6.4'), true);
    assert.equal(isKnownId('cis', '1.2.30'), true);
  });
});

describe('NSA, PSS and MITRE catalogs', () => {
  test('NSA holds every slug of the shared ID scheme, with a recommendation each', () => {
    const slugs = [
      'pod-security/non-root', 'pod-security/immutable-filesystem', 'pod-security/secure-images', 'pod-security/enforcement',
      'pod-security/service-account-tokens', 'pod-security/hardening-container-environments', 'network/namespaces',
      'network/network-policies', 'network/resource-policies', 'network/control-plane', 'network/etcd', 'network/kubeconfig',
      'network/worker-node-segmentation', 'network/encryption', 'network/secrets', 'network/cloud-metadata',
      'authn/authentication', 'authn/rbac', 'audit/logging', 'audit/threat-detection', 'upgrading/application-security',
    ];
    for (const s of slugs) assert.ok(isKnownId('nsa', s), s);
    for (const i of catalogs.nsa.items) {
      assert.ok((i.description ?? '').length > 20, `${i.id} has a recommendation`);
      if (!i.automated) assert.ok(i.reason, `${i.id} says why it is manual`);
    }
  });

  test('PSS holds the pod-security-admission check IDs with their levels', () => {
    const baseline = ['hostNamespaces', 'privileged', 'capabilities_baseline', 'hostPathVolumes', 'hostPorts', 'hostProbesAndHostLifecycle', 'appArmorProfile', 'seLinuxOptions', 'procMount', 'seccompProfile_baseline', 'sysctls', 'windowsHostProcess'];
    const restricted = ['allowPrivilegeEscalation', 'runAsNonRoot', 'runAsUser', 'seccompProfile_restricted', 'capabilities_restricted', 'restrictedVolumes', 'procMount_restricted'];
    assert.deepEqual(catalogs.pss.items.filter((i) => i.level === 'baseline').map((i) => i.id), baseline);
    assert.deepEqual(catalogs.pss.items.filter((i) => i.level === 'restricted').map((i) => i.id), restricted);
  });

  test('MITRE holds the techniques of the shared ID scheme with tactics', () => {
    for (const t of ['T1610', 'T1611', 'T1609', 'T1613', 'T1552.001', 'T1552.007', 'T1078', 'T1078.001', 'T1098.006', 'T1496', 'T1499', 'T1525', 'T1053.007', 'T1068', 'T1190', 'T1133', 'T1046', 'T1528', 'T1562.001', 'T1204.003', 'T1021', 'T1557', 'T1040', 'T1485']) {
      assert.ok(isKnownId('mitre', t), t);
    }
    for (const i of catalogs.mitre.items) assert.match(i.tactic ?? '', /^[A-Z]/, `${i.id} has a tactic`);
    assert.deepEqual(catalogs.mitre.items.find((i) => i.id === 'T1611')?.microsoft, ['Privileged container', 'hostPath mount', 'Writable hostPath mount']);
    assert.equal(isKnownId('mitre', 't1611'), false);
  });
});

const meta = (id: string, frameworks: ControlMeta['frameworks'], kinds: string[] = ['Pod']): ControlMeta => ({
  id, title: id, severity: 'high', kinds, frameworks, rationale: 'r', remediation: 'r',
});

describe('coverageGaps and unknownMappings', () => {
  test('gaps are automatable, manifest-checkable items without a control', () => {
    const gaps = coverageGaps('cis', [meta('a', { cis: ['1.2.2'] })]).map((i) => i.id);
    assert.ok(!gaps.includes('1.2.2'));
    assert.ok(gaps.includes('1.2.4'));
    assert.ok(!gaps.includes('1.1.1'), 'host-only items are not gaps');
    assert.ok(!gaps.includes('1.2.1'), 'manual items are not gaps');
  });

  test('unknown IDs are reported per control and framework', () => {
    assert.deepEqual(unknownMappings([meta('a', { cis: ['5.7.4', '5.6.4'], pss: ['privileged', 'Privileged'] })]), [
      { control: 'a', framework: 'cis', id: '5.7.4' },
      { control: 'a', framework: 'pss', id: 'Privileged' },
    ]);
  });
});
