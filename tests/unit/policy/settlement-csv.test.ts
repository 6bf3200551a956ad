import { describe, expect, it } from 'vitest';
import { parseSettlementCsv, SETTLEMENT_HEADER } from '@/lib/office/settlement-file';
import { csvOf, idNumber } from './fixtures';

const PERIOD = { from: '2026-01-01', to: '2026-06-30', today: '2026-07-10', region: 'wuxi' };
const id = idNumber(10);
const good = { no: 'JS-1', id, date: '2026-03-01', total: 1_200_000, policy: 1_000_000, basic: 600_000, critical: 100_000 };

describe('结算记录文件的逐行检查', () => {
  it('正确的行：保险支付后政策范围内自付 = 10,000 − 6,000 − 1,000 = 3,000 元（300,000 分）', () => {
    const r = parseSettlementCsv(csvOf([good]), PERIOD);
    expect(r.errors).toEqual([]);
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({ line: 2, settlementNo: 'JS-1', idNumber: id, year: 2026, selfPayFen: 300_000, visit: { kind: 'inpatient', hospitalLevel: 3, location: 'local', referred: true } });
  });

  it.each([
    ['身份证号校验位不对', { ...good, id: `${id.slice(0, 17)}${id[17] === '1' ? '2' : '1'}` }, '第 2 行：身份证号校验位不对，请逐位核对是否输错。'],
    ['金额带小数点', { ...good, total: 12.5 }, '第 2 行：总费用须是以分为单位的整数（不带小数点和“元”）。'],
    ['日期格式不对', { ...good, date: '2026/03/01' }, '第 2 行：日期须写成 年-月-日，如 2025-03-01。'],
    ['就医类型无法识别', { ...good, kind: '体检' }, '第 2 行：就医类型“体检”无法识别，可填：住院、普通门急诊、门诊、门诊慢特病、门诊慢性病特殊疾病。'],
    ['保险支付多于总费用', { ...good, basic: 1_300_000 }, '第 2 行：各项保险和医疗救助支付之和不能大于总费用。'],
    ['日期不在导入期间', { ...good, date: '2026-07-01' }, '第 2 行：就医日期 2026-07-01 不在本次导入的期间 2026-01-01 至 2026-06-30 内。'],
  ])('%s：指出第几行和原因', (_name, line, message) => {
    const r = parseSettlementCsv(csvOf([line as typeof good]), PERIOD);
    expect(r.rows).toEqual([]);
    expect(r.errors).toEqual([{ line: 2, message }]);
  });

  it('同一结算单号出现两次：第二次那一行报错，指出第一次在哪一行', () => {
    const r = parseSettlementCsv(csvOf([good, { ...good }]), PERIOD);
    expect(r.rows).toHaveLength(1);
    expect(r.errors).toEqual([{ line: 3, message: '第 3 行：结算单号 JS-1 在第 2 行已经出现过。' }]);
  });

  it('表头缺列、空文件、只有表头', () => {
    expect(parseSettlementCsv('结算单号,身份证号\nA,B\n', PERIOD).errors[0]!.message).toBe('第 1 行（表头）：缺少列 就医日期、就医类型、总费用（分）、政策范围内费用（分）、基本医保支付（分）、医疗救助支付（分）。');
    expect(parseSettlementCsv('', PERIOD).errors).toEqual([{ line: 1, message: '第 1 行：文件是空的。' }]);
    expect(parseSettlementCsv(`${SETTLEMENT_HEADER}\n`, PERIOD).errors).toEqual([{ line: 1, message: '文件里只有表头，没有结算记录。' }]);
  });
});
