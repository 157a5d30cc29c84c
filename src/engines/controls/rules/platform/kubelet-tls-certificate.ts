import { configControl, KUBELET } from './lib/config-control.js';
import type { FieldRule } from './lib/config-rules.js';
import { fieldMustBeSet, lookup } from './lib/config-rules.js';

/** A serving certificate from files, unless the kubelet requests one from the API server (serverTLSBootstrap). */
const tlsServingCertificate: FieldRule = (obj) =>
  lookup(obj, ['serverTLSBootstrap']).value === true ? [] : fieldMustBeSet(KUBELET.kind, ['tlsCertFile'], ['tlsPrivateKeyFile'])(obj);

export default configControl({
  id: 'kubelet-tls-certificate',
  title: 'Kubelet serves TLS with a self-signed certificate',
  severity: 'medium',
  ...KUBELET,
  frameworks: { cis: ['4.2.9'], nsa: ['network/encryption'], mitre: ['T1557'] },
  rule: tlsServingCertificate,
  rationale: 'Without a serving certificate (or serverTLSBootstrap) the kubelet generates a self-signed one that the API server cannot verify.',
  remediation: 'Set `tlsCertFile` and `tlsPrivateKeyFile`, or `serverTLSBootstrap: true` with approved CSRs.',
});
