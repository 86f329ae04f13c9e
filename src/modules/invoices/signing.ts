import { createHash, X509Certificate as NodeCertificate, randomBytes, webcrypto } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';
import type { Config } from '../../config.js';
import { DATA_ID } from './xml.js';

/**
 * The seller's enveloped XML signature of an invoice (HDon > DSCKS > NBan > Signature):
 * RSA-SHA256 over the exclusive canonical form of DLHDon (referenced by its Id) and of the
 * signing time, with the X.509 certificate in KeyInfo, as the tax authority's format asks.
 */
const DSIG = 'http://www.w3.org/2000/09/xmldsig#';
const C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';
const SIGNATURE_ID = 'SellerSignature';
const TIME_ID = 'SigningTime';

export interface SigningKey {
  privateKeyPem: string;
  certPem: string;
  /** SHA-256 of the certificate (DER), hex. */
  fingerprint: string;
  subject: string;
}

export function certificateFacts(certPem: string): { fingerprint: string; subject: string } {
  const cert = new NodeCertificate(certPem);
  const subject = cert.subject.split('\n').join(', ');
  return { fingerprint: createHash('sha256').update(cert.raw).digest('hex'), subject };
}

const loaded = new Map<string, Promise<SigningKey>>();

/**
 * The key and certificate invoices are signed with: the files INVOICE_KEY_FILE and
 * INVOICE_CERT_FILE, or else a self-signed pair made once under DATA_DIR/keys/invoice for the
 * demo. Read once per process (the files do not change while it runs).
 */
export function invoiceSigningKey(config: Config): Promise<SigningKey> {
  const { invoiceKeyFile, invoiceCertFile } = config.buying;
  if (!invoiceKeyFile !== !invoiceCertFile)
    return Promise.reject(new Error('INVOICE_KEY_FILE and INVOICE_CERT_FILE go together'));
  const dir = path.join(config.dataDir, 'keys', 'invoice');
  const [keyFile, certFile] = invoiceKeyFile
    ? [invoiceKeyFile, invoiceCertFile!]
    : [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')];
  let key = loaded.get(keyFile);
  if (!key) {
    key = (async () => {
      if (!invoiceKeyFile && !existsSync(keyFile)) await createDemoPair(dir);
      const privateKeyPem = readFileSync(keyFile, 'utf8');
      const certPem = readFileSync(certFile, 'utf8');
      return { privateKeyPem, certPem, ...certificateFacts(certPem) };
    })();
    key.catch(() => loaded.delete(keyFile));
    loaded.set(keyFile, key);
  }
  return key;
}

/**
 * A self-signed RSA 2048 certificate for signing invoices in the demo, written readable by the
 * owner only. Made in a scratch directory and renamed into place: when two instances start
 * together, one rename wins and both use its pair.
 */
async function createDemoPair(dir: string): Promise<void> {
  // The certificate library needs the Reflect metadata polyfill; both load only when a pair is made.
  await import('reflect-metadata');
  const x509 = await import('@peculiar/x509');
  x509.cryptoProvider.set(webcrypto as unknown as Crypto);
  const alg = {
    name: 'RSASSA-PKCS1-v1_5',
    hash: 'SHA-256',
    publicExponent: new Uint8Array([1, 0, 1]),
    modulusLength: 2048,
  };
  const keys = (await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify'])) as CryptoKeyPair;
  const now = new Date();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomBytes(8).toString('hex'),
    name: 'CN=tmdt e-invoice demo signer (self-signed - not for real invoices), O=tmdt, C=VN',
    notBefore: now,
    notAfter: new Date(now.getTime() + 10 * 365 * 86400_000),
    signingAlgorithm: alg,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation,
        true,
      ),
    ],
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey)).toString('base64');
  const keyPem = `-----BEGIN PRIVATE KEY-----\n${pkcs8.match(/.{1,64}/g)!.join('\n')}\n-----END PRIVATE KEY-----\n`;
  mkdirSync(path.dirname(dir), { recursive: true, mode: 0o700 });
  const scratch = mkdtempSync(`${dir}.tmp-`);
  writeFileSync(path.join(scratch, 'key.pem'), keyPem, { mode: 0o600 });
  writeFileSync(path.join(scratch, 'cert.pem'), cert.toString('pem'), { mode: 0o600 });
  try {
    renameSync(scratch, dir);
  } catch (err) {
    rmSync(scratch, { recursive: true, force: true });
    if (!existsSync(path.join(dir, 'key.pem'))) throw err;
  }
}

/** The XML with the seller's signature in DSCKS > NBan. */
export function signInvoiceXml(xml: string, key: SigningKey, at: Date = new Date()): string {
  const sig = new SignedXml({
    privateKey: key.privateKeyPem,
    publicCert: key.certPem,
    signatureAlgorithm: RSA_SHA256,
    canonicalizationAlgorithm: C14N,
    objects: [
      {
        content: `<SignatureProperties><SignatureProperty Target="#${SIGNATURE_ID}"><SigningTime>${at.toISOString()}</SigningTime></SignatureProperty></SignatureProperties>`,
        attributes: { Id: TIME_ID },
      },
    ],
  });
  sig.addReference({
    xpath: `/HDon/DLHDon[@Id='${DATA_ID}']`,
    transforms: [ENVELOPED, C14N],
    digestAlgorithm: SHA256,
  });
  sig.addReference({ xpath: `//*[@Id='${TIME_ID}']`, transforms: [C14N], digestAlgorithm: SHA256 });
  sig.computeSignature(xml, {
    attrs: { Id: SIGNATURE_ID },
    location: { reference: '/HDon/DSCKS/NBan', action: 'append' },
  });
  return sig.getSignedXml();
}

const elements = (parent: Node, name: string): Element[] =>
  Array.from(parent.childNodes).filter(
    (n): n is Element => n.nodeType === 1 && (n as Element).localName === name,
  );

function allElements(root: Element): Element[] {
  const out: Element[] = [root];
  for (const c of Array.from(root.childNodes)) if (c.nodeType === 1) out.push(...allElements(c as Element));
  return out;
}

/**
 * Whether the invoice XML carries a valid signature by `certPem` over its data: the one
 * signature in DSCKS > NBan verifies with that certificate (not with whatever KeyInfo holds),
 * it references exactly the invoice's DLHDon (the only element with that Id, the root's child)
 * and its signing time, and its KeyInfo shows that same certificate. Any change to a character
 * of the signed data, the signature or the certificate makes it false.
 */
export function verifyInvoiceXml(xml: string, certPem: string): boolean {
  try {
    const doc = new DOMParser({
      onError: (level) => {
        if (level !== 'warning') throw new Error('malformed XML');
      },
    }).parseFromString(xml, 'text/xml');
    const root = doc.documentElement;
    if (root?.localName !== 'HDon') return false;
    const data = elements(root, 'DLHDon');
    const withId = allElements(root).filter((e) => e.getAttribute('Id') === DATA_ID);
    if (data.length !== 1 || withId.length !== 1 || withId[0] !== data[0]) return false;
    const slot = elements(root, 'DSCKS').flatMap((d) => elements(d, 'NBan'));
    const sigs = slot.flatMap((n) => elements(n, 'Signature')).filter((s) => s.namespaceURI === DSIG);
    if (slot.length !== 1 || sigs.length !== 1) return false;
    const certs = allElements(sigs[0]).filter((e) => e.localName === 'X509Certificate');
    const bare = (s: string) => s.replace(/-----[^-]+-----|\s/g, '');
    if (certs.length !== 1 || bare(certs[0].textContent ?? '') !== bare(certPem)) return false;

    const sig = new SignedXml({ publicCert: certPem });
    // xml-crypto types its nodes as the DOM's; at run time they are these xmldom nodes.
    sig.loadSignature(sigs[0] as unknown as globalThis.Node);
    if (!sig.checkSignature(xml)) return false;
    const uris = sig.getReferences().map((r) => r.uri);
    return uris.includes(`#${DATA_ID}`) && uris.every((u) => u === `#${DATA_ID}` || u === `#${TIME_ID}`);
  } catch {
    return false;
  }
}
