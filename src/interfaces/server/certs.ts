/**
 * A throw-away CA and a serving certificate for the webhook Service (`rampart admit certs`).
 * ECDSA P-256 keys and signatures come from node:crypto (fast); node-forge builds the
 * certificate structure.
 * The serving certificate names the Service's DNS forms the API server may dial
 * (`svc`, `svc.ns`, `svc.ns.svc`, `svc.ns.svc.cluster.local`) plus any extra DNS names and IPs.
 */
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { isIP } from 'node:net';
import forge from 'node-forge';

export interface CertRequest {
  service: string;
  namespace: string;
  dnsNames?: string[];
  ips?: string[];
  /** Validity of the serving certificate (the CA gets ten times this). */
  days?: number;
  now?: Date;
}

export interface GeneratedCerts {
  caCert: string;
  caKey: string;
  cert: string;
  key: string;
  /** base64 of the CA certificate PEM: the webhook configurations' `caBundle`. */
  caBundle: string;
  dnsNames: string[];
  ips: string[];
}

export class CertRequestError extends Error {
  override readonly name = 'CertRequestError';
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

interface Asn1Pki {
  getTBSCertificate(cert: forge.pki.Certificate): forge.asn1.Asn1;
}

const ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2';

/** A P-256 key: fast to generate (RSA-2048 takes ~1 s here) and fast in TLS handshakes. */
function ecKeys(): { privateKey: KeyObject; spki: forge.asn1.Asn1; pem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const spkiDer = publicKey.export({ type: 'spki', format: 'der' });
  return { privateKey, spki: forge.asn1.fromDer(forge.util.createBuffer(spkiDer.toString('binary'))), pem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}

/** forge builds certificates around RSA keys only; a placeholder stands in until the SPKI is swapped. */
const PLACEHOLDER_KEY = forge.pki.setRsaPublicKey(new forge.jsbn.BigInteger('3'), new forge.jsbn.BigInteger('65537'));

function algorithm(): forge.asn1.Asn1 {
  // ECDSA AlgorithmIdentifiers carry no parameters (RFC 5758); Go rejects a NULL there.
  const { asn1 } = forge;
  return asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(ECDSA_WITH_SHA256).getBytes())]);
}

/**
 * DER of `cert` with subject public key `spki`, signed ECDSA-SHA256 by `key` with node:crypto.
 * The TBSCertificate comes from forge; the key and signature fields are replaced (RFC 5280 4.1).
 */
function signedPem(cert: forge.pki.Certificate, spki: forge.asn1.Asn1, key: KeyObject): string {
  const { asn1 } = forge;
  cert.publicKey = PLACEHOLDER_KEY;
  cert.siginfo.algorithmOid = forge.pki.oids['sha256WithRSAEncryption'] as string; // replaced below
  const tbs = (forge.pki as unknown as Asn1Pki).getTBSCertificate(cert);
  const fields = tbs.value as forge.asn1.Asn1[];
  // [0]version, serialNumber, signature, issuer, validity, subject, subjectPublicKeyInfo, [3]extensions
  fields[2] = algorithm();
  fields[6] = spki;
  const tbsDer = asn1.toDer(tbs).getBytes();
  const signature = sign('sha256', Buffer.from(tbsDer, 'binary'), key).toString('binary');
  const certificate = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
    tbs,
    algorithm(),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.BITSTRING, false, String.fromCharCode(0) + signature),
  ]);
  const der = asn1.toDer(certificate).getBytes();
  return forge.pem.encode({ type: 'CERTIFICATE', body: der });
}

function serial(): string {
  const b = randomBytes(16);
  b[0] = (b[0] as number) & 0x7f; // positive
  return b.toString('hex');
}

function validity(cert: forge.pki.Certificate, now: Date, days: number): void {
  cert.validity.notBefore = new Date(now.getTime() - 5 * 60_000); // tolerate clock skew
  cert.validity.notAfter = new Date(now.getTime() + days * 86_400_000);
}

export function serviceDnsNames(service: string, namespace: string): string[] {
  return [service, `${service}.${namespace}`, `${service}.${namespace}.svc`, `${service}.${namespace}.svc.cluster.local`];
}

export function generateCerts(req: CertRequest): GeneratedCerts {
  for (const [what, v] of [['service', req.service], ['namespace', req.namespace]] as const) {
    if (!DNS_LABEL.test(v) || v.length > 63) throw new CertRequestError(`${what} "${v}" is not a valid DNS label`);
  }
  const ips = req.ips ?? [];
  for (const ip of ips) if (isIP(ip) === 0) throw new CertRequestError(`"${ip}" is not an IP address`);
  const dnsNames = [...new Set([...serviceDnsNames(req.service, req.namespace), ...(req.dnsNames ?? [])])];
  const now = req.now ?? new Date();
  const days = req.days ?? 365;

  const ca = ecKeys();
  const caCert = forge.pki.createCertificate();
  caCert.serialNumber = serial();
  validity(caCert, now, days * 10);
  const caSubject = [{ name: 'commonName', value: `rampart-webhook-ca.${req.namespace}` }];
  caCert.setSubject(caSubject);
  caCert.setIssuer(caSubject);
  caCert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true, pathLenConstraint: 0 },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
  ]);
  const caPem = signedPem(caCert, ca.spki, ca.privateKey);

  const leaf = ecKeys();
  const cert = forge.pki.createCertificate();
  cert.serialNumber = serial();
  validity(cert, now, days);
  cert.setSubject([{ name: 'commonName', value: `${req.service}.${req.namespace}.svc` }]);
  cert.setIssuer(caSubject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: [...dnsNames.map((value) => ({ type: 2, value })), ...ips.map((ip) => ({ type: 7, ip }))] },
  ]);
  const leafPem = signedPem(cert, leaf.spki, ca.privateKey);

  return {
    caCert: caPem,
    caKey: ca.pem,
    cert: leafPem,
    key: leaf.pem,
    caBundle: Buffer.from(caPem).toString('base64'),
    dnsNames,
    ips,
  };
}
