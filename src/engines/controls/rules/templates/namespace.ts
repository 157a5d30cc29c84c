/** Helpers for controls on Namespace objects. */
import type { JsonPointer, K8sObject } from '../../../../model/types.js';

/** Namespaces the platform owns; namespace hygiene controls skip them by default. */
export const SYSTEM_NAMESPACES: readonly string[] = ['kube-system', 'kube-public', 'kube-node-lease'];

/** Where a finding about a namespace's labels points: its labels, else its metadata. */
export function labelsPointer(ns: K8sObject): JsonPointer {
  return ns.metadata?.labels !== undefined ? '/metadata/labels' : '/metadata';
}
