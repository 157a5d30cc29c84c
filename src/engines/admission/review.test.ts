import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ReviewError, parseReview, reviewResponse, uidOf } from './review.js';
import { pod, request, review } from './testing.js';

describe('parseReview', () => {
  it('accepts an admission.k8s.io/v1 AdmissionReview and defaults userInfo', () => {
    const req = request(pod('p', [{ name: 'c', image: 'x' }]));
    delete (req as { userInfo?: unknown }).userInfo;
    const parsed = parseReview(review(req));
    assert.equal(parsed.uid, req.uid);
    assert.deepEqual(parsed.userInfo, {});
  });
  it('never echoes body content in the malformed-JSON message (it may be a Secret)', () => {
    const body = '{"kind":"AdmissionReview","request":{"object":{"data":{"password":"hunter2-value"}}} trailing';
    assert.throws(
      () => parseReview(body),
      (e: unknown) => e instanceof ReviewError && e.code === 'malformed-json' && !e.message.includes('hunter2') && /not valid JSON/.test(e.message),
    );
  });
  const cases: [string, string, ReviewError['code']][] = [
    ['empty body', '', 'malformed-json'],
    ['null', 'null', 'not-admission-review'],
    ['wrong kind', '{"apiVersion":"admission.k8s.io/v1","kind":"Pod"}', 'not-admission-review'],
    ['v1beta1', '{"apiVersion":"admission.k8s.io/v1beta1","kind":"AdmissionReview","request":{}}', 'unsupported-version'],
    ['no uid', '{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"operation":"CREATE"}}', 'invalid-request'],
    ['no kind', '{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","operation":"CREATE","resource":{"resource":"pods"}}}', 'invalid-request'],
    ['namespace not a string', JSON.stringify({ apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', request: { uid: 'u', operation: 'CREATE', kind: { kind: 'Pod' }, resource: { resource: 'pods' }, namespace: 5 } }), 'invalid-request'],
  ];
  for (const [name, body, code] of cases) {
    it(`rejects ${name} as ${code}`, () => assert.throws(() => parseReview(body), (e: unknown) => e instanceof ReviewError && e.code === code));
  }
  it('recovers a uid for logs from a body that failed later checks', () => {
    assert.equal(uidOf('{"request":{"uid":"705ab4f5-6393-11e8-b7cc-42010a800002",'), '705ab4f5-6393-11e8-b7cc-42010a800002');
    assert.equal(uidOf('{"uid": "bad uid with spaces"}'), undefined);
  });
  it('wraps a response in the v1 envelope', () => {
    assert.deepEqual(reviewResponse({ uid: 'u', allowed: true }), { apiVersion: 'admission.k8s.io/v1', kind: 'AdmissionReview', response: { uid: 'u', allowed: true } });
  });
});
