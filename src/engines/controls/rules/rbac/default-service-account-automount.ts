import { defineControl } from '../../types.js';

export default defineControl({
  meta: {
    id: 'default-service-account-automount',
    title: 'Default service account automounts its token',
    severity: 'low',
    kinds: ['ServiceAccount'],
    frameworks: { cis: ['5.1.5', '5.1.6'], nsa: ['pod-security/service-account-tokens'], pss: [], mitre: ['T1528', 'T1078.001'] },
    rationale: 'Pods that name no service account get `default` and, unless it opts out, its token: an API credential most of them never use.',
    remediation: 'Set `automountServiceAccountToken: false` on every namespace\'s default ServiceAccount.',
  },
  check({ object, report }) {
    if (object.metadata?.name !== 'default') return;
    const setting = object['automountServiceAccountToken'];
    if (setting === false) return;
    const explicit = setting !== undefined;
    report({
      message: `the default service account of namespace "${object.metadata?.namespace ?? ''}" ${explicit ? `sets automountServiceAccountToken to ${JSON.stringify(setting)}` : 'does not set automountServiceAccountToken: false'}`,
      path: explicit ? '/automountServiceAccountToken' : '/metadata/name',
      fix: [{ op: explicit ? 'replace' : 'add', path: '/automountServiceAccountToken', value: false }],
    });
  },
});
