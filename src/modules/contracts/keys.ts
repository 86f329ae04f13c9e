import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  sign,
  verify,
} from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import canonicalize from 'canonicalize';
import type { Config } from '../../config.js';

/** The platform's contract-signing key: the private half signs, the public half is published. */
export interface Signer {
  keyId: string;
  publicKeyPem: string;
  sign(bytes: Buffer): string;
}

/**
 * A key's id is its RFC 7638 JWK thumbprint: anyone holding the public key can compute it
 * (SHA-256 of the canonical {crv, kty, x}, base64url), so the id in a contract file names
 * exactly one key.
 */
export function keyIdOf(publicKey: KeyObject): string {
  const { crv, kty, x } = publicKey.export({ format: 'jwk' });
  return createHash('sha256')
    .update(canonicalize({ crv, kty, x }) ?? '')
    .digest('base64url');
}

/** Whether `signature` (base64) is the Ed25519 signature of `bytes` by the key in `publicKeyPem`. */
export function verifySignature(publicKeyPem: string, bytes: Buffer, signature: string): boolean {
  const sig = Buffer.from(signature, 'base64');
  // Ed25519 signatures are 64 bytes; anything else (or text that is not base64) is no signature.
  if (sig.length !== 64 || sig.toString('base64') !== signature) return false;
  return verify(null, bytes, createPublicKey(publicKeyPem), sig);
}

/** Where the key lives: the configured file, or one the app made under DATA_DIR/keys. */
export function contractKeyPath(config: Config): string {
  return config.buying.contractKeyFile ?? path.join(config.dataDir, 'keys', 'contract-ed25519.pem');
}

/**
 * Reads the signing key, or makes it the first time when none is configured. The new key is
 * written to a private temporary file (0600) and linked into place, which fails when the
 * file exists: two instances starting together on one data directory both end up with the
 * one key that was linked first, and nobody ever reads a half-written file.
 */
export function loadSigner(config: Config): Signer {
  const file = contractKeyPath(config);
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || config.buying.contractKeyFile) {
      throw new Error(`CONTRACT_KEY_FILE: cannot read ${file}: ${(err as Error).message}`);
    }
    pem = createKeyFile(file);
  }
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error(`CONTRACT_KEY_FILE: ${file} holds a ${privateKey.asymmetricKeyType} key, not Ed25519`);
  }
  const publicKey = createPublicKey(privateKey);
  return {
    keyId: keyIdOf(publicKey),
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    sign: (bytes) => sign(null, bytes, privateKey).toString('base64'),
  };
}

function createKeyFile(file: string): string {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(tmp, pem, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(tmp, file);
    return pem;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8');
    throw err;
  } finally {
    rmSync(tmp, { force: true });
  }
}

const signers = new WeakMap<Config, Signer>();

/** The app's signer, read once per configuration (an app restart reads the file again). */
export function signerFor(config: Config): Signer {
  let s = signers.get(config);
  if (!s) {
    s = loadSigner(config);
    signers.set(config, s);
  }
  return s;
}
