import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ContainerView } from '../../../../../model/workloads.js';
import { parseFlags, parseGoBool, recognise } from './components.js';

const view = (container: Record<string, unknown>): ContainerView => ({ container, type: 'containers', index: 0, name: 'c', path: '/spec/containers/0' });

describe('recognise', () => {
  test('by the basename of command[0]', () => {
    const r = recognise(view({ command: ['/usr/local/bin/kube-apiserver', '--profiling=false'] }));
    assert.equal(r?.component, 'kube-apiserver');
    assert.deepEqual(r?.argv, [{ text: '--profiling=false', path: '/spec/containers/0/command/1' }]);
  });
  test('command and args concatenate as the kubelet does', () => {
    const r = recognise(view({ command: ['etcd'], args: ['--client-cert-auth=true'] }));
    assert.deepEqual(r?.argv.map((t) => t.path), ['/spec/containers/0/args/0']);
  });
  test('hyperkube sub-commands', () => {
    assert.equal(recognise(view({ command: ['/hyperkube', 'controller-manager', '--profiling=false'] }))?.component, 'kube-controller-manager');
  });
  test('image entrypoint when the container sets no command', () => {
    const r = recognise(view({ image: 'registry.k8s.io/kube-scheduler:v1.34.1', args: ['--bind-address=127.0.0.1'] }));
    assert.equal(r?.component, 'kube-scheduler');
    assert.equal(r?.argv.length, 1);
  });
  test('shell wrappers and look-alike names are not components', () => {
    assert.equal(recognise(view({ command: ['/bin/sh', '-c', 'kube-apiserver --profiling=true'] })), undefined);
    assert.equal(recognise(view({ command: ['kube-apiserver-proxy'] })), undefined);
    assert.equal(recognise(view({ image: 'example.com/kube-apiserver-exporter:1', args: [] })), undefined);
  });
});

describe('parseFlags', () => {
  const flags = (argv: string[], component: 'kube-apiserver' | 'etcd' = 'kube-apiserver', extra: Record<string, unknown> = {}) => {
    const c = view({ command: [component, ...argv], ...extra });
    return parseFlags(component, c, recognise(c)!.argv);
  };
  test('inline, separate and bare forms', () => {
    const f = flags(['--audit-log-path', '/var/log/audit.log', '--profiling', '--authorization-mode=Node,RBAC']);
    assert.deepEqual(
      f.occurrences.map((o) => [o.name, o.value, o.form, o.path]),
      [
        ['audit-log-path', '/var/log/audit.log', 'separate', '/spec/containers/0/command/1'],
        ['profiling', 'true', 'bare', '/spec/containers/0/command/3'],
        ['authorization-mode', 'Node,RBAC', 'inline', '/spec/containers/0/command/4'],
      ],
    );
  });
  test('pflag never reads a single-dash long flag; etcd (Go flag) does', () => {
    assert.equal(flags(['-profiling=false']).effective('profiling'), undefined);
    assert.equal(flags(['-client-cert-auth=true'], 'etcd').effective('client-cert-auth')?.value, 'true');
  });
  test('arguments after -- are positional', () => {
    assert.equal(flags(['--', '--profiling=false']).effective('profiling'), undefined);
  });
  test('repeated list flags append; scalar flags take the last', () => {
    const f = flags(['--enable-admission-plugins=A,B', '--enable-admission-plugins=C', '--secure-port=1', '--secure-port=2']);
    assert.deepEqual(f.list('enable-admission-plugins'), ['A', 'B', 'C']);
    assert.equal(f.effective('secure-port')?.value, '2');
  });
  test('etcd environment variables apply only when the flag is absent', () => {
    const env = { env: [{ name: 'ETCD_AUTO_TLS', value: 'true' }, { name: 'ETCD_CLIENT_CERT_AUTH', value: 'true' }] };
    const f = flags(['--client-cert-auth=false'], 'etcd', env);
    assert.equal(f.effective('auto-tls')?.form, 'env');
    assert.equal(f.effective('client-cert-auth')?.value, 'false');
  });
  test('Go boolean parsing', () => {
    assert.deepEqual(['1', 't', 'TRUE', 'True', '0', 'F', 'false', 'yes', ''].map(parseGoBool), [true, true, true, true, false, false, false, undefined, undefined]);
  });
});

describe('where a missing flag is reported and added', () => {
  const setFix = async (container: Record<string, unknown>) => {
    const { setFlagFix } = await import('./flag-rules.js');
    const c = view(container);
    const r = recognise(c)!;
    const flags = parseFlags(r.component, c, r.argv);
    return { arrayPath: flags.arrayPath, fix: setFlagFix(flags, 'profiling', 'false') };
  };
  test('args when the container has args', async () => {
    assert.deepEqual(await setFix({ command: ['kube-apiserver'], args: ['--secure-port=6443'] }), {
      arrayPath: '/spec/containers/0/args',
      fix: [{ op: 'add', path: '/spec/containers/0/args/-', value: '--profiling=false' }],
    });
  });
  test('command when flags live in the command', async () => {
    assert.deepEqual((await setFix({ command: ['kube-apiserver', '--secure-port=6443'] })).arrayPath, '/spec/containers/0/command');
  });
  test('a new args array when the image entrypoint runs the component', async () => {
    assert.deepEqual(await setFix({ image: 'registry.k8s.io/kube-apiserver:v1.34.1' }), {
      arrayPath: '/spec/containers/0/args',
      fix: [{ op: 'add', path: '/spec/containers/0/args', value: ['--profiling=false'] }],
    });
  });
  test('the value item of the separate form is rewritten in place', async () => {
    const { fix } = await setFix({ command: ['kube-apiserver', '--profiling', 'true'] });
    // --profiling is boolean: "true" is a stray argument, so the bare flag itself is rewritten.
    assert.deepEqual(fix, [{ op: 'replace', path: '/spec/containers/0/command/1', value: '--profiling=false' }]);
  });
});
