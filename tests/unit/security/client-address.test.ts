// The per-address code limit used the client's own X-Forwarded-For, so a new header = a new bucket.
import { describe, expect, it } from 'vitest';
import { clientAddress, DIRECT_BUCKET } from '@/lib/http/client-address';

const h = (values: Record<string, string>) => new Headers(values);

describe('clientAddress：只相信受信任代理写下的转发地址', () => {
  it('没有配置受信任代理：忽略 X-Forwarded-For 和 X-Real-IP', () => {
    expect(clientAddress(h({ 'x-forwarded-for': '1.2.3.4' }), null, '')).toBe(DIRECT_BUCKET);
    expect(clientAddress(h({ 'x-forwarded-for': '5.6.7.8', 'x-real-ip': '9.9.9.9' }), null, '')).toBe(DIRECT_BUCKET);
    expect(clientAddress(h({ 'x-forwarded-for': '1.2.3.4' }), '203.0.113.7', '')).toBe('203.0.113.7');
  });

  it('换一个伪造的头不会得到新的计数桶', () => {
    const buckets = new Set(['1.1.1.1', '2.2.2.2', '3.3.3.3, 4.4.4.4'].map((x) => clientAddress(h({ 'x-forwarded-for': x }), null, '')));
    expect([...buckets]).toEqual([DIRECT_BUCKET]);
  });

  it('直接连接的对端不是受信任代理：用对端地址，不读头', () => {
    expect(clientAddress(h({ 'x-forwarded-for': '1.2.3.4' }), '198.51.100.9', '10.0.0.0/8')).toBe('198.51.100.9');
  });

  it('对端是受信任代理：取最右边一个不受信任的地址（左边是客户端自己写的）', () => {
    // The client sent "6.6.6.6" itself; nginx appended the real peer 203.0.113.5; then an inner proxy 10.0.0.2.
    const headers = h({ 'x-forwarded-for': '6.6.6.6, 203.0.113.5, 10.0.0.2' });
    expect(clientAddress(headers, '10.0.0.3', '10.0.0.0/8')).toBe('203.0.113.5');
    // Without the socket (Next.js): the configured proxies are assumed to be the only way in.
    expect(clientAddress(headers, null, '10.0.0.0/8')).toBe('203.0.113.5');
    // Changing the client-written part does not change the bucket.
    expect(clientAddress(h({ 'x-forwarded-for': '7.7.7.7, 203.0.113.5, 10.0.0.2' }), null, '10.0.0.0/8')).toBe('203.0.113.5');
  });

  it('IPv6、带端口和 IPv4 映射地址都能识别', () => {
    expect(clientAddress(h({ 'x-forwarded-for': '2001:db8::1' }), '::ffff:127.0.0.1', '127.0.0.1')).toBe('2001:db8::1');
    expect(clientAddress(h({ 'x-forwarded-for': '[2001:db8::2]:443' }), '127.0.0.1', '127.0.0.1,::1')).toBe('2001:db8::2');
    expect(clientAddress(h({ 'x-forwarded-for': '203.0.113.8:5555' }), '::1', '::1')).toBe('203.0.113.8');
    expect(clientAddress(h({ 'x-forwarded-for': '2001:db8:1::9' }), null, 'fd00::/8,2001:db8:1::/48')).toBe('2001:db8:1::9');
  });

  it('头里的地址不合法时不往左读', () => {
    expect(clientAddress(h({ 'x-forwarded-for': '6.6.6.6, not-an-ip' }), '10.0.0.3', '10.0.0.0/8')).toBe('10.0.0.3');
    expect(clientAddress(h({ 'x-forwarded-for': '6.6.6.6, <script>' }), null, '10.0.0.0/8')).toBe(DIRECT_BUCKET);
  });

  it('代理配置了但没有转发头：用代理设置的 X-Real-IP，否则对端', () => {
    expect(clientAddress(h({ 'x-real-ip': '203.0.113.20' }), '10.0.0.3', '10.0.0.0/8')).toBe('203.0.113.20');
    expect(clientAddress(h({}), '10.0.0.3', '10.0.0.0/8')).toBe('10.0.0.3');
  });
});
