import { testControl } from '../../tester.js';
import control from './controller-manager-rotate-kubelet-server-certificate.js';
import { flagLine, flagPath, staticPod, unrelatedPod } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'gate untouched', yaml: staticPod('kube-controller-manager', ['--feature-gates=SomeGate=true']) },
    { name: 'enabled', yaml: staticPod('kube-controller-manager', ['--feature-gates=RotateKubeletServerCertificate=true']) },
    { name: 'a pod that is not the component', yaml: unrelatedPod },
  ],
  invalid: [
    {
      name: 'disabled',
      yaml: staticPod('kube-controller-manager', ['--feature-gates=RotateKubeletServerCertificate=false']),
      findings: [
        { message: 'kube-controller-manager: --feature-gates disables RotateKubeletServerCertificate', path: flagPath(0), line: flagLine(0) },
      ],
    },
    {
      name: 'disabled among other gates',
      yaml: staticPod('kube-controller-manager', ['--feature-gates=A=true,RotateKubeletServerCertificate=0']),
      findings: [
        { message: 'kube-controller-manager: --feature-gates disables RotateKubeletServerCertificate', path: flagPath(0), line: flagLine(0) },
      ],
    },
  ],
});
