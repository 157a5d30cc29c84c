import { testControl } from '../../tester.js';
import control from './pod-security-admission-exemptions.js';

const admission = (exemptions: string): string => `apiVersion: apiserver.config.k8s.io/v1
kind: AdmissionConfiguration
plugins:
- name: PodSecurity
  configuration:
    apiVersion: pod-security.admission.config.k8s.io/v1
    kind: PodSecurityConfiguration
    defaults:
      enforce: baseline
    exemptions:
${exemptions}`;

testControl(control, {
  valid: [
    { name: 'no exemptions', yaml: admission('      usernames: []\n') },
    { name: 'kube-system is accepted by default', yaml: admission('      namespaces: [kube-system]\n') },
  ],
  invalid: [
    {
      name: 'user, runtime class and namespace',
      yaml: admission('      usernames: ["ci-bot"]\n      runtimeClasses: [gvisor]\n      namespaces: [kube-system, monitoring]\n'),
      findings: [
        { message: 'PodSecurity exempts user "ci-bot": its pods bypass every Pod Security level', path: '/plugins/0/configuration/exemptions/usernames/0', line: 11 },
        { message: 'PodSecurity exempts runtime class "gvisor": its pods bypass every Pod Security level', path: '/plugins/0/configuration/exemptions/runtimeClasses/0', line: 12 },
        { message: 'PodSecurity exempts namespace "monitoring": its pods bypass every Pod Security level', path: '/plugins/0/configuration/exemptions/namespaces/1', line: 13 },
      ],
    },
    {
      name: 'kube-system when not allowed',
      yaml: admission('      namespaces: [kube-system]\n'),
      params: { allowedNamespaces: [] },
      findings: [{ message: 'PodSecurity exempts namespace "kube-system": its pods bypass every Pod Security level', path: '/plugins/0/configuration/exemptions/namespaces/0', line: 11 }],
    },
  ],
});
