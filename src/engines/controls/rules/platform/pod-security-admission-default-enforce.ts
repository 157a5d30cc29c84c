import { defineControl } from '../../types.js';
import { lookup } from './lib/config-rules.js';
import { POD_SECURITY_KINDS, podSecurityConfigs } from './lib/pod-security-config.js';

const ENFORCING = new Set(['baseline', 'restricted']);

export default defineControl({
  meta: {
    id: 'pod-security-admission-default-enforce',
    title: 'Pod Security admission enforces nothing by default',
    severity: 'medium',
    kinds: POD_SECURITY_KINDS,
    frameworks: { cis: ['5.2.1'], nsa: ['pod-security/enforcement'], mitre: ['T1610', 'T1611'] },
    rationale:
      'The cluster-wide default applies to every namespace without a pod-security.kubernetes.io/enforce label; at privileged (the built-in default) such namespaces admit privileged, host-namespace and hostPath pods.',
    remediation: 'Set `defaults.enforce: baseline` (or restricted) in the PodSecurity admission configuration, and label namespaces that need more.',
  },
  check({ object, report }) {
    for (const { config, base } of podSecurityConfigs(object)) {
      const l = lookup(config, ['defaults', 'enforce']);
      const path = base + l.path;
      if (!l.present) {
        report({ message: 'PodSecurity defaults.enforce is not set and defaults to privileged: unlabelled namespaces admit any pod', path });
      } else if (typeof l.value !== 'string' || !ENFORCING.has(l.value)) {
        report({ message: `PodSecurity defaults.enforce is "${String(l.value)}": unlabelled namespaces admit any pod`, path });
      }
    }
  },
});
