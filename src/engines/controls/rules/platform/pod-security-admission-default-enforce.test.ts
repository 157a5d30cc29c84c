import { testControl } from '../../tester.js';
import control from './pod-security-admission-default-enforce.js';

const admission = (defaults: string): string => `apiVersion: apiserver.config.k8s.io/v1
kind: AdmissionConfiguration
plugins:
- name: EventRateLimit
  path: /etc/kubernetes/eventratelimit.yaml
- name: PodSecurity
  configuration:
    apiVersion: pod-security.admission.config.k8s.io/v1
    kind: PodSecurityConfiguration
${defaults}`;

testControl(control, {
  valid: [
    { name: 'baseline', yaml: admission('    defaults:\n      enforce: baseline\n      enforce-version: latest\n') },
    { name: 'restricted, standalone file', yaml: 'apiVersion: pod-security.admission.config.k8s.io/v1\nkind: PodSecurityConfiguration\ndefaults:\n  enforce: restricted\n' },
  ],
  invalid: [
    {
      name: 'not set',
      yaml: admission('    defaults:\n      warn: restricted\n'),
      findings: [{ message: 'PodSecurity defaults.enforce is not set and defaults to privileged: unlabelled namespaces admit any pod', path: '/plugins/1/configuration/defaults', line: 11 }],
    },
    {
      name: 'privileged',
      yaml: admission('    defaults:\n      enforce: privileged\n'),
      findings: [{ message: 'PodSecurity defaults.enforce is "privileged": unlabelled namespaces admit any pod', path: '/plugins/1/configuration/defaults/enforce', line: 11 }],
    },
    {
      name: 'standalone without defaults',
      yaml: 'apiVersion: pod-security.admission.config.k8s.io/v1\nkind: PodSecurityConfiguration\nexemptions: {}\n',
      findings: [{ message: 'PodSecurity defaults.enforce is not set and defaults to privileged: unlabelled namespaces admit any pod', path: '', line: 1 }],
    },
  ],
});
