/**
 * Parse an AdmissionReview body defensively and build the response envelope. Anything that is not
 * a well-formed admission.k8s.io/v1 AdmissionReview request is a ReviewError (HTTP 400), never a
 * crash: the body comes from the network.
 */
import type { AdmissionRequest, AdmissionResponse, AdmissionReviewResponse, Operation } from './types.js';
import { ADMISSION_API_VERSION, ADMISSION_KIND, OPERATIONS } from './types.js';

export type ReviewErrorCode = 'malformed-json' | 'not-admission-review' | 'unsupported-version' | 'invalid-request';

export class ReviewError extends Error {
  override readonly name = 'ReviewError';
  constructor(
    readonly code: ReviewErrorCode,
    message: string,
  ) {
    super(message);
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function requireString(obj: Record<string, unknown>, key: string, where: string): string {
  const v = obj[key];
  if (typeof v !== 'string') throw new ReviewError('invalid-request', `${where}.${key} must be a string`);
  return v;
}

/** Parse the body of POST /validate or /mutate. */
export function parseReview(body: string): AdmissionRequest {
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (e) {
    // V8's message quotes the input; the body may hold a Secret, so only the position is kept.
    const at = /position (\d+)/.exec((e as Error).message)?.[1];
    throw new ReviewError('malformed-json', `request body is not valid JSON${at !== undefined ? ` (at byte ${at})` : ''}`);
  }
  if (!isRecord(doc) || doc['kind'] !== ADMISSION_KIND) {
    throw new ReviewError('not-admission-review', `request body is not an AdmissionReview (expected kind "${ADMISSION_KIND}")`);
  }
  if (doc['apiVersion'] !== ADMISSION_API_VERSION) {
    const got = typeof doc['apiVersion'] === 'string' ? `"${doc['apiVersion'].slice(0, 64)}"` : 'none';
    throw new ReviewError(
      'unsupported-version',
      `unsupported AdmissionReview apiVersion ${got}: only ${ADMISSION_API_VERSION} is served (set admissionReviewVersions: ["v1"])`,
    );
  }
  const req = doc['request'];
  if (!isRecord(req)) throw new ReviewError('invalid-request', 'AdmissionReview has no request');
  requireString(req, 'uid', 'request');
  const op = req['operation'];
  if (typeof op !== 'string' || !(OPERATIONS as readonly string[]).includes(op)) {
    throw new ReviewError('invalid-request', `request.operation must be one of ${OPERATIONS.join(', ')}`);
  }
  if (!isRecord(req['kind'])) throw new ReviewError('invalid-request', 'request.kind must be an object');
  requireString(req['kind'], 'kind', 'request.kind');
  if (!isRecord(req['resource'])) throw new ReviewError('invalid-request', 'request.resource must be an object');
  requireString(req['resource'], 'resource', 'request.resource');
  if (req['userInfo'] !== undefined && !isRecord(req['userInfo'])) throw new ReviewError('invalid-request', 'request.userInfo must be an object');
  for (const key of ['object', 'oldObject'] as const) {
    const o = req[key];
    if (o === undefined || o === null) continue;
    if (!isRecord(o)) throw new ReviewError('invalid-request', `request.${key} must be an object`);
  }
  for (const key of ['namespace', 'name', 'subResource'] as const) {
    if (req[key] !== undefined && typeof req[key] !== 'string') throw new ReviewError('invalid-request', `request.${key} must be a string`);
  }
  const request = req as unknown as AdmissionRequest;
  if (request.userInfo === undefined) request.userInfo = {};
  request.operation = op as Operation;
  return request;
}

/** The uid of a body that failed to parse, when one can be recovered (for the log line only). */
export function uidOf(body: string): string | undefined {
  const m = /"uid"\s*:\s*"([0-9A-Za-z-]{1,64})"/.exec(body.slice(0, 4096));
  return m?.[1];
}

export function reviewResponse(response: AdmissionResponse): AdmissionReviewResponse {
  return { apiVersion: ADMISSION_API_VERSION, kind: ADMISSION_KIND, response };
}
