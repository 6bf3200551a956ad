// End to end in the data layer: the code-request limit keyed by clientAddress(). Before the fix the key
// was the first X-Forwarded-For entry, so each new header value opened a fresh bucket of 100.
import '../helpers/test-db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { q, schema } from '@/lib/store/db';
import { clientAddress } from '@/lib/http/client-address';
import { allowOtpFromAddress, OTP_PER_ADDRESS_PER_HOUR } from '@/lib/dal/rate-limit';

const hour = 1_700_000_000_000 - (1_700_000_000_000 % 3_600_000);

describe('获取验证码的按地址限制不能靠改头绕过', () => {
  it('没有受信任代理：每次换一个 X-Forwarded-For 也都记在同一个桶里', async () => {
    for (let i = 0; i < 25; i++) {
      const spoofed = new Headers({ 'x-forwarded-for': `198.51.100.${i}` });
      await allowOtpFromAddress(clientAddress(spoofed, null, ''), hour + i);
    }
    const rows = await q((db) => db.select().from(schema.rateLimits));
    expect(rows.map((r) => [r.key, r.count])).toEqual([['otp-ip:direct', 25]]);
  });

  it('有受信任代理：客户端在左边伪造的地址不算，真实地址用完 100 次后被拒绝', async () => {
    const results: boolean[] = [];
    for (let i = 0; i <= OTP_PER_ADDRESS_PER_HOUR; i++) {
      // The client writes a new fake address each time; the proxy (10.0.0.1) appends the real one.
      const headers = new Headers({ 'x-forwarded-for': `192.0.2.${i % 250}, 203.0.113.77` });
      results.push(await allowOtpFromAddress(clientAddress(headers, null, '10.0.0.1'), hour + 10));
    }
    // 100 allowed (hits 1..100), the 101st refused.
    expect(results.filter(Boolean)).toHaveLength(100);
    expect(results.at(-1)).toBe(false);
    const [row] = await q((db) => db.select().from(schema.rateLimits).where(eq(schema.rateLimits.key, 'otp-ip:203.0.113.77')));
    expect(row?.count).toBe(101);
  });
});
