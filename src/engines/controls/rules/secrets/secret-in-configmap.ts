import { defineControl } from '../../types.js';
import { joinPointer } from '../../../../model/pointer.js';
import { isRecord } from '../templates/pod.js';
import { describeDetections, detectSecrets } from '../../secrets/index.js';

/** Decode binaryData only when it is text: credentials in images or archives are out of reach. */
function decodeText(b64: string): string | undefined {
  const buf = Buffer.from(b64, 'base64');
  const text = buf.toString('utf8');
  if (text.includes('\uFFFD')) return undefined;
  const control = text.match(/[\u0000-\u0008\u000E-\u001F]/g)?.length ?? 0;
  return control > 0 ? undefined : text;
}

export default defineControl({
  meta: {
    id: 'secret-in-configmap',
    title: 'Credential stored in a ConfigMap',
    severity: 'high',
    kinds: ['ConfigMap'],
    frameworks: { cis: [], nsa: ['network/secrets'], pss: [], mitre: ['T1552.001'] },
    rationale:
      'ConfigMaps are not encrypted at rest, are readable by far more roles than Secrets (`view` included), and are printed by tooling. Credentials in them are as good as public inside the cluster.',
    remediation: 'Move the credential into a Secret (or an external secret store), rotate it, and reference it from the workload.',
  },
  check({ object, report }) {
    for (const field of ['data', 'binaryData'] as const) {
      const map = object[field];
      if (!isRecord(map)) continue;
      for (const [key, raw] of Object.entries(map)) {
        if (typeof raw !== 'string') continue;
        const value = field === 'binaryData' ? decodeText(raw) : raw;
        if (value === undefined) continue;
        const found = detectSecrets(value, key);
        if (found.length === 0) continue;
        report({
          message: `ConfigMap ${field === 'binaryData' ? 'binaryData ' : ''}key "${key}" holds ${describeDetections(found)}`,
          path: joinPointer('', field, key),
          severity: found[0]?.confidence === 'high' ? 'high' : 'medium',
        });
      }
    }
  },
});
