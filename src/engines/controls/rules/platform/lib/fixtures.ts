/**
 * Test fixtures: a static pod as kubeadm writes it, so tests can state exact lines.
 * Line 11 is the binary (`command/0`), flag i (0-based) is on line 12 + i at `command/<i+1>`,
 * and a pointer to the `command` array resolves to its first item, line 11.
 */
import type { Component } from './components.js';

export function staticPod(component: Component, flags: readonly string[], extra = ''): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${component}
  namespace: kube-system
spec:
  containers:
  - name: ${component}
    image: registry.k8s.io/${component}:v1.34.1
    command:
    - ${component}
${flags.map((f) => `    - ${JSON.stringify(f)}`).join('\n')}
${extra}`;
}

/** Line of flag `i` in `staticPod`. */
export const flagLine = (i: number): number => 12 + i;
/** Pointer of flag `i` in `staticPod`. */
export const flagPath = (i: number): string => `/spec/containers/0/command/${i + 1}`;
/** The array value starts on its first item. */
export const COMMAND_LINE = 11;
export const COMMAND_PATH = '/spec/containers/0/command';

/** A Pod that is no control-plane component (the component checks must stay silent on it). */
export const unrelatedPod = `apiVersion: v1
kind: Pod
metadata: { name: web, namespace: shop }
spec:
  containers:
  - name: web
    image: nginx:1.27
    command: ["/bin/sh", "-c", "kube-apiserver --profiling=true"]
`;

/** A KubeletConfiguration file; `body` starts on line 3. */
export function kubeletConfig(body: string): string {
  return `apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
${body}`;
}

/** kubeadm's kubelet-config ConfigMap embedding a KubeletConfiguration; the value starts on line 5 (`kubelet: |`). */
export function kubeletConfigMap(body: string): string {
  const indented = kubeletConfig(body)
    .split('\n')
    .map((l) => (l === '' ? l : `    ${l}`))
    .join('\n');
  return `apiVersion: v1
kind: ConfigMap
metadata: { name: kubelet-config, namespace: kube-system }
data:
  kubelet: |
${indented}`;
}
