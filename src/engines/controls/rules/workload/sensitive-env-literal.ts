import { defineControl } from '../../types.js';
import { joinPointer } from '../../../../model/pointer.js';
import { WORKLOAD_KINDS } from '../../../../model/workloads.js';
import { isRecord, podAndContainers } from '../templates/pod.js';
import { describeDetections, detectSecrets } from '../../secrets/index.js';

export default defineControl({
  meta: {
    id: 'sensitive-env-literal',
    title: 'Credential written as a literal environment value',
    severity: 'high',
    kinds: WORKLOAD_KINDS,
    frameworks: { cis: ['5.4.1'], nsa: ['network/secrets'], pss: [], mitre: ['T1552.001'] },
    rationale:
      'A credential in `env[].value` is stored in the manifest, in Git, in the object in etcd (unencrypted, unlike Secrets with encryption at rest) and is readable by everyone who can read the workload.',
    remediation: 'Move the value into a Secret (or an external secret store), rotate it, and reference it from a mounted file.',
  },
  check({ object, report }) {
    const pod = podAndContainers(object);
    if (!pod) return;
    for (const c of pod.containers) {
      const env = c.container.env;
      if (!Array.isArray(env)) continue;
      env.forEach((e, i) => {
        if (!isRecord(e) || typeof e.value !== 'string') return;
        const name = typeof e.name === 'string' ? e.name : '';
        const found = detectSecrets(e.value, name);
        if (found.length === 0) return;
        report({
          message: `container "${c.name}" env var "${name}" holds ${describeDetections(found)} as a literal`,
          path: joinPointer(c.path, 'env', i, 'value'),
          container: c.name,
          severity: found[0]?.confidence === 'high' ? 'high' : 'medium',
        });
      });
    }
  },
});
