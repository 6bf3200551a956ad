// RFC 6238 Appendix B test vectors (SHA-1 rows; the seed is the ASCII string "12345678901234567890"),
// RFC 4226 Appendix D HOTP vectors, and the ±1 step window.
import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, matchTotp, otpauthUri, totpCode } from '@/lib/auth/totp';

const seed = Buffer.from('12345678901234567890', 'ascii');
const seedB32 = base32Encode(seed);

describe('TOTP（RFC 6238）', () => {
  it('base32 往返，且与 RFC 4648 的例子一致', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('MZXW6YTBOI').toString()).toBe('foobar');
    expect(seedB32).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  });

  it('RFC 4226 附录 D 的 HOTP 向量', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
    expect(expected.map((_, i) => hotp(seed, i))).toEqual(expected);
  });

  it('RFC 6238 附录 B 的 SHA-1 向量（8 位，取后 6 位即 6 位码）', () => {
    // The RFC lists 8-digit codes; a 6-digit code is the same truncated value mod 10^6 = its last 6 digits.
    const rows: Array<[number, string]> = [
      [59, '94287082'],
      [1111111109, '07081804'],
      [1111111111, '14050471'],
      [1234567890, '89005924'],
      [2000000000, '69279037'],
      [20000000000, '65353130'],
    ];
    for (const [t, code8] of rows) {
      expect(hotp(seed, Math.floor(t / 30), 8)).toBe(code8);
      expect(totpCode(seedB32, t * 1000)).toBe(code8.slice(-6));
    }
  });

  it('接受前后各一个时间步（±30 秒），更远的拒绝', () => {
    const t = 1111111109 * 1000; // step 37037036
    const code = totpCode(seedB32, t);
    expect(matchTotp(seedB32, code, t)).toBe(37037036);
    expect(matchTotp(seedB32, code, t + 30_000)).toBe(37037036);
    expect(matchTotp(seedB32, code, t - 30_000)).toBe(37037036);
    expect(matchTotp(seedB32, code, t + 60_000)).toBeNull();
    expect(matchTotp(seedB32, '12345', t)).toBeNull();
    expect(matchTotp(seedB32, 'abcdef', t)).toBeNull();
  });

  it('otpauth:// 地址带上密钥、签发方和参数', () => {
    const uri = otpauthUri(seedB32, 'wuxi.admin');
    expect(uri.startsWith('otpauth://totp/')).toBe(true);
    const url = new URL(uri);
    expect(url.searchParams.get('secret')).toBe(seedB32);
    expect(url.searchParams.get('digits')).toBe('6');
    expect(url.searchParams.get('period')).toBe('30');
    expect(decodeURIComponent(url.pathname)).toContain('wuxi.admin');
  });
});
