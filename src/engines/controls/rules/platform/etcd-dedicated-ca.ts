import { WORKLOAD_KINDS } from '../../../../model/workloads.js';
import { defineControl } from '../../types.js';
import { componentContainers } from './lib/components.js';
import { componentToken, configFileReplacesFlags, type PlatformMeta } from './lib/flag-control.js';

const meta: PlatformMeta = {
  id: 'etcd-dedicated-ca',
  title: 'etcd trusts the cluster CA instead of a dedicated one',
  severity: 'medium',
  kinds: WORKLOAD_KINDS,
  frameworks: { cis: ['2.7'], nsa: ['network/etcd'], mitre: ['T1552.007'] },
  rationale:
    'When etcd trusts the CA that signs every cluster client certificate, any certificate from that CA (a kubelet\'s, a user\'s) authenticates to etcd and reads every secret.',
  remediation: 'Create a CA used only for etcd, point etcd\'s `--trusted-ca-file` at it, and give the API server an etcd client certificate from it.',
  appliesTo: [componentToken('etcd')],
};

export default defineControl({
  meta,
  check({ object, inventory, report }) {
    const etcds = componentContainers(object, ['etcd']);
    if (etcds.length === 0) return;
    // The API servers of the same input: their client CA must not be etcd's trusted CA.
    const apiserverCAs = new Set<string>();
    for (const r of inventory.ofKind(...WORKLOAD_KINDS)) {
      for (const { flags } of componentContainers(r.object, ['kube-apiserver'])) {
        const ca = flags.effective('client-ca-file')?.value;
        if (ca) apiserverCAs.add(ca);
      }
    }
    for (const { container, flags } of etcds) {
      if (configFileReplacesFlags(flags)) continue;
      const trusted = flags.effective('trusted-ca-file');
      if (!trusted || trusted.value === '') {
        report({ message: 'etcd: --trusted-ca-file is not set, so client certificates are not verified against a dedicated CA', path: flags.arrayPath, container: container.name });
      } else if (apiserverCAs.has(trusted.value)) {
        report({
          message: `etcd: --trusted-ca-file "${trusted.value}" is also the API server's --client-ca-file: every certificate of the cluster CA can authenticate to etcd`,
          path: trusted.path,
          container: container.name,
        });
      }
    }
  },
});
