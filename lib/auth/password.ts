import 'server-only';
// Staff passwords: argon2id (OWASP parameters: 19 MiB, 2 passes).
import { hash, verify } from '@node-rs/argon2';

export function hashPassword(plain: string): Promise<string> {
  return hash(plain, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

export async function verifyPassword(stored: string | null, plain: string): Promise<boolean> {
  // Hash something anyway when the account has no password, so timing does not reveal which usernames exist.
  if (!stored) {
    await hash(plain);
    return false;
  }
  try {
    return await verify(stored, plain);
  } catch {
    return false;
  }
}
