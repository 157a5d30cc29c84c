import { defineControl } from '../../types.js';
import type { JsonPointer } from '../../../../model/types.js';
import { getAtPointer, joinPointer } from '../../../../model/pointer.js';
import { isRecord, podAndContainers } from '../templates/pod.js';
import { describeDetections, detectSecrets } from '../../secrets/index.js';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** Does a Secret's last-applied-configuration carry its data? (kubectl apply copies the whole object.) */
function lastAppliedHoldsSecretData(value: string): boolean {
  try {
    const parsed: unknown = JSON.parse(value);
    if (!isRecord(parsed)) return false;
    return ['data', 'stringData'].some((f) => isRecord(parsed[f]) && Object.keys(parsed[f] as object).length > 0);
  } catch {
    return false;
  }
}

export default defineControl({
  meta: {
    id: 'secret-in-annotation',
    title: 'Credential stored in an annotation',
    severity: 'high',
    kinds: ['*'],
    frameworks: { cis: [], nsa: ['network/secrets'], pss: [], mitre: ['T1552.001'] },
    rationale:
      'Annotations are plain metadata: readable by anyone who can get the object, copied into events and tooling output, never encrypted. `kubectl apply` also copies a whole Secret, data included, into its last-applied-configuration annotation.',
    remediation: 'Remove the credential from the annotation and rotate it; create Secrets with server-side apply or `kubectl create` so no copy of the data lands in an annotation.',
  },
  check({ object, report }) {
    const inspect = (annotations: unknown, base: JsonPointer, owner: string): void => {
      if (!isRecord(annotations)) return;
      for (const [key, value] of Object.entries(annotations)) {
        if (typeof value !== 'string') continue;
        const path = joinPointer(base, key);
        if (key === LAST_APPLIED && object.kind === 'Secret') {
          if (lastAppliedHoldsSecretData(value)) report({ message: `annotation "${key}" holds a copy of the Secret's data`, path });
          continue;
        }
        const found = detectSecrets(value, key);
        if (found.length === 0) continue;
        report({
          message: `${owner}annotation "${key}" holds ${describeDetections(found)}`,
          path,
          severity: found[0]?.confidence === 'high' ? 'high' : 'medium',
        });
      }
    };
    inspect(object.metadata?.annotations, '/metadata/annotations', '');
    const view = podAndContainers(object)?.view;
    if (view && view.metadataPath !== '/metadata') {
      const annotationsPath = joinPointer(view.metadataPath, 'annotations');
      inspect(getAtPointer(object, annotationsPath), annotationsPath, 'pod template ');
    }
  },
});
