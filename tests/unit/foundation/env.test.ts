import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from '@/lib/env';

const key = Buffer.alloc(32, 7).toString('base64url');
const good = { AUTH_SECRET: 'x'.repeat(40), DATA_ENCRYPTION_KEY: key, DATA_HMAC_KEY: key };

describe('环境变量校验', () => {
  it('齐全时给出默认的数据库路径和演示短信', () => {
    const env = parseEnv({ ...good, NODE_ENV: 'development' });
    expect(env.DATABASE_URL).toBe('data/portal.db');
    expect(env.SMS_PROVIDER).toBe('demo');
  });

  it('缺少 AUTH_SECRET 时报错并点名该变量', () => {
    expect(() => parseEnv({ ...good, AUTH_SECRET: undefined })).toThrow(/AUTH_SECRET/);
  });

  it('加密密钥长度不对时报错', () => {
    expect(() => parseEnv({ ...good, DATA_ENCRYPTION_KEY: 'short' })).toThrow(/DATA_ENCRYPTION_KEY: 必须是 32 字节/);
  });

  it('生产环境没有配置短信发送方式时拒绝启动', () => {
    expect(() => parseEnv({ ...good, NODE_ENV: 'production' })).toThrow(EnvError);
    expect(() => parseEnv({ ...good, NODE_ENV: 'production' })).toThrow(/SMS_PROVIDER/);
  });

  it('生产环境明确选择短信网关但没有地址时报错', () => {
    expect(() => parseEnv({ ...good, NODE_ENV: 'production', SMS_PROVIDER: 'webhook' })).toThrow(/SMS_WEBHOOK_URL/);
  });

  it('生产环境配置了短信网关时可以启动', () => {
    const env = parseEnv({ ...good, NODE_ENV: 'production', SMS_PROVIDER: 'webhook', SMS_WEBHOOK_URL: 'https://sms.example.gov.cn/send' });
    expect(env.SMS_PROVIDER).toBe('webhook');
  });
});

describe('演示短信与 DEMO_MODE、受信任代理', () => {
  it('生产环境用演示短信必须同时设置 DEMO_MODE=1', () => {
    expect(() => parseEnv({ ...good, NODE_ENV: 'production', SMS_PROVIDER: 'demo' })).toThrow(/DEMO_MODE=1/);
    expect(() => parseEnv({ ...good, NODE_ENV: 'production', SMS_PROVIDER: 'demo', DEMO_MODE: '0' })).toThrow(/DEMO_MODE=1/);
    expect(parseEnv({ ...good, NODE_ENV: 'production', SMS_PROVIDER: 'demo', DEMO_MODE: '1' }).DEMO_MODE).toBe('1');
    // Development keeps working without it.
    expect(parseEnv({ ...good, NODE_ENV: 'development', SMS_PROVIDER: 'demo' }).SMS_PROVIDER).toBe('demo');
  });

  it('TRUSTED_PROXIES 默认为空，只接受 IP 或 CIDR', () => {
    expect(parseEnv(good).TRUSTED_PROXIES).toBe('');
    expect(parseEnv({ ...good, TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8,::1,fd00::/8' }).TRUSTED_PROXIES).toContain('10.0.0.0/8');
    expect(() => parseEnv({ ...good, TRUSTED_PROXIES: 'nginx' })).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseEnv({ ...good, TRUSTED_PROXIES: '10.0.0.0/33' })).toThrow(/TRUSTED_PROXIES/);
  });
});
