import 'server-only';
// The personal data that lives in ciphertext columns (docs/security.md "Personal data at rest"): a person's
// name (with its masked form beside it for lists), certificate numbers, and the visits of an application
// (hospital, dates, kind, amounts, special-disease flag). Readers get back the shape the plain columns had.
import { decrypt, decryptJson, encrypt, encryptJson } from '@/lib/personal/crypto';
import { maskName } from '@/lib/format';

export function sealName(name: string): { nameEnc: string; nameMasked: string } {
  return { nameEnc: encrypt(name), nameMasked: maskName(name) };
}

export function openName(nameEnc: string): string {
  return decrypt(nameEnc);
}

export function sealOptional(value: string | null | undefined): string | null {
  return value ? encrypt(value) : null;
}

export function openOptional(sealed: string | null): string | null {
  return sealed ? decrypt(sealed) : null;
}

/** One visit as submitted (and as applicationDetail returns it). */
export type Visit = {
  hospitalName: string | null;
  date: string;
  endDate: string | null;
  kind: 'inpatient' | 'outpatient' | 'outpatient_special';
  hospitalLevel: number;
  specialDisease: boolean;
  referred: boolean;
  location: 'local' | 'province' | 'elsewhere';
  offsiteFiled: boolean;
  totalFen: number;
  policyFen: number;
  basicPaidFen: number;
  criticalPaidFen: number;
  supplementaryPaidFen: number;
  /** What the hospital's 一站式结算 already paid from assistance, as typed from the receipt (absent on older visits: 0). */
  assistancePaidFen?: number;
};

export function sealVisit(v: Visit): string {
  return encryptJson(v);
}

export type EpisodeRow = { id: string; applicationId: string; seq: number; dataEnc: string };

/**
 * The row's keys and its visit. Written out, not as `{ ...rest, ...visit }`: V8 took about 20 µs a call for that rest
 * plus spread (1.8 µs written out), more than twice the decryption, and half of the impact preview's time at 1,000,000 person-years
 * (docs/benchmarks.md, "Impact preview: the whole job"). Only the three keys are kept: the row's lookup hashes
 * (`noKey`, `visitKey`) are not part of a visit.
 */
export function openEpisode(row: EpisodeRow): Omit<EpisodeRow, 'dataEnc'> & Visit {
  return { id: row.id, applicationId: row.applicationId, seq: row.seq, ...decryptJson<Visit>(row.dataEnc) };
}
