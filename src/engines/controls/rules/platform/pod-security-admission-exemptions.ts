import { defineControl } from '../../types.js';
import { joinPointer } from '../../../../model/pointer.js';
import { POD_SECURITY_KINDS, podSecurityConfigs } from './lib/pod-security-config.js';

const WHAT: Readonly<Record<string, string>> = { usernames: 'user', runtimeClasses: 'runtime class', namespaces: 'namespace' };

export default defineControl({
  meta: {
    id: 'pod-security-admission-exemptions',
    title: 'Pod Security admission exempts users, runtime classes or namespaces',
    severity: 'medium',
    kinds: POD_SECURITY_KINDS,
    frameworks: { cis: ['5.2.1'], nsa: ['pod-security/enforcement'], mitre: ['T1610', 'T1611'] },
    rationale:
      'Exempt requests skip Pod Security entirely: an exempt user can create privileged pods anywhere, and anyone who can create pods in an exempt namespace or with an exempt runtime class can too.',
    remediation: 'Remove exemptions; grant the few workloads that need more a namespace labelled with the level they need instead.',
    params: {
      allowedNamespaces: {
        type: 'string[]',
        description: 'Namespaces whose exemption is accepted (system namespaces run privileged components by design).',
        default: ['kube-system'],
      },
    },
  },
  check({ object, report, params }) {
    for (const { config, base } of podSecurityConfigs(object)) {
      const exemptions = config['exemptions'];
      if (exemptions === null || typeof exemptions !== 'object') continue;
      for (const field of ['usernames', 'runtimeClasses', 'namespaces'] as const) {
        const list = (exemptions as Record<string, unknown>)[field];
        if (!Array.isArray(list)) continue;
        list.forEach((name, i) => {
          if (typeof name !== 'string' || name === '') return;
          if (field === 'namespaces' && params.allowedNamespaces.includes(name)) return;
          report({
            message: `PodSecurity exempts ${WHAT[field]} "${name}": its pods bypass every Pod Security level`,
            path: joinPointer(base, 'exemptions', field, i),
          });
        });
      }
    }
  },
});
