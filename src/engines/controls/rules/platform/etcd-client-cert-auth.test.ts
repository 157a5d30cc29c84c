import { testControl } from '../../tester.js';
import control from './etcd-client-cert-auth.js';
import { COMMAND_LINE, COMMAND_PATH, flagLine, flagPath, staticPod, unrelatedPod } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'enabled', yaml: staticPod('etcd', ['--client-cert-auth=true']) },
    { name: 'single-dash form (Go flag package)', yaml: staticPod('etcd', ['-client-cert-auth=true']) },
    { name: 'a config file replaces flags and environment', yaml: staticPod('etcd', ['--config-file=/etc/etcd/etcd.conf.yml', '--client-cert-auth=false']) },
    { name: 'environment', yaml: staticPod('etcd', [], '    env:\n    - name: ETCD_CLIENT_CERT_AUTH\n      value: "true"\n') },
    { name: 'a pod that is not the component', yaml: unrelatedPod },
  ],
  invalid: [
    {
      name: 'default',
      yaml: staticPod('etcd', []),
      findings: [
        { message: 'etcd: --client-cert-auth is not set and defaults to false; it must be true', path: COMMAND_PATH, line: COMMAND_LINE, container: 'etcd' },
      ],
    },
    {
      name: 'environment says false',
      yaml: staticPod('etcd', [], '    env:\n    - name: ETCD_CLIENT_CERT_AUTH\n      value: "false"\n'),
      findings: [
        { message: 'etcd: --client-cert-auth (from ETCD_CLIENT_CERT_AUTH) is "false"; it must be true', path: '/spec/containers/0/env/0/value', line: 15 },
      ],
    },
    {
      name: 'flag wins over the environment',
      yaml: staticPod('etcd', ['--client-cert-auth=false'], '    env:\n    - name: ETCD_CLIENT_CERT_AUTH\n      value: "true"\n'),
      findings: [
        { message: 'etcd: --client-cert-auth is "false"; it must be true', path: flagPath(0), line: flagLine(0) },
      ],
    },
  ],
});
