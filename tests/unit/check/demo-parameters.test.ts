import { describe, expect, it } from 'vitest';
import { DEMO_PARAMETERS } from '@/scripts/seed/demo-parameters';
import { REGION_CODES, STAFF_PARAMS } from '@/lib/calculator';

describe('演示参数：每个地区每个需要经办部门设定的参数都有一个演示值', () => {
  it('名称、单位和地区一一对应，没有多余的', () => {
    // Per-category limits (annualLimitFen.<pool>.<category>, 000 二(二)4) are optional: each falls back to its pool's.
    const perCategory = (name: string) => name.split('.').length === 3;
    const expected = REGION_CODES.flatMap((r) => STAFF_PARAMS[r].filter((p) => !perCategory(p.name)).map((p) => `${r}/${p.name}/${p.unit}`)).sort();
    expect(DEMO_PARAMETERS.map((p) => `${p.region}/${p.name}/${p.unit}`).sort()).toEqual(expected);
  });
  it('都标明是演示数据，金额是整数分，比例在 0 到 100 之间', () => {
    for (const p of DEMO_PARAMETERS) {
      expect(p).toMatchObject({ demo: true, source: '演示数据：非当地公布数值', effectiveFrom: '2026-01-01' });
      if (p.unit === 'fen') expect(Number.isSafeInteger(p.value) && p.value > 0).toBe(true);
      else expect(p.value > 0 && p.value <= 100).toBe(true);
    }
  });
});
