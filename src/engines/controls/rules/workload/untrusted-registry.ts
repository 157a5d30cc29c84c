import { defineControl } from '../../types.js';
import { joinPointer } from '../../../../model/pointer.js';
import { WORKLOAD_KINDS } from '../../../../model/workloads.js';
import { podAndContainers } from '../templates/pod.js';
import { isTrusted, parseImage, qualifiedName } from '../templates/image.js';

export default defineControl({
  meta: {
    id: 'untrusted-registry',
    title: 'Image from a registry outside the trusted list',
    severity: 'high',
    kinds: WORKLOAD_KINDS,
    frameworks: { cis: ['5.5.1'], nsa: ['pod-security/secure-images'], pss: [], mitre: ['T1204.003', 'T1525'] },
    rationale:
      'Images from arbitrary registries bypass your scanning and signing pipeline. Inactive until `trustedRegistries` lists the registries (or registry/path prefixes) you allow.',
    remediation: 'Mirror the image into a trusted registry and reference it there, or add the registry to `trustedRegistries`.',
    params: {
      trustedRegistries: {
        type: 'string[]',
        description: 'Allowed registries or registry/path prefixes, e.g. ["registry.example.com", "ghcr.io/acme"]. Docker Hub is docker.io (official images: docker.io/library). Empty disables the control.',
        default: [] as string[],
      },
    },
  },
  check({ object, report, params }) {
    if (params.trustedRegistries.length === 0) return;
    const pod = podAndContainers(object);
    if (!pod) return;
    for (const c of pod.containers) {
      const image = c.container.image;
      if (typeof image !== 'string' || image.trim() === '') continue;
      const ref = parseImage(image);
      if (isTrusted(ref, params.trustedRegistries)) continue;
      report({
        message: `container "${c.name}" uses image "${image}" (${qualifiedName(ref)}) from outside the trusted registries`,
        path: joinPointer(c.path, 'image'),
        container: c.name,
      });
    }
  },
});
