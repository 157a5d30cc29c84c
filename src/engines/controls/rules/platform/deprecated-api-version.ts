import { defineControl } from '../../types.js';
import { atLeast, parseMinor, removalOf } from './lib/deprecated-apis.js';

export class InvalidTargetVersionError extends Error {
  override readonly name = 'InvalidTargetVersionError';
}

export default defineControl({
  meta: {
    id: 'deprecated-api-version',
    title: 'Object uses a deprecated or removed API version',
    severity: 'medium',
    kinds: ['*'],
    frameworks: { nsa: ['upgrading/application-security'] },
    rationale:
      'An API version that is removed in the target Kubernetes release is no longer served: applying the manifest fails and upgrades stall on security patches.',
    remediation: 'Migrate the manifest to the replacement API version before upgrading (kubectl convert helps for most kinds).',
    params: {
      targetVersion: { type: 'string', description: 'Kubernetes version to check against, e.g. 1.34.', default: '1.34' },
    },
  },
  check({ object, report, params }) {
    const removal = removalOf(object.apiVersion, object.kind);
    if (!removal) return;
    if (!parseMinor(params.targetVersion)) throw new InvalidTargetVersionError(`targetVersion "${params.targetVersion}" is not a Kubernetes version like 1.34`);
    const instead = removal.replacement ? `use ${removal.replacement}` : (removal.note ?? 'no replacement');
    const caveat = removal.replacement && removal.note ? ` (${removal.note})` : '';
    if (atLeast(params.targetVersion, removal.removedIn)) {
      const r: Parameters<typeof report>[0] = {
        message: `${object.apiVersion} ${object.kind} is removed since Kubernetes ${removal.removedIn}; ${instead}${caveat}`,
        path: '/apiVersion',
        severity: 'high',
      };
      if (removal.mechanical && removal.replacement) r.fix = [{ op: 'replace', path: '/apiVersion', value: removal.replacement }];
      report(r);
    } else if (atLeast(params.targetVersion, removal.deprecatedIn)) {
      const r: Parameters<typeof report>[0] = {
        message: `${object.apiVersion} ${object.kind} is deprecated since Kubernetes ${removal.deprecatedIn} and removed in ${removal.removedIn}; ${instead}${caveat}`,
        path: '/apiVersion',
        severity: 'low',
      };
      if (removal.mechanical && removal.replacement) r.fix = [{ op: 'replace', path: '/apiVersion', value: removal.replacement }];
      report(r);
    }
  },
});
