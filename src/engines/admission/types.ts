/**
 * The admission.k8s.io/v1 wire types Rampart reads and writes, and the vocabulary of decisions.
 * Only the fields Rampart uses are typed; everything else passes through untouched.
 */
import type { K8sObject } from '../../model/types.js';

export const ADMISSION_API_VERSION = 'admission.k8s.io/v1';
export const ADMISSION_KIND = 'AdmissionReview';

export type Operation = 'CREATE' | 'UPDATE' | 'DELETE' | 'CONNECT';
export const OPERATIONS: readonly Operation[] = ['CREATE', 'UPDATE', 'DELETE', 'CONNECT'];

export interface GroupVersionResource {
  group: string;
  version: string;
  resource: string;
}

export interface UserInfo {
  username?: string;
  uid?: string;
  groups?: string[];
  /** Never logged: extra may carry tokens' claims. */
  extra?: Record<string, string[]>;
}

/** The `request` of an AdmissionReview, as the API server sends it. */
export interface AdmissionRequest {
  uid: string;
  kind: { group: string; version: string; kind: string };
  resource: GroupVersionResource;
  subResource?: string;
  requestKind?: { group: string; version: string; kind: string };
  requestResource?: GroupVersionResource;
  requestSubResource?: string;
  name?: string;
  namespace?: string;
  operation: Operation;
  userInfo: UserInfo;
  /** Absent (null) for DELETE and CONNECT. */
  object?: K8sObject | null;
  oldObject?: K8sObject | null;
  dryRun?: boolean;
  options?: unknown;
}

export interface AdmissionStatus {
  code: number;
  reason?: string;
  message: string;
}

export interface AdmissionResponse {
  uid: string;
  allowed: boolean;
  status?: AdmissionStatus;
  warnings?: string[];
  auditAnnotations?: Record<string, string>;
  patchType?: 'JSONPatch';
  /** base64 of the JSON Patch document. */
  patch?: string;
}

export interface AdmissionReviewResponse {
  apiVersion: typeof ADMISSION_API_VERSION;
  kind: typeof ADMISSION_KIND;
  response: AdmissionResponse;
}

/** What happens when a control fails on an object, weakest first. */
export const ACTIONS = ['off', 'audit', 'warn', 'enforce'] as const;
export type Action = (typeof ACTIONS)[number];

export function isAction(v: unknown): v is Action {
  return typeof v === 'string' && (ACTIONS as readonly string[]).includes(v);
}

/** The weaker of two actions (namespace settings and labels act as ceilings). */
export function weakerAction(a: Action, b: Action): Action {
  return ACTIONS.indexOf(a) <= ACTIONS.indexOf(b) ? a : b;
}

/** Why a request was let through without evaluation (for logs and metrics). */
export type SkipReason =
  | 'delete'
  | 'connect'
  | 'subresource'
  | 'exempt-namespace'
  | 'exempt-user'
  | 'exempt-group'
  | 'exempt-service-account'
  | 'being-deleted'
  | 'no-object';

/** Outcome in one word, as logged and counted. */
export type DecisionOutcome = 'allowed' | 'denied' | 'warned' | 'skipped' | 'mutated';

/** One control result that shaped the response. */
export interface ControlOutcome {
  control: string;
  /** `mutate` for controls whose fixes went into a patch. */
  action: Action | 'mutate';
  /** Number of findings of this control on the object. */
  findings: number;
  /** True when every finding also existed on the old object of an UPDATE (so never enforced). */
  preexisting?: boolean;
}

/** A decision: the response to send plus what the log line and metrics need. */
export interface Decision {
  response: AdmissionResponse;
  outcome: DecisionOutcome;
  controls: ControlOutcome[];
  skipped?: SkipReason;
  /** Number of JSON Patch operations in the response (mutate only). */
  patchOps?: number;
}
