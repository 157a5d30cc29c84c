import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LATEST, minorVersion } from './levels.js';
import { checksFor, CHECKS, effectiveMinor, MAX_MINOR } from './registry.js';
import { CHECK_IDS } from './types.js';
import type { Level } from './types.js';

const ids = (level: Level, minor?: number): string[] => checksFor({ level, version: minor === undefined ? LATEST : minorVersion(minor) }).map((c) => c.id);

describe('check registry', () => {
  test('every upstream check ID is registered exactly once', () => {
    assert.deepEqual(CHECKS.map((c) => c.id).sort(), [...CHECK_IDS].sort());
  });

  test('revisions are strictly increasing', () => {
    for (const c of CHECKS) {
      const versions = c.revisions.map((r) => r.minVersion);
      assert.deepEqual(versions, [...new Set(versions)].sort((a, b) => a - b), c.id);
    }
  });

  test('latest and future versions evaluate as the newest defined version (v1.37)', () => {
    assert.equal(MAX_MINOR, 37);
    assert.equal(effectiveMinor({ level: 'baseline', version: LATEST }), 37);
    assert.equal(effectiveMinor({ level: 'baseline', version: minorVersion(50) }), 37);
    assert.deepEqual(ids('restricted'), ids('restricted', 99));
  });

  const table: { level: Level; minor?: number; expect: string[] }[] = [
    { level: 'privileged', expect: [] },
    {
      level: 'baseline',
      minor: 0,
      expect: ['appArmorProfile', 'capabilities_baseline', 'hostNamespaces', 'hostPathVolumes', 'hostPorts', 'privileged', 'procMount', 'seLinuxOptions', 'seccompProfile_baseline', 'sysctls', 'windowsHostProcess'],
    },
    {
      level: 'baseline',
      expect: ['appArmorProfile', 'capabilities_baseline', 'hostNamespaces', 'hostPathVolumes', 'hostPorts', 'hostProbesAndHostLifecycle', 'privileged', 'procMount', 'seLinuxOptions', 'seccompProfile_baseline', 'sysctls', 'windowsHostProcess'],
    },
    {
      // v1.0 restricted: hostPathVolumes replaced by restrictedVolumes; seccomp via the baseline (annotation) check
      level: 'restricted',
      minor: 0,
      expect: ['appArmorProfile', 'capabilities_baseline', 'hostNamespaces', 'hostPorts', 'privileged', 'procMount', 'seLinuxOptions', 'seccompProfile_baseline', 'sysctls', 'windowsHostProcess', 'restrictedVolumes', 'runAsNonRoot'],
    },
    {
      level: 'restricted',
      minor: 19,
      expect: ['appArmorProfile', 'capabilities_baseline', 'hostNamespaces', 'hostPorts', 'privileged', 'procMount', 'seLinuxOptions', 'sysctls', 'windowsHostProcess', 'allowPrivilegeEscalation', 'restrictedVolumes', 'runAsNonRoot', 'seccompProfile_restricted'],
    },
    {
      level: 'restricted',
      minor: 34,
      expect: ['appArmorProfile', 'hostNamespaces', 'hostPorts', 'hostProbesAndHostLifecycle', 'privileged', 'procMount', 'seLinuxOptions', 'sysctls', 'windowsHostProcess', 'allowPrivilegeEscalation', 'capabilities_restricted', 'restrictedVolumes', 'runAsNonRoot', 'runAsUser', 'seccompProfile_restricted'],
    },
    {
      level: 'restricted',
      expect: ['appArmorProfile', 'hostNamespaces', 'hostPorts', 'hostProbesAndHostLifecycle', 'privileged', 'seLinuxOptions', 'sysctls', 'windowsHostProcess', 'allowPrivilegeEscalation', 'capabilities_restricted', 'procMount_restricted', 'restrictedVolumes', 'runAsNonRoot', 'runAsUser', 'seccompProfile_restricted'],
    },
  ];
  for (const row of table) {
    test(`${row.level}:${row.minor === undefined ? 'latest' : `v1.${row.minor}`} runs the checks in upstream order`, () => {
      assert.deepEqual(ids(row.level, row.minor), row.expect);
    });
  }
});
