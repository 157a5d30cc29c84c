/** The AdmissionReview the benchmark sends: a typical Deployment-made pod with two containers. */
import { goodContainer, namespaceObject, pod, request, review } from '../../src/engines/admission/testing.js';
import type { K8sObject } from '../../src/model/types.js';

export function benchPod(): K8sObject {
  const app = { ...goodContainer('app'), ports: [{ containerPort: 8080, name: 'http' }], env: [{ name: 'MODE', value: 'production' }] };
  const sidecar = { ...goodContainer('proxy'), securityContext: { allowPrivilegeEscalation: false, runAsNonRoot: true, capabilities: { drop: ['ALL'] } } };
  const p = pod('web-7d4b9c6f5-x2x9q', [app, sidecar], { namespace: 'shop', labels: { app: 'web', 'pod-template-hash': '7d4b9c6f5' } });
  (p['spec'] as Record<string, unknown>)['serviceAccountName'] = 'web';
  (p['spec'] as Record<string, unknown>)['securityContext'] = { seccompProfile: { type: 'RuntimeDefault' } };
  return p;
}

export const BENCH_NAMESPACE = namespaceObject('shop', { 'pod-security.kubernetes.io/enforce': 'restricted', 'rampart.dev/enforce': 'enforce' });

export function benchReviewBody(): string {
  return review(request(benchPod()));
}
