import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { computeCompliance, complianceScore, type ComplianceItemDetail } from './index.js';
import type { ControlMeta } from '../controls/types.js';
import type { Finding } from '../../model/finding.js';

const meta = (id: string, frameworks: ControlMeta['frameworks'], kinds: string[]): ControlMeta => ({
  id, title: id, severity: 'high', kinds, frameworks, rationale: 'r', remediation: 'r',
});

const finding = (control: string, cis: string[], suppressed = false): Finding => {
  const f: Finding = {
    control, severity: 'high', message: 'm', resource: { apiVersion: 'v1', kind: 'Pod', name: 'p' }, path: '/spec',
    frameworks: { cis, nsa: [], pss: [], mitre: [] }, remediation: 'r', fingerprint: control,
  };
  if (suppressed) f.suppressed = { kind: 'annotation', reason: 'accepted' };
  return f;
};

const row = (items: readonly unknown[], id: string): ComplianceItemDetail => {
  const r = (items as ComplianceItemDetail[]).find((i) => i.id === id);
  assert.ok(r, `row ${id}`);
  return r;
};

describe('computeCompliance', () => {
  const controls = [
    meta('apiserver-token-auth-file', { cis: ['1.2.2'] }, ['Pod']),
    meta('apiserver-profiling', { cis: ['1.2.15'] }, ['Pod']),
    meta('kubelet-anonymous-auth', { cis: ['4.2.1'] }, ['KubeletConfiguration']),
    meta('privileged', { cis: ['5.2.2'] }, ['Pod']),
    meta('any-kind', { cis: ['5.6.4'] }, ['*']),
  ];

  test('statuses: failed, passed, not-applicable and each kind of manual', () => {
    const result = computeCompliance('cis', {
      controls,
      findings: [finding('apiserver-token-auth-file', ['1.2.2']), finding('apiserver-token-auth-file', ['1.2.2']), finding('privileged', ['5.2.2'], true)],
      presentKinds: new Set(['Pod']),
    });
    assert.equal(result.framework, 'cis');
    assert.equal(result.version, '1.12');
    assert.equal(result.items.length, 131);
    assert.deepEqual({ ...row(result.items, '1.2.2') }, {
      id: '1.2.2', title: 'API server --token-auth-file is not set', status: 'failed', controls: ['apiserver-token-auth-file'], findings: 2, automated: true,
    });
    assert.equal(row(result.items, '1.2.15').status, 'passed');
    // a suppressed finding is not a failure; the manual-in-CIS item with a control is evaluated
    assert.equal(row(result.items, '5.2.2').status, 'passed');
    assert.equal(row(result.items, '5.2.2').findings, 0);
    assert.equal(row(result.items, '5.6.4').status, 'passed');
    const na = row(result.items, '4.2.1');
    assert.equal(na.status, 'not-applicable');
    assert.equal(na.reason, 'the input holds no KubeletConfiguration');
    assert.deepEqual([row(result.items, '1.1.1').status, row(result.items, '1.1.1').manualReason], ['manual', 'not-manifest-checkable']);
    assert.deepEqual([row(result.items, '1.2.1').status, row(result.items, '1.2.1').manualReason], ['manual', 'manual-recommendation']);
    assert.deepEqual([row(result.items, '1.2.4').status, row(result.items, '1.2.4').manualReason], ['manual', 'no-control']);
    // 3 passed (1.2.15, 5.2.2, 5.6.4), 1 failed
    assert.equal(result.score, 75);
  });

  test('a finding narrowed to an item fails it even when the control maps more', () => {
    const result = computeCompliance('cis', {
      controls: [meta('c', { cis: ['1.2.6', '1.2.7'] }, ['Pod'])],
      findings: [finding('c', ['1.2.7'])],
      presentKinds: new Set(['Pod']),
    });
    assert.equal(row(result.items, '1.2.6').status, 'passed');
    assert.equal(row(result.items, '1.2.7').status, 'failed');
    assert.equal(result.score, 50);
  });

  test('wildcard controls are not applicable to empty input; the score is null then', () => {
    const result = computeCompliance('cis', { controls, findings: [], presentKinds: new Set() });
    assert.equal(row(result.items, '5.6.4').status, 'not-applicable');
    assert.equal(result.score, null);
  });

  test('score rounds to one decimal', () => {
    assert.equal(complianceScore([{ status: 'passed' }, { status: 'failed' }, { status: 'failed' }, { status: 'manual' }]), 33.3);
    assert.equal(complianceScore([{ status: 'passed' }, { status: 'passed' }, { status: 'failed' }]), 66.7);
    assert.equal(complianceScore([{ status: 'not-applicable' }]), null);
  });
});

describe('component applicability', () => {
  test('a control-plane check is not applicable to Pods that are not the component', async () => {
    const { presentKindsOf } = await import('./index.js');
    const apiserverCheck = { ...meta('apiserver-x', { cis: ['1.2.15'] }, ['Pod']), appliesTo: ['component:kube-apiserver'] };
    const plainPod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'web', image: 'nginx' }] } };
    const apiserver = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'kube-apiserver' }, spec: { containers: [{ name: 'a', command: ['/usr/local/bin/kube-apiserver', '--profiling=false'] }] } };
    assert.deepEqual([...presentKindsOf([plainPod])], ['Pod']);
    assert.deepEqual([...presentKindsOf([plainPod, apiserver])], ['Pod', 'component:kube-apiserver']);
    const without = computeCompliance('cis', { controls: [apiserverCheck], findings: [], presentKinds: presentKindsOf([plainPod]) });
    assert.equal(row(without.items, '1.2.15').status, 'not-applicable');
    assert.equal(row(without.items, '1.2.15').reason, 'the input holds no kube-apiserver');
    const withIt = computeCompliance('cis', { controls: [apiserverCheck], findings: [], presentKinds: presentKindsOf([plainPod, apiserver]) });
    assert.equal(row(withIt.items, '1.2.15').status, 'passed');
  });
});

describe('embedded configuration applicability', () => {
  test('a kubelet-config ConfigMap makes kubelet checks applicable', async () => {
    const { presentKindsOf } = await import('./index.js');
    const cm = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'kubelet-config', namespace: 'kube-system' },
      data: { kubelet: 'apiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\nreadOnlyPort: 0\n' },
    };
    const other = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app' }, data: { 'app.yaml': 'kind: Deployment\n' } };
    assert.deepEqual([...presentKindsOf([cm])], ['ConfigMap', 'KubeletConfiguration']);
    assert.deepEqual([...presentKindsOf([other])], ['ConfigMap']);
    const kubeletCheck = { ...meta('kubelet-x', { cis: ['4.2.4'] }, ['KubeletConfiguration', 'ConfigMap']), appliesTo: ['KubeletConfiguration'] };
    assert.equal(row(computeCompliance('cis', { controls: [kubeletCheck], findings: [], presentKinds: presentKindsOf([other]) }).items, '4.2.4').status, 'not-applicable');
    assert.equal(row(computeCompliance('cis', { controls: [kubeletCheck], findings: [], presentKinds: presentKindsOf([cm]) }).items, '4.2.4').status, 'passed');
  });
});
