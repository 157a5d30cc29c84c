import type { AnyControl } from '../../types.js';
import apiserverAlwaysAdmit from './apiserver-always-admit.js';
import apiserverAlwaysPullImages from './apiserver-always-pull-images.js';
import apiserverAnonymousAuth from './apiserver-anonymous-auth.js';
import apiserverAuditLogMaxage from './apiserver-audit-log-maxage.js';
import apiserverAuditLogMaxbackup from './apiserver-audit-log-maxbackup.js';
import apiserverAuditLogMaxsize from './apiserver-audit-log-maxsize.js';
import apiserverAuditLogPath from './apiserver-audit-log-path.js';
import apiserverAuditPolicyFile from './apiserver-audit-policy-file.js';
import apiserverAuthorizationAlwaysAllow from './apiserver-authorization-always-allow.js';
import apiserverAuthorizationNode from './apiserver-authorization-node.js';
import apiserverAuthorizationRbac from './apiserver-authorization-rbac.js';
import apiserverClientCa from './apiserver-client-ca.js';
import apiserverDenyServiceExternalIps from './apiserver-deny-service-external-ips.js';
import apiserverEncryptionProviderConfig from './apiserver-encryption-provider-config.js';
import apiserverEtcdCa from './apiserver-etcd-ca.js';
import apiserverEtcdClientCertificate from './apiserver-etcd-client-certificate.js';
import apiserverEventRateLimit from './apiserver-event-rate-limit.js';
import apiserverInsecurePort from './apiserver-insecure-port.js';
import apiserverKubeletCertificateAuthority from './apiserver-kubelet-certificate-authority.js';
import apiserverKubeletClientCertificate from './apiserver-kubelet-client-certificate.js';
import apiserverNamespaceLifecycle from './apiserver-namespace-lifecycle.js';
import apiserverNodeRestriction from './apiserver-node-restriction.js';
import apiserverPodSecurityAdmission from './apiserver-pod-security-admission.js';
import apiserverProfiling from './apiserver-profiling.js';
import apiserverServiceAccountAdmission from './apiserver-service-account-admission.js';
import apiserverServiceAccountExtendTokenExpiration from './apiserver-service-account-extend-token-expiration.js';
import apiserverServiceAccountKeyFile from './apiserver-service-account-key-file.js';
import apiserverServiceAccountLookup from './apiserver-service-account-lookup.js';
import apiserverTlsCertificate from './apiserver-tls-certificate.js';
import apiserverTlsCipherSuites from './apiserver-tls-cipher-suites.js';
import apiserverTokenAuthFile from './apiserver-token-auth-file.js';
import auditPolicyCatchAll from './audit-policy-catch-all.js';
import auditPolicyExecLogged from './audit-policy-exec-logged.js';
import auditPolicySensitiveBodies from './audit-policy-sensitive-bodies.js';
import controllerManagerBindAddress from './controller-manager-bind-address.js';
import controllerManagerProfiling from './controller-manager-profiling.js';
import controllerManagerRootCa from './controller-manager-root-ca.js';
import controllerManagerRotateKubeletServerCertificate from './controller-manager-rotate-kubelet-server-certificate.js';
import controllerManagerServiceAccountPrivateKey from './controller-manager-service-account-private-key.js';
import controllerManagerTerminatedPodGcThreshold from './controller-manager-terminated-pod-gc-threshold.js';
import controllerManagerUseServiceAccountCredentials from './controller-manager-use-service-account-credentials.js';
import deprecatedApiVersion from './deprecated-api-version.js';
import encryptionProviderStrength from './encryption-provider-strength.js';
import encryptionSecretsPlaintext from './encryption-secrets-plaintext.js';
import etcdAutoTls from './etcd-auto-tls.js';
import etcdClientCertAuth from './etcd-client-cert-auth.js';
import etcdDedicatedCa from './etcd-dedicated-ca.js';
import etcdPeerAutoTls from './etcd-peer-auto-tls.js';
import etcdPeerClientCertAuth from './etcd-peer-client-cert-auth.js';
import etcdPeerTlsCertificate from './etcd-peer-tls-certificate.js';
import etcdTlsCertificate from './etcd-tls-certificate.js';
import kubeProxyMetricsBindAddress from './kube-proxy-metrics-bind-address.js';
import kubeletAnonymousAuth from './kubelet-anonymous-auth.js';
import kubeletAuthorizationMode from './kubelet-authorization-mode.js';
import kubeletClientCa from './kubelet-client-ca.js';
import kubeletIptablesUtilChains from './kubelet-iptables-util-chains.js';
import kubeletPodPidsLimit from './kubelet-pod-pids-limit.js';
import kubeletReadOnlyPort from './kubelet-read-only-port.js';
import kubeletRotateCertificates from './kubelet-rotate-certificates.js';
import kubeletRotateServerCertificate from './kubelet-rotate-server-certificate.js';
import kubeletSeccompDefault from './kubelet-seccomp-default.js';
import kubeletTlsCertificate from './kubelet-tls-certificate.js';
import kubeletTlsCipherSuites from './kubelet-tls-cipher-suites.js';
import kubeletWebhookAuthentication from './kubelet-webhook-authentication.js';
import podSecurityAdmissionDefaultEnforce from './pod-security-admission-default-enforce.js';
import podSecurityAdmissionExemptions from './pod-security-admission-exemptions.js';
import schedulerBindAddress from './scheduler-bind-address.js';
import schedulerProfiling from './scheduler-profiling.js';

/** Control plane, node, encryption, audit, admission-config and deprecated-API controls. One file per control. */
export const platformControls: AnyControl[] = [
  apiserverAlwaysAdmit,
  apiserverAlwaysPullImages,
  apiserverAnonymousAuth,
  apiserverAuditLogMaxage,
  apiserverAuditLogMaxbackup,
  apiserverAuditLogMaxsize,
  apiserverAuditLogPath,
  apiserverAuditPolicyFile,
  apiserverAuthorizationAlwaysAllow,
  apiserverAuthorizationNode,
  apiserverAuthorizationRbac,
  apiserverClientCa,
  apiserverDenyServiceExternalIps,
  apiserverEncryptionProviderConfig,
  apiserverEtcdCa,
  apiserverEtcdClientCertificate,
  apiserverEventRateLimit,
  apiserverInsecurePort,
  apiserverKubeletCertificateAuthority,
  apiserverKubeletClientCertificate,
  apiserverNamespaceLifecycle,
  apiserverNodeRestriction,
  apiserverPodSecurityAdmission,
  apiserverProfiling,
  apiserverServiceAccountAdmission,
  apiserverServiceAccountExtendTokenExpiration,
  apiserverServiceAccountKeyFile,
  apiserverServiceAccountLookup,
  apiserverTlsCertificate,
  apiserverTlsCipherSuites,
  apiserverTokenAuthFile,
  auditPolicyCatchAll,
  auditPolicyExecLogged,
  auditPolicySensitiveBodies,
  controllerManagerBindAddress,
  controllerManagerProfiling,
  controllerManagerRootCa,
  controllerManagerRotateKubeletServerCertificate,
  controllerManagerServiceAccountPrivateKey,
  controllerManagerTerminatedPodGcThreshold,
  controllerManagerUseServiceAccountCredentials,
  deprecatedApiVersion,
  encryptionProviderStrength,
  encryptionSecretsPlaintext,
  etcdAutoTls,
  etcdClientCertAuth,
  etcdDedicatedCa,
  etcdPeerAutoTls,
  etcdPeerClientCertAuth,
  etcdPeerTlsCertificate,
  etcdTlsCertificate,
  kubeProxyMetricsBindAddress,
  kubeletAnonymousAuth,
  kubeletAuthorizationMode,
  kubeletClientCa,
  kubeletIptablesUtilChains,
  kubeletPodPidsLimit,
  kubeletReadOnlyPort,
  kubeletRotateCertificates,
  kubeletRotateServerCertificate,
  kubeletSeccompDefault,
  kubeletTlsCertificate,
  kubeletTlsCipherSuites,
  kubeletWebhookAuthentication,
  podSecurityAdmissionDefaultEnforce,
  podSecurityAdmissionExemptions,
  schedulerBindAddress,
  schedulerProfiling,
];
