/** Checks on what a container may do: privileged, capabilities, escalation, users, /proc, HostProcess. */
import type { JsonPointer } from '../../../model/types.js';
import type { PodView } from '../pod.js';
import { arr, inUserNamespace, isWindows, rec } from '../pod.js';
import { joinQuote, sortedSet } from '../text.js';
import type { CheckFn, Failure } from './check.js';
import { containersPhrase, settersPhrase } from './check.js';

/** No `privileged: true` (v1.0+). */
export function privileged_1_0(pod: PodView): Failure | undefined {
  const bad: string[] = [];
  const paths: JsonPointer[] = [];
  for (const c of pod.containers) {
    if (c.sc?.['privileged'] === true) {
      bad.push(c.name);
      paths.push(`${c.path}/securityContext/privileged`);
    }
  }
  if (bad.length === 0) return undefined;
  return { reason: 'privileged', detail: `${containersPhrase(bad)} must not set securityContext.privileged=true`, paths };
}

const BASELINE_CAPABILITIES = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

function capabilityList(v: unknown): string[] {
  return arr(v).map((x) => (typeof x === 'string' ? x : ''));
}

/** Only the default capability set may be added (v1.0+). */
export function capabilitiesBaseline_1_0(pod: PodView): Failure | undefined {
  const bad: string[] = [];
  const added = new Set<string>();
  const paths: JsonPointer[] = [];
  for (const c of pod.containers) {
    const caps = rec(c.sc?.['capabilities']);
    if (!caps) continue;
    let valid = true;
    capabilityList(caps['add']).forEach((cap, i) => {
      if (!BASELINE_CAPABILITIES.has(cap)) {
        valid = false;
        added.add(cap);
        paths.push(`${c.path}/securityContext/capabilities/add/${i}`);
      }
    });
    if (!valid) bad.push(c.name);
  }
  if (bad.length === 0) return undefined;
  return {
    reason: 'non-default capabilities',
    detail: `${containersPhrase(bad)} must not include ${joinQuote(sortedSet(added))} in securityContext.capabilities.add`,
    paths,
  };
}

/** Drop ALL; add nothing but NET_BIND_SERVICE (v1.22+). */
export function capabilitiesRestricted_1_22(pod: PodView): Failure | undefined {
  const missingDropAll: string[] = [];
  const addingForbidden: string[] = [];
  const forbidden = new Set<string>();
  const paths: JsonPointer[] = [];
  for (const c of pod.containers) {
    const caps = rec(c.sc?.['capabilities']);
    if (!caps) {
      missingDropAll.push(c.name);
      paths.push(c.sc ? `${c.path}/securityContext` : c.path);
      continue;
    }
    if (!capabilityList(caps['drop']).includes('ALL')) {
      missingDropAll.push(c.name);
      paths.push(`${c.path}/securityContext/capabilities`);
    }
    let addedForbidden = false;
    capabilityList(caps['add']).forEach((cap, i) => {
      if (cap !== 'NET_BIND_SERVICE') {
        addedForbidden = true;
        forbidden.add(cap);
        paths.push(`${c.path}/securityContext/capabilities/add/${i}`);
      }
    });
    if (addedForbidden) addingForbidden.push(c.name);
  }
  const details: string[] = [];
  if (missingDropAll.length > 0) details.push(`${containersPhrase(missingDropAll)} must set securityContext.capabilities.drop=["ALL"]`);
  if (addingForbidden.length > 0) {
    details.push(`${containersPhrase(addingForbidden)} must not include ${joinQuote(sortedSet(forbidden))} in securityContext.capabilities.add`);
  }
  if (details.length === 0) return undefined;
  return { reason: 'unrestricted capabilities', detail: details.join('; '), paths };
}

/** `allowPrivilegeEscalation: false` on every container (v1.8+). */
export function allowPrivilegeEscalation_1_8(pod: PodView): Failure | undefined {
  const bad: string[] = [];
  const paths: JsonPointer[] = [];
  for (const c of pod.containers) {
    const value = c.sc?.['allowPrivilegeEscalation'];
    if (value !== false) {
      bad.push(c.name);
      paths.push(value === true ? `${c.path}/securityContext/allowPrivilegeEscalation` : c.sc ? `${c.path}/securityContext` : c.path);
    }
  }
  if (bad.length === 0) return undefined;
  return { reason: 'allowPrivilegeEscalation != false', detail: `${containersPhrase(bad)} must set securityContext.allowPrivilegeEscalation=false`, paths };
}

/**
 * From v1.25 a Windows pod (`spec.os.name: windows`) is exempt: the API server rejects these
 * Linux-only fields on Windows pods, so they cannot be required there.
 */
export function exemptWindows(check: CheckFn): CheckFn {
  return (pod) => (isWindows(pod) ? undefined : check(pod));
}

/** From v1.35, a pod with `hostUsers: false` is exempt: root in a user namespace is not root on the node. */
export function exemptUserNamespace(check: CheckFn): CheckFn {
  return (pod) => (inUserNamespace(pod) ? undefined : check(pod));
}

/** runAsNonRoot true at pod level (containers may inherit) or on every container (v1.0+). */
export function runAsNonRoot_1_0(pod: PodView): Failure | undefined {
  let podBad = false;
  let podNonRoot = false;
  const paths: JsonPointer[] = [];
  const podValue = pod.podSC?.['runAsNonRoot'];
  if (typeof podValue === 'boolean') {
    if (podValue) podNonRoot = true;
    else {
      podBad = true;
      paths.push('/spec/securityContext/runAsNonRoot');
    }
  }
  const explicitlyBad: string[] = [];
  const implicitlyBad: string[] = [];
  const implicitPaths: JsonPointer[] = [];
  for (const c of pod.containers) {
    const value = c.sc?.['runAsNonRoot'];
    if (typeof value === 'boolean') {
      if (!value) {
        explicitlyBad.push(c.name);
        paths.push(`${c.path}/securityContext/runAsNonRoot`);
      }
    } else if (!podNonRoot) {
      implicitlyBad.push(c.name);
      implicitPaths.push(c.sc ? `${c.path}/securityContext` : c.path);
    }
  }
  if (podBad || explicitlyBad.length > 0) {
    return { reason: 'runAsNonRoot != true', detail: `${settersPhrase(podBad, explicitlyBad).join(' and ')} must not set securityContext.runAsNonRoot=false`, paths };
  }
  if (implicitlyBad.length > 0) {
    return { reason: 'runAsNonRoot != true', detail: `pod or ${containersPhrase(implicitlyBad)} must set securityContext.runAsNonRoot=true`, paths: implicitPaths };
  }
  return undefined;
}

/** runAsUser must not be 0 at pod or container level (v1.23+). */
export function runAsUser_1_23(pod: PodView): Failure | undefined {
  const paths: JsonPointer[] = [];
  const podBad = pod.podSC?.['runAsUser'] === 0;
  if (podBad) paths.push('/spec/securityContext/runAsUser');
  const bad: string[] = [];
  for (const c of pod.containers) {
    if (c.sc?.['runAsUser'] === 0) {
      bad.push(c.name);
      paths.push(`${c.path}/securityContext/runAsUser`);
    }
  }
  if (!podBad && bad.length === 0) return undefined;
  return { reason: 'runAsUser=0', detail: `${settersPhrase(podBad, bad).join(' and ')} must not set runAsUser=0`, paths };
}

/** procMount unset or `Default` (v1.0+, unconditionally). */
export function procMount_1_0(pod: PodView): Failure | undefined {
  const bad: string[] = [];
  const types = new Set<string>();
  const paths: JsonPointer[] = [];
  for (const c of pod.containers) {
    const value = c.sc?.['procMount'];
    if (typeof value === 'string' && value !== 'Default') {
      bad.push(c.name);
      types.add(value);
      paths.push(`${c.path}/securityContext/procMount`);
    }
  }
  if (bad.length === 0) return undefined;
  return { reason: 'procMount', detail: `${containersPhrase(bad)} must not set securityContext.procMount to ${joinQuote(sortedSet(types))}`, paths };
}

/** hostProcess must not be true on the pod or any container (v1.0+). */
export function windowsHostProcess_1_0(pod: PodView): Failure | undefined {
  const paths: JsonPointer[] = [];
  const bad: string[] = [];
  for (const c of pod.containers) {
    if (rec(c.sc?.['windowsOptions'])?.['hostProcess'] === true) {
      bad.push(c.name);
      paths.push(`${c.path}/securityContext/windowsOptions/hostProcess`);
    }
  }
  const podBad = rec(pod.podSC?.['windowsOptions'])?.['hostProcess'] === true;
  if (podBad) paths.unshift('/spec/securityContext/windowsOptions/hostProcess');
  if (!podBad && bad.length === 0) return undefined;
  return { reason: 'hostProcess', detail: `${settersPhrase(podBad, bad).join(' and ')} must not set securityContext.windowsOptions.hostProcess=true`, paths };
}
