import { describe, expect, it } from 'vitest';
import { CATEGORY_GROUPS, certificateName, groupCategories } from '@/lib/applications/category-groups';
import { CATEGORY_CODES, REGION_CODES, regionInfo } from '@/lib/calculator';

describe('救助身份分组', () => {
  it('每一种救助身份正好在一个分组里，不会漏掉也不会出现两次', () => {
    const listed = CATEGORY_GROUPS.flatMap((g) => g.codes);
    expect([...listed].sort()).toEqual([...CATEGORY_CODES].sort());
  });

  it('每个地区的身份分组后一个不少，顺序从常见的低保、特困开始', () => {
    for (const region of REGION_CODES) {
      const { categories } = regionInfo(region);
      const groups = groupCategories(categories);
      expect(groups.flatMap((g) => g.options.map((o) => o.code)).sort()).toEqual(categories.map((c) => c.code).sort());
      expect(groups.every((g) => g.options.length > 0)).toBe(true);
    }
    expect(groupCategories(regionInfo('wuxi').categories)[0]!.options[0]!.nameZh).toBe('低保对象');
  });

  it('证件用大家叫的名字：低保对象要低保证，特困人员要特困人员救助供养证', () => {
    expect(certificateName('dibao')).toBe('低保证');
    expect(certificateName('tekun')).toBe('特困人员救助供养证');
    expect(certificateName('severe_disability')).toBe('《中华人民共和国残疾人证》');
  });
});
