import { defineControl } from '../../types.js';
import { apiGroupOf } from './lib/config-control.js';
import { ENCRYPTION_GROUP, entryFor } from './lib/encryption.js';

export default defineControl({
  meta: {
    id: 'encryption-secrets-plaintext',
    title: 'Secrets are stored unencrypted in etcd',
    severity: 'critical',
    kinds: ['EncryptionConfiguration'],
    frameworks: { cis: ['1.2.28'], nsa: ['network/secrets'], mitre: ['T1552'] },
    rationale:
      'The first provider encrypts every write. With identity first (or no entry for secrets), every Secret lands in etcd and its backups in plain text, whatever providers follow.',
    remediation: 'Put a KMS v2 provider (or aesgcm, aescbc, secretbox) first in the entry covering secrets; keep identity only last, for reading old data.',
  },
  check({ object, report }) {
    if (apiGroupOf(object.apiVersion) !== ENCRYPTION_GROUP) return;
    const entry = entryFor(object, 'secrets');
    if (!entry) {
      report({ message: 'no resources entry covers secrets, so Secrets are stored in plain text', path: Array.isArray(object['resources']) ? '/resources' : '' });
      return;
    }
    const first = entry.providers[0];
    if (!first) {
      report({ message: `the resources entry ${entry.index} covering secrets has no providers`, path: entry.path });
      return;
    }
    if (first.name === 'identity') {
      const alone = entry.providers.length === 1;
      report({
        message: alone
          ? 'secrets use only the identity provider: Secrets are stored in plain text'
          : 'identity is the first provider for secrets: new Secrets are written in plain text (the providers after it only decrypt)',
        path: first.path,
      });
    } else if (first.name === 'unknown') {
      report({ message: 'the first provider for secrets is not one of identity, aescbc, aesgcm, secretbox or kms', path: first.path });
    }
  },
});
