import { defineControl } from '../../types.js';
import { joinPointer } from '../../../../model/pointer.js';
import { WORKLOAD_KINDS } from '../../../../model/workloads.js';
import { podAndContainers } from '../templates/pod.js';
import { parseImage } from '../templates/image.js';

export default defineControl({
  meta: {
    id: 'image-tag-latest',
    title: 'Image without a tag or tagged latest',
    severity: 'medium',
    kinds: WORKLOAD_KINDS,
    frameworks: { cis: [], nsa: ['pod-security/secure-images'], pss: [], mitre: ['T1525'] },
    rationale:
      'An untagged or `latest` image changes under the workload without review: nodes may run different code, rollbacks are impossible and a poisoned push is picked up on the next pull. Digest-pinned images pass.',
    remediation: 'Use an immutable version tag, or better, pin the image by digest (`image@sha256:…`).',
  },
  check({ object, report }) {
    const pod = podAndContainers(object);
    if (!pod) return;
    for (const c of pod.containers) {
      const image = c.container.image;
      if (typeof image !== 'string' || image.trim() === '') {
        report({ message: `container "${c.name}" has no image`, path: c.path, container: c.name });
        continue;
      }
      const path = joinPointer(c.path, 'image');
      const ref = parseImage(image);
      if (ref.digest !== undefined) continue;
      if (ref.tag === undefined) report({ message: `container "${c.name}" uses image "${image}" without a tag (resolves to latest)`, path, container: c.name });
      else if (ref.tag === 'latest') report({ message: `container "${c.name}" uses image "${image}" with the latest tag`, path, container: c.name });
    }
  },
});
