import { defineControl } from '../../types.js';
import { joinPointer } from '../../../../model/pointer.js';
import { WORKLOAD_KINDS } from '../../../../model/workloads.js';
import { isRecord, podAndContainers } from '../templates/pod.js';

export default defineControl({
  meta: {
    id: 'secret-in-env',
    title: 'Secret passed as environment variable',
    severity: 'low',
    kinds: WORKLOAD_KINDS,
    frameworks: { cis: ['5.4.1'], nsa: ['network/secrets'], pss: [], mitre: ['T1552.001'] },
    rationale:
      'Environment variables leak: they are inherited by child processes, dumped in crash reports and debug endpoints, and visible in /proc. Secrets mounted as files can be protected by file permissions and are updated in place.',
    remediation: 'Mount the Secret as a volume (or use a CSI secret store) and read it from the file.',
  },
  check({ object, report }) {
    const pod = podAndContainers(object);
    if (!pod) return;
    for (const c of pod.containers) {
      const env = c.container.env;
      if (Array.isArray(env)) {
        env.forEach((e, i) => {
          if (!isRecord(e) || !isRecord(e.valueFrom) || !isRecord(e.valueFrom.secretKeyRef)) return;
          const ref = e.valueFrom.secretKeyRef;
          report({
            message: `container "${c.name}" reads key "${String(ref.key ?? '?')}" of secret "${String(ref.name ?? '?')}" into env var "${String(e.name ?? '?')}"`,
            path: joinPointer(c.path, 'env', i, 'valueFrom', 'secretKeyRef'),
            container: c.name,
          });
        });
      }
      const envFrom = c.container.envFrom;
      if (Array.isArray(envFrom)) {
        envFrom.forEach((e, i) => {
          if (!isRecord(e) || !isRecord(e.secretRef)) return;
          report({
            message: `container "${c.name}" loads every key of secret "${String(e.secretRef.name ?? '?')}" into its environment`,
            path: joinPointer(c.path, 'envFrom', i, 'secretRef'),
            container: c.name,
          });
        });
      }
    }
  },
});
