import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { generateKeyPairSync, webcrypto } from 'node:crypto';

/** The C2PA signer EKU (id-kp-c2pa-signer). */
export const C2PA_SIGNER_EKU = '1.3.6.1.4.1.62558.2.1';
const EMAIL_PROTECTION_EKU = '1.3.6.1.5.5.7.3.4';

/** The keys `clef keys init` makes, as PEM text. */
export interface DevelopmentKeys {
  readonly caCertificatePem: string;
  readonly caPrivateKeyPem: string;
  readonly signerCertificatePem: string;
  readonly signerPrivateKeyPem: string;
  readonly ed25519PrivateKeyPem: string;
  readonly ed25519PublicKeyPem: string;
}

const EC_P256 = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

const pkcs8Pem = async (key: CryptoKey): Promise<string> =>
  x509.PemConverter.encode(await webcrypto.subtle.exportKey('pkcs8', key), 'PRIVATE KEY');

const serial = (): string => Buffer.from(webcrypto.getRandomValues(new Uint8Array(16))).toString('hex').replace(/^[89a-f]/, '1');

/**
 * Makes a CMO's development CA (EC P-256, path length 0) and a C2PA signing certificate it issues
 * (digitalSignature, EKU C2PA signer plus emailProtection, key identifiers), both valid from `now`
 * for `years` (C2PA validates against the certificate dates when there is no timestamp), and an
 * Ed25519 key pair for implicit-label signatures.
 */
export async function createDevelopmentKeys(cmoName: string, now: Date, years = 30): Promise<DevelopmentKeys> {
  x509.cryptoProvider.set(webcrypto as unknown as Crypto);
  const notAfter = new Date(now);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + years);
  const org = cmoName.replace(/[,=+<>#;"\\]/g, ' ');
  const caKeys = (await webcrypto.subtle.generateKey(EC_P256, true, ['sign', 'verify'])) as CryptoKeyPair;
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(), name: `CN=${org} Development CA, O=${org}`, notBefore: now, notAfter, signingAlgorithm: EC_P256, keys: caKeys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });
  const leafKeys = (await webcrypto.subtle.generateKey(EC_P256, true, ['sign', 'verify'])) as CryptoKeyPair;
  const leaf = await x509.X509CertificateGenerator.create({
    serialNumber: serial(), subject: `CN=${org} C2PA Signer, O=${org}`, issuer: ca.subject, notBefore: now, notAfter,
    signingAlgorithm: EC_P256, publicKey: leafKeys.publicKey, signingKey: caKeys.privateKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([C2PA_SIGNER_EKU, EMAIL_PROTECTION_EKU]),
      await x509.SubjectKeyIdentifierExtension.create(leafKeys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(ca),
    ],
  });
  const ed = generateKeyPairSync('ed25519');
  return {
    caCertificatePem: ca.toString('pem'),
    caPrivateKeyPem: await pkcs8Pem(caKeys.privateKey),
    signerCertificatePem: leaf.toString('pem'),
    signerPrivateKeyPem: await pkcs8Pem(leafKeys.privateKey),
    ed25519PrivateKeyPem: ed.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    ed25519PublicKeyPem: ed.publicKey.export({ format: 'pem', type: 'spki' }).toString(),
  };
}
