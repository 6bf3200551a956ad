import 'server-only';
// Field encryption for personal data at rest (AES-256-GCM) and keyed hashes for lookups (HMAC-SHA256).
//
// Every ciphertext names the key that sealed it, so keys can rotate: text is `v2:<keyId>:<payload>`, files
// are `ev2` ‖ key-id length (1 byte) ‖ key id ‖ iv ‖ tag ‖ body. The keys come from DATA_ENCRYPTION_KEYS
// (`k2:<base64url>,k1:<base64url>`, the first one seals new data) and DATA_ENCRYPTION_KEY (the original
// single key, known as `k1`). Ciphertext written before key ids (`v1:` / `ev1`) was sealed with k1.
// `npm run keys:rotate` (scripts/keys-rotate.ts) re-seals everything with the current key; after that the
// old key can be removed from the environment.
import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { env, type Env } from '@/lib/env';

export type Keyring = { current: string; keys: Map<string, Buffer> };

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** The keys named by the environment; the first of DATA_ENCRYPTION_KEYS (else k1) seals new data. */
export function keyringFrom(e: Pick<Env, 'DATA_ENCRYPTION_KEY' | 'DATA_ENCRYPTION_KEYS'>): Keyring {
  const keys = new Map<string, Buffer>();
  let current: string | undefined;
  for (const entry of (e.DATA_ENCRYPTION_KEYS ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const at = entry.indexOf(':');
    const id = entry.slice(0, at);
    const key = Buffer.from(entry.slice(at + 1), 'base64url');
    if (at < 1 || !KEY_ID.test(id) || key.length !== 32) throw new Error('DATA_ENCRYPTION_KEYS: 每一项必须是 <密钥编号>:<32 字节 base64url>');
    if (keys.has(id)) throw new Error(`DATA_ENCRYPTION_KEYS: 密钥编号 ${id} 重复`);
    keys.set(id, key);
    current ??= id;
  }
  if (e.DATA_ENCRYPTION_KEY) {
    const k1 = Buffer.from(e.DATA_ENCRYPTION_KEY, 'base64url');
    const listed = keys.get('k1');
    if (listed && !listed.equals(k1)) throw new Error('DATA_ENCRYPTION_KEYS 中的 k1 与 DATA_ENCRYPTION_KEY 不一致');
    keys.set('k1', k1);
    current ??= 'k1';
  }
  if (!current) throw new Error('缺少数据加密密钥：请设置 DATA_ENCRYPTION_KEYS 或 DATA_ENCRYPTION_KEY');
  return { current, keys };
}

let cachedRing: { source: string; ring: Keyring } | undefined;
export function keyring(): Keyring {
  const e = env();
  const source = `${e.DATA_ENCRYPTION_KEYS ?? ''}|${e.DATA_ENCRYPTION_KEY ?? ''}`;
  if (cachedRing?.source !== source) cachedRing = { source, ring: keyringFrom(e) };
  return cachedRing.ring;
}

function keyById(id: string): Buffer {
  const key = keyring().keys.get(id);
  if (!key) throw new Error(`ciphertext sealed with key ${id}, which is not configured`);
  return key;
}

function hmacKey(): Buffer {
  return Buffer.from(env().DATA_HMAC_KEY, 'base64url');
}

export function encrypt(plain: string): string {
  const { current } = keyring();
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyById(current), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `v2:${current}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

/** The id of the key that sealed a text ciphertext (`k1` for the old `v1:` form). */
export function keyIdOf(sealed: string): string {
  const parts = sealed.split(':');
  if (parts[0] === 'v1' && parts.length === 2) return 'k1';
  if (parts[0] === 'v2' && parts.length === 3 && KEY_ID.test(parts[1]!)) return parts[1]!;
  throw new Error('unknown ciphertext format');
}

/**
 * `p0:<plain>` is what the SQL migration that moved plain columns into ciphertext columns wrote (SQL has
 * no keys): readable until `npm run keys:rotate` seals it, which it does for every such value.
 */
export const PENDING_PREFIX = 'p0:';

export function decrypt(sealed: string): string {
  if (sealed.startsWith(PENDING_PREFIX)) return sealed.slice(PENDING_PREFIX.length);
  const id = keyIdOf(sealed);
  const payload = sealed.slice(sealed.lastIndexOf(':') + 1);
  if (!payload) throw new Error('unknown ciphertext format');
  const raw = Buffer.from(payload, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', keyById(id), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

/** Files at rest: the same AES-256-GCM, as bytes behind a version marker and the key id. */
export function encryptBytes(plain: Uint8Array): Buffer {
  const { current } = keyring();
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyById(current), iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  const id = Buffer.from(current);
  return Buffer.concat([Buffer.from('ev2'), Buffer.from([id.length]), id, iv, cipher.getAuthTag(), body]);
}

/** Where a sealed file's iv starts and which key sealed it. */
function fileHeader(raw: Buffer): { id: string; at: number } {
  const marker = raw.subarray(0, 3).toString();
  if (marker === 'ev1') return { id: 'k1', at: 3 };
  if (marker === 'ev2' && raw.length > 4) {
    const n = raw[3]!;
    const id = raw.subarray(4, 4 + n).toString();
    if (KEY_ID.test(id)) return { id, at: 4 + n };
  }
  throw new Error('unknown file ciphertext format');
}

export function fileKeyIdOf(sealed: Uint8Array): string {
  return fileHeader(Buffer.from(sealed)).id;
}

export function decryptBytes(sealed: Uint8Array): Buffer {
  const raw = Buffer.from(sealed);
  const { id, at } = fileHeader(raw);
  const decipher = createDecipheriv('aes-256-gcm', keyById(id), raw.subarray(at, at + 12));
  decipher.setAuthTag(raw.subarray(at + 12, at + 28));
  return Buffer.concat([decipher.update(raw.subarray(at + 28)), decipher.final()]);
}

export function encryptJson(value: unknown): string {
  return encrypt(JSON.stringify(value));
}

export function decryptJson<T>(sealed: string): T {
  return JSON.parse(decrypt(sealed)) as T;
}

/** Keyed hash for equality lookups (phone, 身份证号); the caller normalises first. */
export function lookupHash(value: string): string {
  return createHmac('sha256', hmacKey()).update(value).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}
