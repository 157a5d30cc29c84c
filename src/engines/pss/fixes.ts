/**
 * Mechanical JSON Patch fixes for the Pod Security checks whose remedy is unambiguous: setting a
 * field to the value the standard requires. Checks that need a judgement (which capability to stop
 * adding, which volume to replace) get no fix.
 */
import type { JsonPatchOp } from '../../model/finding.js';
import { joinPointer } from '../../model/pointer.js';
import type { JsonPointer, K8sObject } from '../../model/types.js';
import type { ContainerView } from '../../model/workloads.js';
import { containersOf, podTemplateOf } from '../../model/workloads.js';
import { isRec } from './pod.js';
import type { CheckId } from './types.js';

/** Set `field` in the object at `base` (creating that object when it is missing). */
function setIn(base: JsonPointer, holder: unknown, field: string, value: unknown): JsonPatchOp {
  return isRec(holder) ? { op: 'add', path: joinPointer(base, field), value } : { op: 'add', path: base, value: { [field]: value } };
}

function containerSet(c: ContainerView, field: string, value: unknown): JsonPatchOp {
  return setIn(joinPointer(c.path, 'securityContext'), c.container.securityContext, field, value);
}

function validSeccomp(p: unknown): boolean {
  return isRec(p) && (p['type'] === 'RuntimeDefault' || p['type'] === 'Localhost');
}

export function fixFor(check: CheckId, obj: K8sObject): JsonPatchOp[] | undefined {
  const view = podTemplateOf(obj);
  if (!view) return undefined;
  const spec = view.spec;
  const containers = containersOf(view);
  const podSC = spec.securityContext;
  const podSCPath = joinPointer(view.specPath, 'securityContext');
  const ops: JsonPatchOp[] = [];
  switch (check) {
    case 'hostNamespaces':
      for (const f of ['hostNetwork', 'hostPID', 'hostIPC'] as const) if (spec[f] === true) ops.push({ op: 'replace', path: joinPointer(view.specPath, f), value: false });
      break;
    case 'privileged':
      for (const c of containers) if (c.container.securityContext?.privileged === true) ops.push(containerSet(c, 'privileged', false));
      break;
    case 'allowPrivilegeEscalation':
      for (const c of containers) if (c.container.securityContext?.allowPrivilegeEscalation !== false) ops.push(containerSet(c, 'allowPrivilegeEscalation', false));
      break;
    case 'capabilities_restricted':
      for (const c of containers) {
        const caps = c.container.securityContext?.capabilities;
        if (isRec(caps) && Array.isArray(caps.add) && caps.add.some((a) => a !== 'NET_BIND_SERVICE')) return undefined; // which capability to stop adding is a judgement
        if (isRec(caps) && Array.isArray(caps.drop) && caps.drop.includes('ALL')) continue;
        if (isRec(caps)) ops.push({ op: 'add', path: joinPointer(c.path, 'securityContext', 'capabilities', 'drop'), value: ['ALL'] });
        else ops.push(containerSet(c, 'capabilities', { drop: ['ALL'] }));
      }
      break;
    case 'runAsNonRoot':
      ops.push(setIn(podSCPath, podSC, 'runAsNonRoot', true));
      for (const c of containers) if (c.container.securityContext?.runAsNonRoot === false) ops.push(containerSet(c, 'runAsNonRoot', true));
      break;
    case 'seccompProfile_restricted':
      if (!validSeccomp(podSC?.seccompProfile)) ops.push(setIn(podSCPath, podSC, 'seccompProfile', { type: 'RuntimeDefault' }));
      for (const c of containers) {
        const p = c.container.securityContext?.seccompProfile;
        if (isRec(p) && !validSeccomp(p)) ops.push(containerSet(c, 'seccompProfile', { type: 'RuntimeDefault' }));
      }
      break;
    default:
      return undefined;
  }
  return ops.length > 0 ? ops : undefined;
}
