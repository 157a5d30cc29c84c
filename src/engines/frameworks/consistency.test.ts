import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mappingProblems, CIS_V111_TO_V112, CIS_FOR_PSS } from './consistency.js';
import { isKnownId } from './index.js';
import type { ControlMeta } from '../controls/types.js';

const meta = (id: string, frameworks: ControlMeta['frameworks']): ControlMeta => ({ id, title: id, severity: 'high', kinds: ['Pod'], frameworks, rationale: 'r', remediation: 'r' });

test('renumbering table and PSS table only name v1.12 items', () => {
  for (const v112 of Object.values(CIS_V111_TO_V112)) assert.ok(isKnownId('cis', v112), v112);
  for (const [pss, ids] of Object.entries(CIS_FOR_PSS)) {
    assert.ok(isKnownId('pss', pss), pss);
    for (const id of ids) assert.ok(isKnownId('cis', id), id);
  }
});

test('unknown IDs get a renumbering hint; shifted IDs are caught through their PSS check', () => {
  assert.deepEqual(
    mappingProblems([
      meta('default-ns', { cis: ['5.7.4'] }),
      meta('host-port', { cis: ['5.2.13'], pss: ['hostPorts'] }),
      meta('host-path', { cis: ['5.2.12'], pss: ['hostPathVolumes'] }),
      meta('ok', { cis: ['5.2.11'], pss: ['hostPathVolumes'] }),
      meta('typo', { nsa: ['network/policies'] }),
    ]),
    [
      { control: 'default-ns', framework: 'cis', id: '5.7.4', problem: 'not in CIS v1.12 (v1.11 numbering): use 5.6.4' },
      { control: 'host-port', framework: 'cis', id: '5.2.13', problem: 'not in CIS v1.12 (v1.11 numbering): use 5.2.12' },
      {
        control: 'host-path',
        framework: 'cis',
        id: '5.2.12',
        problem: 'CIS 5.2.12 is "Minimize the admission of containers which use HostPorts", which does not match the PSS checks mapped (5.2.11 expected)',
      },
      { control: 'typo', framework: 'nsa', id: 'network/policies', problem: 'not in the nsa catalog' },
    ],
  );
});
