/** Public API of the admission engine (pure decision logic; the HTTPS server lives in interfaces/server). */
export { AdmissionEngine } from './engine.js';
export type { AdmissionEngineOptions } from './engine.js';
export { parseReview, reviewResponse, uidOf, ReviewError } from './review.js';
export type { ReviewErrorCode } from './review.js';
export { admissionConfigOf, defaultAdmissionConfig, parseAdmissionConfig, ALWAYS_EXEMPT_NAMESPACES, DEFAULT_MAX_BODY_BYTES, DEFAULT_OWN_NAMESPACE } from './config.js';
export type { AdmissionConfig, AdmissionLimits, ControlAdmission, NamespaceAdmission } from './config.js';
export { ENFORCE_LABEL, LABEL_ACTIONS, actionFor, defaultAction, isCrossObjectControl, labelOverride } from './actions.js';
export { exemption, serviceAccountOf } from './exemptions.js';
export { planMutation } from './mutate.js';
export type { MutationPlan } from './mutate.js';
export { NamespaceCache } from './namespaces.js';
export type { NamespaceCacheOptions, NamespaceLookup } from './namespaces.js';
export * from './types.js';
