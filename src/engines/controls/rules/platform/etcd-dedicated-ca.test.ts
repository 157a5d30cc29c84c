import { testControl } from '../../tester.js';
import control from './etcd-dedicated-ca.js';
import { COMMAND_LINE, COMMAND_PATH, flagLine, flagPath, staticPod, unrelatedPod } from './lib/fixtures.js';

const apiserver = staticPod('kube-apiserver', ['--client-ca-file=/etc/kubernetes/pki/ca.crt', '--etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt']);

testControl(control, {
  valid: [
    { name: 'kubeadm layout: etcd has its own CA', yaml: `${staticPod('etcd', ['--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt'])}---\n${apiserver}` },
    { name: 'etcd alone with a CA', yaml: staticPod('etcd', ['--trusted-ca-file=/etc/kubernetes/pki/ca.crt']) },
    { name: 'a pod that is not the component', yaml: unrelatedPod },
  ],
  invalid: [
    {
      name: 'shared with the API server client CA',
      yaml: `${staticPod('etcd', ['--client-cert-auth=true', '--trusted-ca-file=/etc/kubernetes/pki/ca.crt'])}---\n${apiserver}`,
      findings: [
        {
          message: 'etcd: --trusted-ca-file "/etc/kubernetes/pki/ca.crt" is also the API server\'s --client-ca-file: every certificate of the cluster CA can authenticate to etcd',
          path: flagPath(1),
          line: flagLine(1),
          resource: 'etcd',
        },
      ],
    },
    {
      name: 'no trusted CA',
      yaml: staticPod('etcd', ['--client-cert-auth=true']),
      findings: [{ message: 'etcd: --trusted-ca-file is not set, so client certificates are not verified against a dedicated CA', path: COMMAND_PATH, line: COMMAND_LINE }],
    },
  ],
});
