import '../helpers/test-db';
import { describe, expect, it } from 'vitest';
import { allowHit } from '@/lib/dal/rate-limit';

describe('按来源限制频率', () => {
  it('同一窗口内超过次数后拒绝，下一个窗口重新计数', async () => {
    const t = 1_700_000_000_000 - (1_700_000_000_000 % 3_600_000);
    const hits = [];
    for (let i = 0; i < 4; i++) hits.push(await allowHit('k1', 3, 3_600_000, t + 10));
    expect(hits).toEqual([true, true, true, false]);
    expect(await allowHit('k1', 3, 3_600_000, t + 3_600_000)).toBe(true);
    expect(await allowHit('k2', 3, 3_600_000, t + 10)).toBe(true);
  });
});
