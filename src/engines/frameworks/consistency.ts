/**
 * Mapping checks beyond "the ID exists": CIS v1.12 renumbered section 5, so a mapping written
 * against v1.9–v1.11 can name a valid v1.12 item with a different meaning (5.2.12 was hostPath, is
 * now HostPorts). These checks catch both the unknown and the shifted IDs.
 */
import type { FrameworkName } from '../../model/finding.js';
import type { ControlMeta } from '../controls/types.js';
import { catalogs, isKnownId } from './catalogs.js';

/** v1.11 IDs whose v1.12 number differs (same recommendation). */
export const CIS_V111_TO_V112: Readonly<Record<string, string>> = {
  '5.2.10': '5.2.9', // capabilities assigned
  '5.2.11': '5.2.10', // Windows HostProcess
  '5.2.12': '5.2.11', // HostPath volumes
  '5.2.13': '5.2.12', // HostPorts
  '5.7.1': '5.6.1',
  '5.7.2': '5.6.2',
  '5.7.3': '5.6.3',
  '5.7.4': '5.6.4',
};

/** The CIS v1.12 item that covers each Pod Security Standards check. */
export const CIS_FOR_PSS: Readonly<Record<string, readonly string[]>> = {
  privileged: ['5.2.2'],
  hostNamespaces: ['5.2.3', '5.2.4', '5.2.5'],
  allowPrivilegeEscalation: ['5.2.6'],
  runAsNonRoot: ['5.2.7'],
  runAsUser: ['5.2.7'],
  capabilities_baseline: ['5.2.8', '5.2.9'],
  capabilities_restricted: ['5.2.8', '5.2.9'],
  windowsHostProcess: ['5.2.10'],
  hostPathVolumes: ['5.2.11'],
  hostPorts: ['5.2.12'],
  seccompProfile_baseline: ['5.6.2'],
  seccompProfile_restricted: ['5.6.2'],
};

export interface MappingProblem {
  control: string;
  framework: FrameworkName;
  id: string;
  problem: string;
}

export function mappingProblems(controls: readonly ControlMeta[]): MappingProblem[] {
  const out: MappingProblem[] = [];
  for (const c of controls) {
    for (const framework of Object.keys(catalogs) as FrameworkName[]) {
      for (const id of c.frameworks[framework] ?? []) {
        if (isKnownId(framework, id)) continue;
        const renumbered = framework === 'cis' ? CIS_V111_TO_V112[id] : undefined;
        out.push({ control: c.id, framework, id, problem: renumbered ? `not in CIS v1.12 (v1.11 numbering): use ${renumbered}` : `not in the ${framework} catalog` });
      }
    }
    // A control that maps a PSS check and CIS 5.2.x/5.6.2 items must name the matching item.
    const cis = (c.frameworks.cis ?? []).filter((id) => /^5\.2\.(?:[2-9]|1[0-3])$|^5\.[67]\.2$/.test(id));
    const expected = new Set((c.frameworks.pss ?? []).flatMap((p) => CIS_FOR_PSS[p] ?? []));
    if (expected.size === 0) continue;
    for (const id of cis) {
      if (expected.has(id) || !isKnownId('cis', id)) continue;
      const title = catalogs.cis.items.find((i) => i.id === id)?.title ?? id;
      out.push({ control: c.id, framework: 'cis', id, problem: `CIS ${id} is "${title}", which does not match the PSS checks mapped (${[...expected].join(', ')} expected)` });
    }
  }
  return out;
}
