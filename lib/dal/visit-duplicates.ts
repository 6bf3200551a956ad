import 'server-only';
// The same visit recorded twice: an application's visit whose keyed hash (lib/personal/visit-key.ts) matches an imported
// settlement or another case's visit. The approval pays only what the others have not (Office rules: a visit
// is never paid twice) and the staff case page shows each match with the other case's link. Callers have
// checked access to the application; only references and amounts leave here, never the other person's data.
import { and, eq, inArray, ne, or, type Column, type SQL } from 'drizzle-orm';
import type { EstimateResult } from '@/lib/calculator';
import { decryptJson } from '@/lib/personal/crypto';
import type { Visit } from '@/lib/personal/records';
import { q, schema } from '@/lib/store/db';

/**
 * One earlier record of an application's visit (`seq`): the case that covers it, if any, and what the hospital paid.
 * `receipt` is the application's own visit where the receipt shows assistance the hospital already paid (`own`).
 */
export type VisitMatch = { seq: number; source: 'settlement' | 'application' | 'receipt'; ref: string | null; status: string | null; hospitalPaidFen: number; own?: boolean };

const COVERING = ['submitted', 'accepted', 'in_review', 'needs_info', 'approved', 'paid'] as const;

/** Only the same person's records: two people's visits on the same day at the same cost are two visits. */
export async function visitMatches(app: { id: string; region: string; personId: string | null }): Promise<VisitMatch[]> {
  if (!app.personId) return [];
  const personId = app.personId;
  const e = schema.episodes;
  const mine = await q((db) => db.select({ seq: e.seq, noKey: e.noKey, visitKey: e.visitKey, dataEnc: e.dataEnc }).from(e).where(eq(e.applicationId, app.id)));
  const receipts: VisitMatch[] = mine.flatMap((m) => {
    const paid = decryptJson<Visit>(m.dataEnc).assistancePaidFen ?? 0;
    return paid > 0 ? [{ seq: m.seq, source: 'receipt' as const, ref: null, status: null, hospitalPaidFen: paid, own: true }] : [];
  });
  const keys = [...new Set(mine.flatMap((m) => [m.noKey, m.visitKey]).filter((k): k is string => !!k))];
  if (keys.length === 0) return receipts;
  const seqOf = (noKey: string | null, visitKey: string | null) => mine.filter((m) => (m.noKey && m.noKey === noKey) || (m.visitKey && m.visitKey === visitKey)).map((m) => m.seq);
  const matchKeys = (noKey: Column, visitKey: Column): SQL => or(inArray(noKey, keys), inArray(visitKey, keys))!;
  const s = schema.settlements;
  const t = schema.applications;
  const settled = await q((db) =>
    db
      .select({ noKey: s.noKey, visitKey: s.visitKey, paid: s.assistancePaidFen, ref: t.ref, status: t.status, appId: s.applicationId })
      .from(s)
      .leftJoin(t, eq(t.id, s.applicationId))
      .where(and(eq(s.region, app.region), eq(s.personId, personId), matchKeys(s.noKey, s.visitKey))),
  );
  const others = await q((db) =>
    db
      .select({ noKey: e.noKey, visitKey: e.visitKey, ref: t.ref, status: t.status, appId: t.id })
      .from(e)
      .innerJoin(t, eq(t.id, e.applicationId))
      .where(and(ne(e.applicationId, app.id), eq(t.region, app.region), eq(t.personId, personId), inArray(t.status, [...COVERING]), matchKeys(e.noKey, e.visitKey))),
  );
  const out: VisitMatch[] = [...receipts];
  for (const r of settled) {
    for (const seq of seqOf(r.noKey, r.visitKey)) out.push({ seq, source: 'settlement', ref: r.appId === app.id ? null : r.ref, status: r.appId === app.id ? null : r.status, hospitalPaidFen: r.paid, own: r.appId === app.id });
  }
  // A direct case's visits are its settlements too: list the case once, as the settlement.
  const seen = new Set(out.map((m) => `${m.seq}:${m.ref}`));
  for (const r of others) for (const seq of seqOf(r.noKey, r.visitKey)) if (!seen.has(`${seq}:${r.ref}`)) out.push({ seq, source: 'application', ref: r.ref, status: r.status, hospitalPaidFen: 0 });
  return out.sort((a, b) => a.seq - b.seq);
}

/**
 * What an approval must not pay again, from the application's own estimate: a visit another approved or paid case
 * covers counts in full; one the hospital's 一站式 settlement already assisted counts up to what it paid (the larger of
 * the settlement file's figure and the receipt's, since both tell of the same payment).
 */
export function alreadyPaidFen(snapshot: { result: Pick<EstimateResult, 'episodes'> } | null, matches: VisitMatch[]): { fen: number; refs: string[] } {
  let fen = 0;
  const refs = new Set<string>();
  for (const seq of new Set(matches.map((m) => m.seq))) {
    const ep = snapshot?.result.episodes.find((x) => x.id === String(seq));
    const own = ep ? ep.assistanceFen + ep.tiltFen : 0;
    const mine = matches.filter((m) => m.seq === seq);
    const covering = mine.find((m) => m.ref && (m.status === 'approved' || m.status === 'paid'));
    const hospital = Math.max(0, ...mine.map((m) => m.hospitalPaidFen));
    const taken = covering ? own : Math.min(own, hospital);
    if (covering?.ref) refs.add(covering.ref);
    fen += taken;
  }
  return { fen, refs: [...refs] };
}
