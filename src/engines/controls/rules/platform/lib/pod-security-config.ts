/**
 * Where PodSecurity admission configuration lives: embedded in an AdmissionConfiguration
 * (`plugins[].configuration` of the plugin named PodSecurity) or as a standalone
 * PodSecurityConfiguration file that the AdmissionConfiguration references by `path`.
 */
import type { K8sObject } from '../../../../../model/types.js';
import { joinPointer } from '../../../../../model/pointer.js';
import { apiGroupOf } from './config-control.js';

const ADMISSION_GROUPS = ['apiserver.config.k8s.io', 'apiserver.k8s.io'];
const PSA_GROUP = 'pod-security.admission.config.k8s.io';

export const POD_SECURITY_KINDS = ['AdmissionConfiguration', 'PodSecurityConfiguration'];

export interface PodSecurityConfigView {
  config: Record<string, unknown>;
  /** Pointer to the PodSecurityConfiguration within the object ('' when standalone). */
  base: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function podSecurityConfigs(obj: K8sObject): PodSecurityConfigView[] {
  if (obj.kind === 'PodSecurityConfiguration') return apiGroupOf(obj.apiVersion) === PSA_GROUP ? [{ config: obj, base: '' }] : [];
  if (obj.kind !== 'AdmissionConfiguration' || !ADMISSION_GROUPS.includes(apiGroupOf(obj.apiVersion))) return [];
  const plugins = obj['plugins'];
  if (!Array.isArray(plugins)) return [];
  const out: PodSecurityConfigView[] = [];
  plugins.forEach((p, i) => {
    if (!isRecord(p) || p['name'] !== 'PodSecurity' || !isRecord(p['configuration'])) return;
    const config = p['configuration'];
    if (typeof config['apiVersion'] === 'string' && apiGroupOf(config['apiVersion']) !== PSA_GROUP) return;
    out.push({ config, base: joinPointer('/plugins', i, 'configuration') });
  });
  return out;
}
