// Integer fen: one half-up rounding per ratio step, and amounts shown as yuan with two decimals.
import { describe, expect, it } from 'vitest';
import { formatYuan, ratioOf } from '@/lib/calculator';

describe('金额计算：整数分，按比例计算时四舍五入到分', () => {
  const rows = [
    { name: '10000元按85%是8500元', fen: 1_000_000, pct: 85, want: 850_000 },
    { name: '0.03元按60%是0.018元，四舍五入为0.02元', fen: 3, pct: 60, want: 2 },
    { name: '0.01元按50%正好半分，向上入为0.01元', fen: 1, pct: 50, want: 1 },
    { name: '0.01元按49%不足半分，舍为0', fen: 1, pct: 49, want: 0 },
    { name: '比例可以带小数：1元按62.5%为0.63元', fen: 100, pct: 62.5, want: 63 }, // 62.5 → 63 (half-up)
    { name: '超大金额仍然精确', fen: 100_000_000_000, pct: 85, want: 85_000_000_000 },
    { name: '比例为0时救助为0', fen: 1_000_000, pct: 0, want: 0 },
  ];
  it.each(rows)('$name', ({ fen, pct, want }) => expect(ratioOf(fen, pct)).toBe(want));
});

describe('金额显示：元、千分位、两位小数', () => {
  const rows = [
    { fen: 1_200_000, text: '12,000.00' },
    { fen: 0, text: '0.00' },
    { fen: 5, text: '0.05' },
    { fen: 100_000_001, text: '1,000,000.01' },
    { fen: 99_999, text: '999.99' },
    { fen: -150, text: '-1.50' },
  ];
  it.each(rows)('$fen 分显示为 $text 元', ({ fen, text }) => expect(formatYuan(fen)).toBe(text));
});
