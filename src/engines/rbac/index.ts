/** Public API of the RBAC engine (what the CLI, the scan and the live-cluster oracle test use). */
export { buildAuthorizer, authorizerFromModel } from './authorizer.js';
export type { Authorizer, AuthorizerOptions, Permissions, WhoCanEntry, WhoCanOptions, AppliedBinding } from './authorizer.js';
export { buildModel } from './model.js';
export type { RbacModel, Binding, ModelOptions } from './model.js';
export { bootstrapObjects } from './bootstrap.js';
export type { RbacSource } from './bootstrap.js';
export { diffPermissions } from './diff.js';
export type { PermissionDiff, PermissionAtom } from './diff.js';
export { analyzeEscalations, platformSubjects, IMPACTS, IMPACT_SEVERITY } from './escalation.js';
export type { EscalationOptions, EscalationAnalysis, EscalationPath, EscalationStep, Remediation, Impact, Permission, GraphEdge } from './escalation.js';
export { parseSubject, formatSubject, userInfoOf, SubjectSyntaxError } from './subjects.js';
export type { Subject, SubjectKind } from './subjects.js';
export { ruleAllows } from './rules.js';
export { rbacControls } from './controls.js';
export type { Attributes, ResourceAttributes, NonResourceAttributes, Decision, PolicyRule, RbacProblem, RbacProblemCode, ScopedRule, UserInfo, Via } from './types.js';
