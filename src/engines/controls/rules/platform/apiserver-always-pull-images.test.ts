import { testControl } from '../../tester.js';
import control from './apiserver-always-pull-images.js';
import { flagLine, flagPath, staticPod, unrelatedPod } from './lib/fixtures.js';

testControl(control, {
  valid: [
    { name: 'enabled', yaml: staticPod('kube-apiserver', ['--enable-admission-plugins=NodeRestriction,AlwaysPullImages']) },
    { name: 'a pod that is not the component', yaml: unrelatedPod },
  ],
  invalid: [
    {
      name: 'not enabled',
      yaml: staticPod('kube-apiserver', ['--enable-admission-plugins=NodeRestriction']),
      findings: [
        { message: 'kube-apiserver: --enable-admission-plugins "NodeRestriction" does not include AlwaysPullImages', path: flagPath(0), line: flagLine(0) },
      ],
    },
  ],
});
