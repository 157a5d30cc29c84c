/** Public API of the Pod Security Standards engine. */
export type { CheckId, EvaluationResult, Level, LevelVersion, PolicyVersion, Violation, PssErrorCode } from './types.js';
export { CHECK_IDS, LEVELS, PssInputError } from './types.js';
export { evaluatePod, evaluateResource, joinViolations } from './evaluate.js';
export type { EvaluateOptions, ResourceEvaluation } from './evaluate.js';
export { compareLevels, formatLevelVersion, formatVersion, LATEST, minorVersion, parseLevel, parseVersion } from './levels.js';
export { checksFor, CHECKS, MAX_MINOR } from './registry.js';
export { defaultPolicy, hasPodSecurityLabels, policyFromLabels } from './namespace.js';
export type { LabelError, Mode, NamespacePolicy } from './namespace.js';
export { recommend, renderRecommendations } from './recommend.js';
export type { NamespaceRecommendation } from './recommend.js';
export { evaluateResources, renderEvalTable } from './report.js';
export type { EvalEntry, EvalReport } from './report.js';
export { pssControls, podSecurityNamespace, podSecurityStandard } from './controls.js';
