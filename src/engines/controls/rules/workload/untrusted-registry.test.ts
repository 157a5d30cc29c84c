import { testControl } from '../../tester.js';
import control from './untrusted-registry.js';

const pod = (image: string): string => `apiVersion: v1\nkind: Pod\nmetadata: { name: w }\nspec:\n  containers:\n  - name: a\n    image: ${image}\n`;
const trusted = { trustedRegistries: ['registry.example.com', 'ghcr.io/acme', 'docker.io/library'] };

testControl(control, {
  valid: [
    { name: 'inactive without a list', yaml: pod('evil.example.net/x:1') },
    { name: 'trusted host', yaml: pod('registry.example.com/team/app:1'), params: trusted },
    { name: 'trusted path prefix', yaml: pod('ghcr.io/acme/app:1'), params: trusted },
    { name: 'official Docker Hub image', yaml: pod('nginx:1.27'), params: trusted },
  ],
  invalid: [
    {
      name: 'prefix must stop at a path boundary',
      yaml: pod('ghcr.io/acme-evil/app:1'),
      params: trusted,
      findings: [{ message: 'container "a" uses image "ghcr.io/acme-evil/app:1" (ghcr.io/acme-evil/app) from outside the trusted registries', path: '/spec/containers/0/image', line: 7 }],
    },
    {
      name: 'non-official Docker Hub image',
      yaml: pod('someone/tool:2'),
      params: trusted,
      findings: [{ message: 'container "a" uses image "someone/tool:2" (docker.io/someone/tool) from outside the trusted registries', path: '/spec/containers/0/image' }],
    },
  ],
});
