import { describe, expect, it } from 'vitest';
import { REGIONS } from '@/lib/calculator';
import { citeClause, citeInText, POLICY_DOCUMENTS, regionDocument } from '@/lib/texts/citation';

describe('条款编号写成文件名称和第几部分', () => {
  it.each([
    ['000 二(二)4', '《上海市实施意见》第二部分（二）4'],
    ['000 四', '《上海市实施意见》第四部分'],
    ['001 四(六)', '《无锡市实施意见》第四部分（六）'],
    ['001 三(三)、四(五)', '《无锡市实施意见》第三部分（三）、第四部分（五）'],
    ['004 二(三)1、2', '《沙坪坝区实施方案》第二部分（三）1、2'],
    ['000 二(二)3、四', '《上海市实施意见》第二部分（二）3、第四部分'],
    ['002 二、三', '《上海市市民社区医疗互助帮困计划意见》第二部分、第三部分'],
    ['003 四(五)', '《国务院办公厅意见》第四部分（五）'],
    ['000 印发通知（2022年12月29日）', '《上海市实施意见》印发通知（2022年12月29日）'],
    ['000 二(二)4；参数来源：演示数据：非当地公布数值', '《上海市实施意见》第二部分（二）4；参数来源：演示数据：非当地公布数值'],
    ['沪医保规〔2025〕1号', '沪医保规〔2025〕1号'],
    ['', ''],
  ])('%s → %s', (code, words) => expect(citeClause(code)).toBe(words));

  it('句子里的编号也换成文字，其余不变', () => {
    expect(citeInText('符合第二类支出型贫困家庭的条件，还需认定（000 四）')).toBe('符合第二类支出型贫困家庭的条件，还需认定（《上海市实施意见》第四部分）');
    expect(citeInText('上海的医疗救助面向参加本市基本医保的人（000 二(二)4）')).toBe('上海的医疗救助面向参加本市基本医保的人（《上海市实施意见》第二部分（二）4）');
    expect(citeInText('可自愿缴费参加（002 二、三）')).toBe('可自愿缴费参加（《上海市市民社区医疗互助帮困计划意见》第二部分、第三部分）');
    expect(citeInText('住院 2000 元，2024 年')).toBe('住院 2000 元，2024 年');
  });

  it('每个地区（和互助帮困计划）都有一份文件，套在书名号里的书名用〈〉', () => {
    for (const r of REGIONS) {
      const d = regionDocument(r.code);
      expect(r.document.file.startsWith(d.code)).toBe(true);
      expect(d.title.startsWith('《') && d.title.endsWith('》')).toBe(true);
      expect(d.title.slice(1, -1)).not.toMatch(/[《》]/);
      expect(r.document.number ?? null).toBe(d.number);
    }
    expect(POLICY_DOCUMENTS).toHaveLength(5);
  });
});
