import 'server-only';
// Field encryption for personal data at rest (AES-256-GCM) and keyed hashes for lookups (HMAC-SHA256).
import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/env';

const VERSION = 'v1';

function key(name: 'DATA_ENCRYPTION_KEY' | 'DATA_HMAC_KEY'): Buffer {
  return Buffer.from(env()[name], 'base64url');
}

export function encrypt(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key('DATA_ENCRYPTION_KEY'), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

export function decrypt(sealed: string): string {
  const [version, payload] = sealed.split(':');
  if (version !== VERSION || !payload) throw new Error('unknown ciphertext format');
  const raw = Buffer.from(payload, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key('DATA_ENCRYPTION_KEY'), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

/** Files at rest: the same AES-256-GCM, as bytes (iv ‖ tag ‖ body) behind a 3-byte version marker. */
export function encryptBytes(plain: Uint8Array): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key('DATA_ENCRYPTION_KEY'), iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([Buffer.from('ev1'), iv, cipher.getAuthTag(), body]);
}

export function decryptBytes(sealed: Uint8Array): Buffer {
  const raw = Buffer.from(sealed);
  if (raw.subarray(0, 3).toString() !== 'ev1') throw new Error('unknown file ciphertext format');
  const decipher = createDecipheriv('aes-256-gcm', key('DATA_ENCRYPTION_KEY'), raw.subarray(3, 15));
  decipher.setAuthTag(raw.subarray(15, 31));
  return Buffer.concat([decipher.update(raw.subarray(31)), decipher.final()]);
}

export function encryptJson(value: unknown): string {
  return encrypt(JSON.stringify(value));
}

export function decryptJson<T>(sealed: string): T {
  return JSON.parse(decrypt(sealed)) as T;
}

/** Keyed hash for equality lookups (phone, 身份证号); the caller normalises first. */
export function lookupHash(value: string): string {
  return createHmac('sha256', key('DATA_HMAC_KEY')).update(value).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}
