import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testControl } from '../../tester.js';
import control, { tlsCovers } from './ingress-without-tls.js';

testControl(control, {
  valid: [
    {
      name: 'wildcard certificate covers the hosts',
      yaml: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: web }
spec:
  tls:
  - hosts: ["*.example.com"]
    secretName: wildcard
  rules:
  - host: shop.example.com
  - host: api.example.com
`,
    },
  ],
  invalid: [
    {
      name: 'no TLS at all',
      yaml: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: { name: web }\nspec:\n  rules:\n  - host: shop.example.com\n',
      findings: [{ message: 'Ingress "web" has no TLS section: every host is served over plain HTTP', path: '/spec', line: 5 }],
    },
    {
      name: 'a host the wildcard does not cover (two labels deep)',
      yaml: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: web }
spec:
  tls:
  - hosts: ["*.example.com", "example.org"]
  rules:
  - host: shop.example.com
  - host: admin.shop.example.com
  - host: example.org
`,
      findings: [{ message: 'Ingress "web" serves host "admin.shop.example.com" without TLS', path: '/spec/rules/1/host', line: 9 }],
    },
  ],
});

test('TLS host matching', () => {
  assert.equal(tlsCovers('*.example.com', 'a.example.com'), true);
  assert.equal(tlsCovers('*.example.com', 'example.com'), false);
  assert.equal(tlsCovers('*.example.com', 'a.b.example.com'), false);
  assert.equal(tlsCovers('Example.COM', 'example.com'), true);
});
