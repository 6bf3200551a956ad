import 'server-only';
// What a signed-in resident brought from /check and /estimate, kept on the server (encrypted) until they start
// an application: any number of visits, on any device. Anonymous people keep it in a cookie (lib/applications/prefill.ts)
// that moves here when they sign in.
import { eq } from 'drizzle-orm';
import { decryptJson, encryptJson } from '@/lib/personal/crypto';
import type { SessionUser } from '@/lib/dal/users';
import { forbidden, type Result } from '@/lib/result';
import { q, schema, transaction } from '@/lib/store/db';
import type { EpisodeFormValues } from '@/lib/validation/episode-form';

export type Prefill = {
  region?: string;
  categories?: string[];
  episodes?: EpisodeFormValues[];
};

/** A year's claim rarely has more; the cap only keeps one row from growing without bound. */
export const MAX_PREFILL_EPISODES = 50;

function clean(data: Prefill): Prefill {
  return {
    ...(typeof data.region === 'string' ? { region: data.region.slice(0, 40) } : {}),
    ...(Array.isArray(data.categories) ? { categories: data.categories.filter((c) => typeof c === 'string').slice(0, 40) } : {}),
    ...(Array.isArray(data.episodes) ? { episodes: data.episodes.slice(0, MAX_PREFILL_EPISODES) } : {}),
  };
}

/** This resident's waiting prefill, or {} (staff have none). */
export async function readPrefillFor(actor: SessionUser): Promise<Prefill> {
  if (actor.role !== 'resident') return {};
  const [row] = await q((db) => db.select({ dataEnc: schema.prefills.dataEnc }).from(schema.prefills).where(eq(schema.prefills.userId, actor.id)));
  if (!row) return {};
  try {
    return clean(decryptJson<Prefill>(row.dataEnc));
  } catch {
    return {};
  }
}

/** Merges `data` over what is waiting (a later handover from /check or /estimate wins, field by field). */
export async function savePrefillFor(actor: SessionUser, data: Prefill): Promise<Result<{ prefill: Prefill }>> {
  if (actor.role !== 'resident') return forbidden('只有居民账号可以在这里申请。');
  // One row per account, written only by that person's own handovers: the later one wins.
  return transaction(async (db) => {
    const merged = clean({ ...(await readPrefillFor(actor)), ...data });
    const dataEnc = encryptJson(merged);
    const updatedAt = new Date().toISOString();
    const t = schema.prefills;
    await db.insert(t).values({ userId: actor.id, dataEnc, updatedAt }).onConflictDoUpdate({ target: t.userId, set: { dataEnc, updatedAt } });
    return { ok: true, prefill: merged } as const;
  });
}

/** Once a draft was made from it. */
export async function clearPrefillFor(actor: SessionUser): Promise<void> {
  await q((db) => db.delete(schema.prefills).where(eq(schema.prefills.userId, actor.id)));
}
