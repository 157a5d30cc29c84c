import type { K8sObject } from '../../../../../model/types.js';
import { COMPONENTS, componentContainers } from './components.js';
import { componentToken } from './flag-control.js';
import { embeddedKinds } from './embedded.js';

/**
 * The kinds present in the input plus applicability tokens (`component:kube-apiserver`, …) for the
 * control-plane components found, and the configuration kinds embedded in ConfigMaps (kubeadm's
 * kubelet-config), so compliance marks component checks not-applicable when the
 * input holds Pods but no such component.
 */
export function presentKindsOf(objects: Iterable<K8sObject>): Set<string> {
  const out = new Set<string>();
  for (const o of objects) {
    out.add(o.kind);
    for (const { component } of componentContainers(o, COMPONENTS)) out.add(componentToken(component));
    for (const kind of embeddedKinds(o)) out.add(kind);
  }
  return out;
}
