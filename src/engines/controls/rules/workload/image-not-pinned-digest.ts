import { defineControl } from '../../types.js';
import { joinPointer } from '../../../../model/pointer.js';
import { WORKLOAD_KINDS } from '../../../../model/workloads.js';
import { podAndContainers } from '../templates/pod.js';
import { hasValidDigest, parseImage } from '../templates/image.js';

export default defineControl({
  meta: {
    id: 'image-not-pinned-digest',
    title: 'Image not pinned by digest',
    severity: 'info',
    kinds: WORKLOAD_KINDS,
    frameworks: { cis: [], nsa: ['pod-security/secure-images'], pss: [], mitre: ['T1525'] },
    rationale: 'Tags are mutable: only a digest guarantees the scanned, signed image is the one that runs. Off by default because most teams pin by tag and enforce digests at admission.',
    remediation: 'Reference the image by digest (`registry/repo@sha256:…`), e.g. resolved by your CD tooling.',
    disabledByDefault: true,
  },
  check({ object, report }) {
    const pod = podAndContainers(object);
    if (!pod) return;
    for (const c of pod.containers) {
      const image = c.container.image;
      if (typeof image !== 'string' || image.trim() === '') continue; // reported by image-tag-latest
      const ref = parseImage(image);
      if (hasValidDigest(ref)) continue;
      report({
        message: ref.digest !== undefined ? `container "${c.name}" uses image "${image}" with a malformed digest` : `container "${c.name}" uses image "${image}" without a digest`,
        path: joinPointer(c.path, 'image'),
        container: c.name,
      });
    }
  },
});
