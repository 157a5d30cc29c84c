/**
 * Template for "container lacks a CPU/memory request/limit" controls. Coverage follows the API
 * server: a missing request defaults to the container's limit; a namespace LimitRange of type
 * Container injects `default` (limits) and `defaultRequest` (requests), where `max` defaults
 * `default`, `default` defaults `defaultRequest`, and `min` defaults `defaultRequest`; pod-level
 * `spec.resources` bounds every container.
 */
import { defineControl } from '../../types.js';
import type { AnyControl } from '../../types.js';
import type { FrameworkRefs } from '../../../../model/finding.js';
import type { Severity } from '../../../../model/types.js';
import type { Inventory } from '../../../../model/inventory.js';
import { joinPointer } from '../../../../model/pointer.js';
import { WORKLOAD_KINDS } from '../../../../model/workloads.js';
import { isEphemeral, isRecord, podAndContainers } from './pod.js';

export type ComputeResource = 'cpu' | 'memory';
export type ResourceBound = 'requests' | 'limits';

function has(obj: unknown, bound: ResourceBound, resource: ComputeResource): boolean {
  if (!isRecord(obj)) return false;
  const b = obj[bound];
  return isRecord(b) && b[resource] !== undefined && b[resource] !== null;
}

/** Does a LimitRange in the namespace inject a value for this bound? */
function limitRangeCovers(inventory: Inventory, namespace: string | undefined, bound: ResourceBound, resource: ComputeResource): boolean {
  const fields = bound === 'limits' ? ['default', 'max'] : ['defaultRequest', 'default', 'max', 'min'];
  return inventory
    .ofKind('LimitRange')
    .filter((r) => r.object.metadata?.namespace === namespace)
    .some((r) => {
      const spec = r.object['spec'];
      const limits = isRecord(spec) ? spec['limits'] : undefined;
      if (!Array.isArray(limits)) return false;
      return limits.some((item) => isRecord(item) && item['type'] === 'Container' && fields.some((f) => isRecord(item[f]) && (item[f] as Record<string, unknown>)[resource] !== undefined));
    });
}

export interface ResourceControlSpec {
  id: string;
  resource: ComputeResource;
  bound: ResourceBound;
  severity: Severity;
  frameworks: Partial<FrameworkRefs>;
}

export function missingResourceControl(spec: ResourceControlSpec): AnyControl {
  const { resource, bound } = spec;
  const singular = bound === 'requests' ? 'request' : 'limit';
  return defineControl({
    meta: {
      id: spec.id,
      title: `Container without a ${resource} ${singular}`,
      severity: spec.severity,
      kinds: WORKLOAD_KINDS,
      frameworks: spec.frameworks,
      rationale:
        bound === 'limits'
          ? `Without a ${resource} limit one compromised or runaway container can exhaust the node (${resource === 'memory' ? 'OOM-killing its neighbours' : 'starving its neighbours'}), e.g. for cryptomining.`
          : `Without a ${resource} request the scheduler cannot reserve capacity and the pod is first to be evicted or throttled under pressure.`,
      remediation: `Set \`resources.${bound}.${resource}\` on every container, or a namespace LimitRange that defaults it.`,
    },
    check({ object, inventory, report }) {
      const pod = podAndContainers(object);
      if (!pod) return;
      const podResources = pod.view.spec['resources'];
      if (has(podResources, bound, resource) || (bound === 'requests' && has(podResources, 'limits', resource))) return;
      if (limitRangeCovers(inventory, object.metadata?.namespace, bound, resource)) return;
      for (const c of pod.containers) {
        if (isEphemeral(c)) continue; // the API forbids resources on ephemeral containers
        const r = c.container.resources;
        if (has(r, bound, resource)) continue;
        if (bound === 'requests' && has(r, 'limits', resource)) continue; // request defaults to the limit
        const path = isRecord(r) ? (isRecord(r[bound]) ? joinPointer(c.path, 'resources', bound) : joinPointer(c.path, 'resources')) : c.path;
        report({ message: `container "${c.name}" has no ${resource} ${singular}`, path, container: c.name });
      }
    },
  });
}
