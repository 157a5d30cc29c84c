/** Restricted volume types and baseline sysctls. */
import type { JsonPointer } from '../../../model/types.js';
import type { PodView } from '../pod.js';
import { arr, rec, str } from '../pod.js';
import { joinQuote, pluralize, sortedSet } from '../text.js';
import type { CheckFn, Failure } from './check.js';

/**
 * Inline volume sources restricted pods may use. `image` was patched into the 1.0 revision upstream
 * (Kubernetes 1.33), so it is allowed at every policy version.
 */
const ALLOWED_VOLUME_SOURCES = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'image', 'persistentVolumeClaim', 'projected', 'secret'] as const;

/** Every other source, in the order upstream names the first one it finds. */
const RESTRICTED_VOLUME_SOURCES = [
  'hostPath',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'gitRepo',
  'nfs',
  'iscsi',
  'glusterfs',
  'rbd',
  'flexVolume',
  'cinder',
  'cephfs',
  'flocker',
  'fc',
  'azureFile',
  'vsphereVolume',
  'quobyte',
  'azureDisk',
  'photonPersistentDisk',
  'portworxVolume',
  'scaleIO',
  'storageos',
] as const;

/**
 * Only the allowed volume sources (v1.0+; replaces hostPathVolumes under restricted). A volume with
 * no known source is defaulted to `emptyDir` by the API server, so it is allowed.
 */
export function restrictedVolumes_1_0(pod: PodView): Failure | undefined {
  const badVolumes: string[] = [];
  const badTypes = new Set<string>();
  const paths: JsonPointer[] = [];
  arr(pod.spec['volumes']).forEach((v, i) => {
    const volume = rec(v);
    if (!volume) return;
    if (ALLOWED_VOLUME_SOURCES.some((s) => rec(volume[s]) !== undefined)) return;
    const source = RESTRICTED_VOLUME_SOURCES.find((s) => rec(volume[s]) !== undefined);
    if (source === undefined) return; // no source: defaulted to emptyDir
    badVolumes.push(str(volume['name']));
    badTypes.add(source);
    paths.push(`/spec/volumes/${i}/${source}`);
  });
  if (badVolumes.length === 0) return undefined;
  const types = sortedSet(badTypes);
  return {
    reason: 'restricted volume types',
    detail: `${pluralize('volume', 'volumes', badVolumes.length)} ${joinQuote(badVolumes)} ${pluralize('uses', 'use', badVolumes.length)} ${pluralize('restricted volume type', 'restricted volume types', types.length)} ${joinQuote(types)}`,
    paths,
  };
}

const SYSCTLS_1_0 = ['kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_unprivileged_port_start'];
const SYSCTLS_1_27 = [...SYSCTLS_1_0, 'net.ipv4.ip_local_reserved_ports'];
const SYSCTLS_1_29 = [...SYSCTLS_1_27, 'net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes'];
const SYSCTLS_1_32 = [...SYSCTLS_1_29, 'net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem'];
const SYSCTLS_1_37 = [...SYSCTLS_1_32, 'net.ipv4.tcp_slow_start_after_idle', 'net.ipv4.tcp_notsent_lowat'];

/** Only the namespaced, node-isolated "safe" sysctls; the list grows with the policy version. */
function sysctls(allowed: ReadonlySet<string>): CheckFn {
  return (pod) => {
    const forbidden: string[] = [];
    const paths: JsonPointer[] = [];
    arr(pod.podSC?.['sysctls']).forEach((s, i) => {
      const name = str(rec(s)?.['name']);
      if (!allowed.has(name)) {
        forbidden.push(name);
        paths.push(`/spec/securityContext/sysctls/${i}/name`);
      }
    });
    if (forbidden.length === 0) return undefined;
    return { reason: 'forbidden sysctls', detail: forbidden.join(', '), paths };
  };
}

export const sysctls_1_0 = sysctls(new Set(SYSCTLS_1_0));
export const sysctls_1_27 = sysctls(new Set(SYSCTLS_1_27));
export const sysctls_1_29 = sysctls(new Set(SYSCTLS_1_29));
export const sysctls_1_32 = sysctls(new Set(SYSCTLS_1_32));
export const sysctls_1_37 = sysctls(new Set(SYSCTLS_1_37));
