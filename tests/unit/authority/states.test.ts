// The authority state machine and the cover rule, pure: every scope × every status × own / other person.
import { describe, expect, it } from 'vitest';
import { AUTHORITY_SCOPES, AUTHORITY_STATUSES, type AuthorityScope, type AuthorityStatus } from '@/db/schema-shared';
import { addDays, AUTHORITY_TRANSITIONS, checkAuthorityStep, covers, defaultValidTo, factMatches, type AuthorityFacts } from '@/lib/authority/states';

const today = '2026-12-01';
function authority(status: AuthorityStatus, scope: AuthorityScope[], over: Partial<AuthorityFacts> = {}): AuthorityFacts {
  return { status, grantorPersonId: 'father', proxyUserId: 'daughter', scope, validFrom: '2026-11-01', validTo: '2027-10-31', applicationId: null, ...over };
}

describe('covers: every scope × every status × own / other person', () => {
  // The authority grants exactly one scope; the proxy asks for each scope in turn.
  for (const granted of AUTHORITY_SCOPES) {
    for (const status of AUTHORITY_STATUSES) {
      for (const who of ['own', 'other'] as const) {
        for (const need of AUTHORITY_SCOPES) {
          // Allowed only when: active, the granting person is the one asked about, and the scope matches.
          const expected = status === 'active' && who === 'own' && need === granted;
          it(`${granted} granted, ${status}, ${who} person, asks ${need} → ${expected ? 'allowed' : 'refused'}`, () => {
            const a = authority(status, [granted]);
            const answer = covers(a, { proxyUserId: 'daughter', personId: who === 'own' ? 'father' : 'neighbour', need, today });
            expect(answer.ok).toBe(expected);
            if (!expected) {
              const reason = who === 'other' ? 'other_person' : status !== 'active' ? 'not_active' : 'out_of_scope';
              expect(answer).toEqual({ ok: false, reason });
            }
          });
        }
      }
    }
  }

  it('refuses another proxy holding nothing, before the start and after the end date, and on the end date still allows', () => {
    const a = authority('active', ['view']);
    expect(covers(a, { proxyUserId: 'stranger', personId: 'father', need: 'view', today })).toEqual({ ok: false, reason: 'other_person' });
    expect(covers(a, { proxyUserId: 'daughter', personId: 'father', need: 'view', today: '2026-10-31' })).toEqual({ ok: false, reason: 'not_yet' });
    expect(covers(a, { proxyUserId: 'daughter', personId: 'father', need: 'view', today: '2027-10-31' })).toEqual({ ok: true });
    expect(covers(a, { proxyUserId: 'daughter', personId: 'father', need: 'view', today: '2027-11-01' })).toEqual({ ok: false, reason: 'ended' });
  });

  it('an authority for one application covers that one only (and no new application)', () => {
    const a = authority('active', ['view', 'apply'], { applicationId: 'app-1' });
    expect(covers(a, { proxyUserId: 'daughter', personId: 'father', need: 'view', today, applicationId: 'app-1' }).ok).toBe(true);
    expect(covers(a, { proxyUserId: 'daughter', personId: 'father', need: 'view', today, applicationId: 'app-2' })).toEqual({ ok: false, reason: 'other_application' });
    expect(covers(a, { proxyUserId: 'daughter', personId: 'father', need: 'apply', today })).toEqual({ ok: false, reason: 'other_application' });
  });
});

describe('the authority state machine', () => {
  it('allows exactly the steps of the table', () => {
    const table: [keyof typeof AUTHORITY_TRANSITIONS, AuthorityStatus, Parameters<typeof checkAuthorityStep>[2], AuthorityStatus | null][] = [
      ['accept', 'pending', 'proxy', 'active'],
      ['accept', 'locked', 'proxy', null],
      ['accept', 'pending', 'grantor', null],
      ['approve', 'pending', 'clerk', 'active'],
      ['approve', 'pending', 'proxy', null],
      ['lock', 'pending', 'system', 'locked'],
      ['reject', 'pending', 'clerk', 'rejected'],
      ['decline', 'pending', 'proxy', 'rejected'],
      ['cancel', 'pending', 'grantor', 'cancelled'],
      ['cancel', 'locked', 'grantor', 'cancelled'],
      ['cancel', 'active', 'grantor', null],
      ['revoke', 'active', 'grantor', 'revoked'],
      ['revoke', 'active', 'proxy', 'revoked'],
      ['revoke', 'active', 'clerk', 'revoked'],
      ['revoke', 'revoked', 'grantor', null],
      ['revoke', 'pending', 'grantor', null],
      ['expire', 'active', 'system', 'expired'],
      ['expire', 'pending', 'system', 'expired'],
      ['expire', 'revoked', 'system', null],
      ['expire', 'active', 'grantor', null],
    ];
    for (const [step, from, actor, to] of table) {
      const r = checkAuthorityStep(step, from, actor);
      expect(r.ok ? r.to : null, `${step} from ${from} by ${actor}`).toBe(to);
    }
  });

  it('nothing leaves a final status', () => {
    for (const final of ['revoked', 'expired', 'rejected', 'cancelled'] as const) {
      for (const step of Object.keys(AUTHORITY_TRANSITIONS) as (keyof typeof AUTHORITY_TRANSITIONS)[]) {
        for (const actor of ['grantor', 'proxy', 'clerk', 'system'] as const) expect(checkAuthorityStep(step, final, actor).ok).toBe(false);
      }
    }
  });
});

describe('known fact and dates', () => {
  it('matches the last 4 characters of the 身份证号, X in either case', () => {
    expect(factMatches('32020219440909003X', '003x')).toBe(true);
    expect(factMatches('32020219440909003X', ' 003X ')).toBe(true);
    expect(factMatches('320202194409090037', '0036')).toBe(false);
    expect(factMatches('320202194409090037', '037')).toBe(false);
  });
  it('defaults to one year less a day, and adds days across months', () => {
    expect(defaultValidTo('2026-12-01')).toBe('2027-11-30');
    // 2028 is a leap year: 2028-02-29 + 1 year = 2029-03-01, less a day = 2029-02-28.
    expect(defaultValidTo('2028-02-29')).toBe('2029-02-28');
    expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
  });
});
