export { redact } from './redact.js';
export type { SecretDetection, SecretKind, SensitiveClass } from './detectors.js';
export { describeDetections, detectSecrets, entropy, isPlaceholder, SECRET_KIND_LABELS, sensitiveName } from './detectors.js';
