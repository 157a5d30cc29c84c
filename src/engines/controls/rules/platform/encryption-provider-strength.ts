import { defineControl } from '../../types.js';
import { apiGroupOf } from './lib/config-control.js';
import { ENCRYPTION_GROUP, entryFor } from './lib/encryption.js';

/** Why a first provider that does encrypt is still not the recommended one. */
const ADVICE: Readonly<Record<string, string>> = {
  aescbc: 'aescbc keeps the key on the control plane node and is weak against padding-oracle attacks',
  aesgcm: 'aesgcm keeps the key on the control plane node and needs a key rotation every 200,000 writes',
  secretbox: 'secretbox keeps the key on the control plane node, next to the data it protects',
};

export default defineControl({
  meta: {
    id: 'encryption-provider-strength',
    title: 'Secrets are encrypted with a local key instead of KMS v2',
    severity: 'low',
    kinds: ['EncryptionConfiguration'],
    frameworks: { cis: ['1.2.28'], nsa: ['network/secrets'], mitre: ['T1552'] },
    rationale:
      'Local providers store the key in the configuration file on the control plane, so anyone with the node\'s disk or backups has both the data and the key. KMS v1 is deprecated and disabled by default since Kubernetes 1.29.',
    remediation: 'Use a `kms` provider with `apiVersion: v2` first for secrets.',
  },
  check({ object, report }) {
    if (apiGroupOf(object.apiVersion) !== ENCRYPTION_GROUP) return;
    const first = entryFor(object, 'secrets')?.providers[0];
    if (!first) return; // encryption-secrets-plaintext reports this
    const advice = ADVICE[first.name];
    if (advice) report({ message: `secrets are encrypted with ${first.name}: ${advice}; prefer KMS v2`, path: first.path });
    else if (first.name === 'kms' && first.kmsVersion !== 'v2') {
      report({ message: `secrets use KMS ${first.kmsVersion ?? 'v1'}, which is deprecated; use apiVersion: v2`, path: first.path });
    }
  },
});
