import { defineControl } from '../../types.js';
import { joinPointer } from '../../../../model/pointer.js';
import { WORKLOAD_KINDS } from '../../../../model/workloads.js';
import { podAndContainers } from '../templates/pod.js';
import { parseImage } from '../templates/image.js';

export default defineControl({
  meta: {
    id: 'image-pull-policy',
    title: 'Image pull policy is not Always',
    severity: 'low',
    kinds: WORKLOAD_KINDS,
    frameworks: { cis: [], nsa: ['pod-security/secure-images'], pss: [], mitre: ['T1078'] },
    rationale:
      'With IfNotPresent or Never, a pod reuses an image already on the node without the registry checking its pull credentials, so any tenant can run another\'s private image. The API server defaults the policy to Always only for untagged and `latest` images.',
    remediation: 'Set `imagePullPolicy: Always` (cheap with a local registry mirror), or enable the AlwaysPullImages admission plugin.',
  },
  check({ object, report }) {
    const pod = podAndContainers(object);
    if (!pod) return;
    for (const c of pod.containers) {
      const image = c.container.image;
      if (typeof image !== 'string' || image.trim() === '') continue;
      const policy = c.container.imagePullPolicy;
      const policyPath = joinPointer(c.path, 'imagePullPolicy');
      if (policy === undefined) {
        const ref = parseImage(image);
        // Defaulting as in the API server: Always for untagged/latest (digest-less), else IfNotPresent.
        if (ref.digest === undefined && (ref.tag === undefined || ref.tag === 'latest')) continue;
        report({
          message: `container "${c.name}" has no imagePullPolicy; it defaults to IfNotPresent for "${image}"`,
          path: c.path,
          container: c.name,
          fix: [{ op: 'add', path: policyPath, value: 'Always' }],
        });
      } else if (policy !== 'Always') {
        report({
          message: `container "${c.name}" sets imagePullPolicy ${JSON.stringify(policy)}`,
          path: policyPath,
          container: c.name,
          fix: [{ op: 'replace', path: policyPath, value: 'Always' }],
        });
      }
    }
  },
});
