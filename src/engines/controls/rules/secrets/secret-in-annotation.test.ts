import { testControl } from '../../tester.js';
import { testNoSecretLeak } from '../templates/testing.js';
import control from './secret-in-annotation.js';

const TOKEN = 'glpat-Zx81kLm29QwErTy6UiOp';
const leaky = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  annotations:
    ci.example.com/deploy-token: ${TOKEN}
spec:
  template:
    metadata:
      annotations:
        vendor.io/api-key: "q8Zr2LxV0pWn7Tk3Hs5D"
    spec:
      containers: [{ name: a }]
`;

testControl(control, {
  valid: [
    {
      name: 'ordinary annotations, and a Secret applied without data in the annotation',
      yaml: `apiVersion: v1
kind: Secret
metadata:
  name: s
  annotations:
    checksum/config: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
    kubectl.kubernetes.io/last-applied-configuration: '{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s"},"type":"Opaque"}'
type: Opaque
`,
    },
  ],
  invalid: [
    {
      name: 'token on the object and API key on the pod template',
      yaml: leaky,
      findings: [
        { message: 'annotation "ci.example.com/deploy-token" holds a GitLab token (glpat-…(26 chars))', path: '/metadata/annotations/ci.example.com~1deploy-token', severity: 'high', line: 6 },
        { message: 'pod template annotation "vendor.io/api-key" holds a high-entropy secret-like value (…(20 chars))', path: '/spec/template/metadata/annotations/vendor.io~1api-key', severity: 'medium', line: 11 },
      ],
    },
    {
      name: 'Secret data copied into last-applied-configuration',
      yaml: `apiVersion: v1
kind: Secret
metadata:
  name: db
  annotations:
    kubectl.kubernetes.io/last-applied-configuration: '{"apiVersion":"v1","data":{"password":"aHVudGVyMg=="},"kind":"Secret","metadata":{"name":"db"}}'
data:
  password: aHVudGVyMg==
`,
      findings: [{ message: `annotation "kubectl.kubernetes.io/last-applied-configuration" holds a copy of the Secret's data`, path: '/metadata/annotations/kubectl.kubernetes.io~1last-applied-configuration', line: 6 }],
    },
  ],
});

testNoSecretLeak(control, 'annotations', leaky, [TOKEN.slice(6), 'q8Zr2LxV0pWn7Tk3Hs5D']);
