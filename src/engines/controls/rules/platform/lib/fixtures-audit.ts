/** Audit policy fixture for tests: rules start on line 4. */
export const auditPolicy = (rules: string): string => `apiVersion: audit.k8s.io/v1
kind: Policy
rules:
${rules}`;

/** A policy in the shape the Kubernetes docs recommend. */
export const GOOD_POLICY = auditPolicy(`- level: Metadata
  resources:
  - group: ""
    resources: ["secrets", "configmaps", "serviceaccounts/token"]
  - group: authentication.k8s.io
    resources: ["tokenreviews"]
- level: RequestResponse
  resources:
  - group: ""
    resources: ["pods/exec", "pods/attach", "pods/portforward"]
- level: None
  users: ["system:kube-proxy"]
  verbs: ["watch"]
- level: Request
  resources:
  - group: apps
- level: Metadata
`);
