/** Checks on kernel security profiles: AppArmor, SELinux, seccomp. */
import { escapeToken } from '../../../model/pointer.js';
import type { JsonPointer } from '../../../model/types.js';
import type { PodView, Rec } from '../pod.js';
import { rec, str } from '../pod.js';
import { goQuote, joinQuote, pluralize, sortedSet } from '../text.js';
import type { CheckFn, Failure } from './check.js';
import { containersPhrase, settersPhrase } from './check.js';

const APPARMOR_ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

function allowedAppArmorAnnotation(value: string): boolean {
  return value === '' || value === 'runtime/default' || value.startsWith('localhost/');
}

function allowedAppArmorType(type: string): boolean {
  return type === 'RuntimeDefault' || type === 'Localhost';
}

/**
 * AppArmor: the `appArmorProfile` fields and the deprecated beta annotations (v1.0+; upstream
 * patched the field check into the 1.0 revision, so it applies at every version).
 */
export function appArmorProfile_1_0(pod: PodView): Failure | undefined {
  const paths: JsonPointer[] = [];
  const badValues = new Set<string>();
  const podProfile = rec(pod.podSC?.['appArmorProfile']);
  let podBad = false;
  if (podProfile) {
    const type = str(podProfile['type']);
    if (!allowedAppArmorType(type)) {
      podBad = true;
      badValues.add(type);
      paths.push('/spec/securityContext/appArmorProfile/type');
    }
  }
  const badContainers: string[] = [];
  for (const c of pod.containers) {
    const profile = rec(c.sc?.['appArmorProfile']);
    if (!profile) continue;
    const type = str(profile['type']);
    if (!allowedAppArmorType(type)) {
      badContainers.push(c.name);
      badValues.add(type);
      paths.push(`${c.path}/securityContext/appArmorProfile/type`);
    }
  }
  const forbiddenAnnotations: string[] = [];
  for (const [key, value] of Object.entries(pod.annotations)) {
    if (typeof value !== 'string') continue;
    if (key.startsWith(APPARMOR_ANNOTATION_PREFIX) && !allowedAppArmorAnnotation(value)) {
      forbiddenAnnotations.push(`${key}=${goQuote(value)}`);
      paths.push(`/metadata/annotations/${escapeToken(key)}`);
    }
  }
  forbiddenAnnotations.sort();
  const setters = settersPhrase(podBad, badContainers, forbiddenAnnotations.length > 0 ? pluralize('annotation', 'annotations', forbiddenAnnotations.length) : undefined);
  if (setters.length === 0) return undefined;
  const values = [...sortedSet(badValues), ...forbiddenAnnotations];
  return {
    reason: pluralize('forbidden AppArmor profile', 'forbidden AppArmor profiles', values.length),
    detail: `${setters.join(' and ')} must not set AppArmor profile type to ${joinQuote(values)}`,
    paths,
  };
}

const SELINUX_TYPES_1_0 = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t']);
const SELINUX_TYPES_1_31 = new Set([...SELINUX_TYPES_1_0, 'container_engine_t']);

interface SELinuxScan {
  badTypes: Set<string>;
  setUser: boolean;
  setRole: boolean;
  paths: JsonPointer[];
}

/** Record what is wrong with one seLinuxOptions; true when it is acceptable. */
function validSELinux(opts: Rec, base: JsonPointer, allowedTypes: ReadonlySet<string>, scan: SELinuxScan): boolean {
  let ok = true;
  const type = str(opts['type']);
  if (!allowedTypes.has(type)) {
    ok = false;
    scan.badTypes.add(type);
    scan.paths.push(`${base}/type`);
  }
  if (str(opts['user']) !== '') {
    ok = false;
    scan.setUser = true;
    scan.paths.push(`${base}/user`);
  }
  if (str(opts['role']) !== '') {
    ok = false;
    scan.setRole = true;
    scan.paths.push(`${base}/role`);
  }
  return ok;
}

/** SELinux: type from an allow-list; user and role unset. */
function seLinuxOptions(allowedTypes: ReadonlySet<string>): CheckFn {
  return function checkSELinux(pod) {
    const podOpts = rec(pod.podSC?.['seLinuxOptions']);
    if (!podOpts && !pod.containers.some((c) => c.sc?.['seLinuxOptions'] != null)) return undefined;
    const scan: SELinuxScan = { badTypes: new Set(), setUser: false, setRole: false, paths: [] };
    const podBad = podOpts !== undefined && !validSELinux(podOpts, '/spec/securityContext/seLinuxOptions', allowedTypes, scan);
    const badContainers: string[] = [];
    for (const c of pod.containers) {
      const opts = rec(c.sc?.['seLinuxOptions']);
      if (opts && !validSELinux(opts, `${c.path}/securityContext/seLinuxOptions`, allowedTypes, scan)) badContainers.push(c.name);
    }
    if (!podBad && badContainers.length === 0) return undefined;
    const data: string[] = [];
    if (scan.badTypes.size > 0) data.push(`${pluralize('type', 'types', scan.badTypes.size)} ${joinQuote(sortedSet(scan.badTypes))}`);
    if (scan.setUser) data.push('user may not be set');
    if (scan.setRole) data.push('role may not be set');
    return {
      reason: 'seLinuxOptions',
      detail: `${settersPhrase(podBad, badContainers).join(' and ')} set forbidden securityContext.seLinuxOptions: ${data.join('; ')}`,
      paths: scan.paths,
    };
  };
}

export const seLinuxOptions_1_0 = seLinuxOptions(SELINUX_TYPES_1_0);
export const seLinuxOptions_1_31 = seLinuxOptions(SELINUX_TYPES_1_31);

const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER_ANNOTATION_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';

function validSeccompAnnotation(value: string): boolean {
  return value === 'runtime/default' || value === 'docker/default' || value.startsWith('localhost/');
}

function validSeccompType(type: string): boolean {
  return type === 'RuntimeDefault' || type === 'Localhost';
}

function checkSeccompAnnotation(pod: PodView, key: string, forbidden: Set<string>, paths: JsonPointer[]): void {
  if (!Object.hasOwn(pod.annotations, key)) return;
  const value = str(pod.annotations[key]);
  if (!validSeccompAnnotation(value)) {
    forbidden.add(`${key}=${goQuote(value)}`);
    paths.push(`/metadata/annotations/${escapeToken(key)}`);
  }
}

/** Before v1.19 seccomp was set through alpha annotations; only these are checked then. */
export function seccompProfileBaseline_1_0(pod: PodView): Failure | undefined {
  const forbidden = new Set<string>();
  const paths: JsonPointer[] = [];
  checkSeccompAnnotation(pod, SECCOMP_POD_ANNOTATION, forbidden, paths);
  for (const c of pod.containers) checkSeccompAnnotation(pod, SECCOMP_CONTAINER_ANNOTATION_PREFIX + c.name, forbidden, paths);
  if (forbidden.size === 0) return undefined;
  return { reason: 'seccompProfile', detail: `forbidden ${pluralize('annotation', 'annotations', forbidden.size)} ${sortedSet(forbidden).join(', ')}`, paths };
}

interface SeccompScan {
  podBad: boolean;
  podValid: boolean;
  explicitlyBad: string[];
  implicitlyBad: string[];
  badValues: Set<string>;
  paths: JsonPointer[];
  implicitPaths: JsonPointer[];
}

function scanSeccomp(pod: PodView): SeccompScan {
  const scan: SeccompScan = { podBad: false, podValid: false, explicitlyBad: [], implicitlyBad: [], badValues: new Set(), paths: [], implicitPaths: [] };
  const podProfile = rec(pod.podSC?.['seccompProfile']);
  if (podProfile) {
    const type = str(podProfile['type']);
    if (validSeccompType(type)) scan.podValid = true;
    else {
      scan.podBad = true;
      scan.badValues.add(type);
      scan.paths.push('/spec/securityContext/seccompProfile/type');
    }
  }
  for (const c of pod.containers) {
    const profile = rec(c.sc?.['seccompProfile']);
    if (profile) {
      const type = str(profile['type']);
      if (!validSeccompType(type)) {
        scan.explicitlyBad.push(c.name);
        scan.badValues.add(type);
        scan.paths.push(`${c.path}/securityContext/seccompProfile/type`);
      }
    } else if (!scan.podValid) {
      scan.implicitlyBad.push(c.name);
      scan.implicitPaths.push(c.sc ? `${c.path}/securityContext` : c.path);
    }
  }
  return scan;
}

function explicitSeccompFailure(scan: SeccompScan): Failure | undefined {
  if (!scan.podBad && scan.explicitlyBad.length === 0) return undefined;
  return {
    reason: 'seccompProfile',
    detail: `${settersPhrase(scan.podBad, scan.explicitlyBad).join(' and ')} must not set securityContext.seccompProfile.type to ${joinQuote(sortedSet(scan.badValues))}`,
    paths: scan.paths,
  };
}

/** From v1.19: if set (pod or container), the seccomp type must be RuntimeDefault or Localhost. */
export function seccompProfileBaseline_1_19(pod: PodView): Failure | undefined {
  return explicitSeccompFailure(scanSeccomp(pod));
}

/** Restricted (v1.19+): additionally every container must end up with a valid profile. */
export function seccompProfileRestricted_1_19(pod: PodView): Failure | undefined {
  const scan = scanSeccomp(pod);
  const explicit = explicitSeccompFailure(scan);
  if (explicit) return explicit;
  if (scan.implicitlyBad.length === 0) return undefined;
  return {
    reason: 'seccompProfile',
    detail: `pod or ${containersPhrase(scan.implicitlyBad)} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`,
    paths: scan.implicitPaths,
  };
}
