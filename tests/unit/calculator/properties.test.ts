// Invariants that hold for every region, every category mix and every bill (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CATEGORY_CODES,
  REGION_CODES,
  STAFF_PARAMS,
  estimate,
  type CategoryCode,
  type EpisodeInput,
  type EstimateInput,
  type EstimateResult,
  type ParamSet,
} from '@/lib/calculator';

const day = (n: number) => new Date(Date.UTC(2024, 0, 1 + n)).toISOString().slice(0, 10);

const episodeArb: fc.Arbitrary<EpisodeInput> = fc
  .record({
    d: fc.integer({ min: 0, max: 365 }),
    stay: fc.integer({ min: 0, max: 40 }),
    kind: fc.constantFrom('inpatient', 'outpatient', 'outpatient_special' as const),
    hospitalLevel: fc.constantFrom(1, 2, 3 as const),
    specialDisease: fc.boolean(),
    referred: fc.boolean(),
    location: fc.constantFrom('local', 'province', 'elsewhere' as const),
    offsiteFiled: fc.boolean(),
    total: fc.integer({ min: 0, max: 30_000_000 }),
    parts: fc.tuple(fc.nat(30_000_000), fc.nat(30_000_000), fc.nat(10_000_000), fc.nat(5_000_000)),
  })
  .map(({ d, stay, total, parts: [p, b, c, s], ...rest }) => {
    const policyFen = Math.min(p, total);
    const basicPaidFen = Math.min(b, policyFen);
    const criticalPaidFen = Math.min(c, policyFen - basicPaidFen);
    const supplementaryPaidFen = Math.min(s, policyFen - basicPaidFen - criticalPaidFen);
    return { ...rest, date: day(d), endDate: day(d + stay), totalFen: total, policyFen, basicPaidFen, criticalPaidFen, supplementaryPaidFen };
  });

const categoryArb = fc.oneof(
  fc.constantFrom(...CATEGORY_CODES),
  fc.record({ code: fc.constantFrom(...CATEGORY_CODES), a: fc.integer({ min: -30, max: 400 }), b: fc.integer({ min: 0, max: 400 }) }).map(({ code, a, b }) => ({
    code: code as CategoryCode,
    from: day(Math.min(a, a + b)),
    to: day(a + b),
  })),
);

const inputArb: fc.Arbitrary<EstimateInput> = fc.constantFrom(...REGION_CODES).chain((region) =>
  fc.record({
    region: fc.constant(region),
    year: fc.constant(2024),
    person: fc.record({
      categories: fc.array(categoryArb, { maxLength: 4 }),
      hasEmployeeInsuranceElsewhere: fc.option(fc.boolean(), { nil: undefined }),
      homeDeductibleFen: fc.option(fc.nat(500_000), { nil: undefined }),
    }),
    episodes: fc.array(episodeArb, { maxLength: 25 }),
    parameters: fc
      .tuple(...STAFF_PARAMS[region].map((p) => fc.option(p.unit === 'percent' ? fc.integer({ min: 0, max: 100 }) : fc.nat(20_000_000), { nil: undefined })))
      .map((values) => {
        const out: ParamSet = {};
        STAFF_PARAMS[region].forEach((p, i) => {
          if (values[i] !== undefined) out[p.name] = { value: values[i]!, source: '性质测试' };
        });
        return out;
      }),
  }),
);

const total = (r: EstimateResult) => r.totals.assistanceFen + r.totals.tiltFen;
const isInt = (n: number) => Number.isSafeInteger(n);

describe('对任何地区、身份和账单都成立的规律', () => {
  // API contract: assistance + tilt ≤ the policy-range self-pay, except in shanghai-mutual-aid, whose inpatient rule without
  // employee insurance pays on 总医疗费 (002 五(三)): there it is ≤ what the person paid (totalFen − every insurance payment).
  it('救助加倾斜救助不超过可救助的基数（一般为政策范围内自付；互助帮困为个人实际负担），个人负担等式成立，没有负数，全是整数分', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = estimate(input);
        let sums = { selfPay: 0, assist: 0, tilt: 0, oop: 0 };
        r.episodes.forEach((e, i) => {
          const x = input.episodes[i]!;
          for (const v of [e.selfPayPolicyFen, e.assistanceFen, e.tiltFen, e.outOfPocketFen]) {
            expect(isInt(v) && v >= 0).toBe(true);
          }
          const paid = x.totalFen - (x.basicPaidFen ?? 0) - (x.criticalPaidFen ?? 0) - (x.supplementaryPaidFen ?? 0);
          const base = input.region === 'shanghai-mutual-aid' ? paid : e.selfPayPolicyFen;
          expect(e.assistanceFen + e.tiltFen).toBeLessThanOrEqual(base);
          if (input.region !== 'shanghai-mutual-aid' || x.kind !== 'inpatient' || input.person.hasEmployeeInsuranceElsewhere === true) {
            expect(e.assistanceFen + e.tiltFen).toBeLessThanOrEqual(e.selfPayPolicyFen);
          }
          expect(e.outOfPocketFen).toBe(x.totalFen - (x.basicPaidFen ?? 0) - (x.criticalPaidFen ?? 0) - (x.supplementaryPaidFen ?? 0) - e.assistanceFen - e.tiltFen);
          sums = { selfPay: sums.selfPay + e.selfPayPolicyFen, assist: sums.assist + e.assistanceFen, tilt: sums.tilt + e.tiltFen, oop: sums.oop + e.outOfPocketFen };
        });
        expect(r.totals).toMatchObject({ selfPayPolicyFen: sums.selfPay, assistanceFen: sums.assist, tiltFen: sums.tilt, outOfPocketFen: sums.oop });
        expect(r.totals.assistanceMaxFen).toBeGreaterThanOrEqual(r.totals.assistanceFen);
        // Only the mutual-aid plan reads a fact of the person, and only for an inpatient stay (002 五(三)).
        if (r.missingFacts.length > 0) {
          expect(input.region).toBe('shanghai-mutual-aid');
          expect(input.person.hasEmployeeInsuranceElsewhere).toBeUndefined();
        }
        expect(isInt(r.totals.assistanceMaxFen)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('年度救助限额从不被超过', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        for (const p of estimate(input).pools) {
          if (p.limitFen !== null) {
            expect(p.usedFen).toBeLessThanOrEqual(p.limitFen);
            expect(p.remainingFen).toBe(p.limitFen - p.usedFen);
          } else expect(p.remainingFen).toBeNull();
        }
      }),
      { numRuns: 400 },
    );
  });

  it('多看一次病，全年救助总额不会变少', () => {
    fc.assert(
      fc.property(inputArb, episodeArb, fc.nat(), (input, extra, at) => {
        const episodes = [...input.episodes];
        episodes.splice(at % (episodes.length + 1), 0, extra);
        expect(total(estimate({ ...input, episodes }))).toBeGreaterThanOrEqual(total(estimate(input)));
      }),
      { numRuns: 400 },
    );
  });

  it('只算金额（不生成说明）时，金额与完整结果完全相同', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const full = estimate(input);
        const lean = estimate(input, { trace: false });
        expect(lean.totals).toEqual(full.totals);
        expect(lean.episodes.map((e) => e.assistanceFen + '/' + e.tiltFen)).toEqual(full.episodes.map((e) => e.assistanceFen + '/' + e.tiltFen));
        expect(lean.trace).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
