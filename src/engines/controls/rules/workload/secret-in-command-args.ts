import { defineControl } from '../../types.js';
import { joinPointer } from '../../../../model/pointer.js';
import { WORKLOAD_KINDS } from '../../../../model/workloads.js';
import { podAndContainers } from '../templates/pod.js';
import { describeDetections, detectSecrets, sensitiveName } from '../../secrets/index.js';
import type { SecretDetection } from '../../secrets/index.js';

const FLAG_WITH_VALUE = /^--?([A-Za-z][\w.-]*)=(.*)$/s;
const BARE_FLAG = /^--?([A-Za-z][\w.-]*)$/;

/** Credentials in one argument: `--password=x`, `--password x` (value in the next element), or a token anywhere. */
function inspectArgument(args: readonly unknown[], i: number): SecretDetection[] {
  const arg = args[i];
  if (typeof arg !== 'string') return [];
  const withValue = FLAG_WITH_VALUE.exec(arg);
  if (withValue) return detectSecrets(withValue[2] as string, withValue[1]);
  const prev = i > 0 ? args[i - 1] : undefined;
  const flag = typeof prev === 'string' ? BARE_FLAG.exec(prev) : null;
  if (flag && !arg.startsWith('-') && sensitiveName(flag[1] as string)) return detectSecrets(arg, flag[1]);
  // Shell scripts (`sh -c "..."`) and free text: format detectors and `KEY=value` assignments.
  return detectSecrets(arg);
}

export default defineControl({
  meta: {
    id: 'secret-in-command-args',
    title: 'Credential written in a container command or arguments',
    severity: 'high',
    kinds: WORKLOAD_KINDS,
    frameworks: { cis: ['5.4.1'], nsa: ['network/secrets'], pss: [], mitre: ['T1552.001'] },
    rationale:
      'Command lines are stored in the manifest and the object, shown by `kubectl describe`, and visible to every process on the node through /proc/<pid>/cmdline.',
    remediation: 'Pass the credential through a mounted Secret file (or an env var from a Secret, read by the process), and rotate it.',
  },
  check({ object, report }) {
    const pod = podAndContainers(object);
    if (!pod) return;
    for (const c of pod.containers) {
      for (const field of ['command', 'args'] as const) {
        const list = c.container[field];
        if (!Array.isArray(list)) continue;
        for (let i = 0; i < list.length; i++) {
          const found = inspectArgument(list, i);
          if (found.length === 0) continue;
          report({
            message: `container "${c.name}" ${field}[${i}] holds ${describeDetections(found)}`,
            path: joinPointer(c.path, field, i),
            container: c.name,
            severity: found[0]?.confidence === 'high' ? 'high' : 'medium',
          });
        }
      }
    }
  },
});
