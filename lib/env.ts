// Every environment variable the portal reads, validated once with a message that names what is wrong.
import { isIP } from 'node:net';
import { z } from 'zod';

const key32 = z
  .string({ error: '缺少该变量' })
  .refine((v) => Buffer.from(v, 'base64url').length === 32, '必须是 32 字节的 base64url 字符串（npm run setup 会自动生成）');

export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: z.string().min(1).default('data/portal.db'),
    UPLOAD_DIR: z.string().min(1).default('data/uploads'),
    FILE_STORAGE: z.enum(['folder', 'database']).default('folder'),
    AUTH_SECRET: z.string({ error: '缺少该变量' }).min(32, '至少 32 个字符'),
    // The original single key (key id `k1`); DATA_ENCRYPTION_KEYS (`k2:<key>,k1:<key>`, first = current) rotates.
    DATA_ENCRYPTION_KEY: key32.optional(),
    DATA_ENCRYPTION_KEYS: z
      .string()
      .regex(/^\s*[A-Za-z0-9_-]{1,32}:[A-Za-z0-9_-]{43}={0,2}\s*(,\s*[A-Za-z0-9_-]{1,32}:[A-Za-z0-9_-]{43}={0,2}\s*)*$/, '格式为 <密钥编号>:<32 字节 base64url>，多个用逗号分隔，第一个用于加密新数据')
      .optional(),
    DATA_HMAC_KEY: key32,
    SMS_PROVIDER: z.enum(['demo', 'webhook']).optional(),
    SMS_WEBHOOK_URL: z.url().optional(),
    // Set on purpose for a public demo: lets the demo SMS sender run in production, with a banner on every page.
    DEMO_MODE: z.enum(['0', '1']).default('0'),
    // Reverse proxies whose X-Forwarded-For may be believed (comma-separated IPs or CIDRs); empty = none.
    TRUSTED_PROXIES: z
      .string()
      .default('')
      .refine((v) => v.split(',').map((p) => p.trim()).filter(Boolean).every(isIpOrCidr), '必须是逗号分隔的 IP 地址或 CIDR，例如 127.0.0.1,10.0.0.0/8'),
    // Bearer token for /api/metrics (Prometheus); without it only the trusted proxies' own addresses may scrape.
    METRICS_TOKEN: z.string().min(32, '至少 32 个字符（例如 openssl rand -base64 32）').optional(),
  })
  .superRefine((e, ctx) => {
    if (!e.DATA_ENCRYPTION_KEY && !e.DATA_ENCRYPTION_KEYS) {
      ctx.addIssue({ code: 'custom', path: ['DATA_ENCRYPTION_KEY'], message: '缺少该变量（或设置 DATA_ENCRYPTION_KEYS）' });
    }
    if (e.SMS_PROVIDER === 'webhook' && !e.SMS_WEBHOOK_URL) {
      ctx.addIssue({ code: 'custom', path: ['SMS_WEBHOOK_URL'], message: 'SMS_PROVIDER=webhook 时必须设置短信网关地址' });
    }
    // The demo sender shows the code on screen: production must choose a sender on purpose.
    if (e.NODE_ENV === 'production' && e.SMS_PROVIDER === 'demo' && e.DEMO_MODE !== '1') {
      ctx.addIssue({
        code: 'custom',
        path: ['SMS_PROVIDER'],
        message: '生产环境不能使用演示短信（验证码会显示在屏幕上）；如确实是演示环境，请同时设置 DEMO_MODE=1',
      });
    }
    if (e.NODE_ENV === 'production' && !e.SMS_PROVIDER) {
      ctx.addIssue({
        code: 'custom',
        path: ['SMS_PROVIDER'],
        message: '生产环境必须配置短信发送方式（webhook），或明确设置 SMS_PROVIDER=demo 作为演示环境',
      });
    }
  });

function isIpOrCidr(value: string): boolean {
  const [ip, bits, extra] = value.split('/');
  if (extra !== undefined || !ip || isIP(ip) === 0) return false;
  if (bits === undefined) return true;
  const max = isIP(ip) === 4 ? 32 : 128;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= max;
}

export type Env = z.infer<typeof envSchema> & { SMS_PROVIDER: 'demo' | 'webhook' };

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new EnvError(`环境变量配置有误 (environment is invalid):\n${lines.join('\n')}`);
  }
  return { ...result.data, SMS_PROVIDER: result.data.SMS_PROVIDER ?? 'demo' };
}

/** True when one-time codes are shown on screen instead of texted (the demo sender): the banner says so. */
export function isDemoSms(e: Env = env()): boolean {
  return e.SMS_PROVIDER === 'demo';
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Reads the environment again on the next env() (maintenance scripts and tests that change keys). */
export function reloadEnv(): void {
  cached = undefined;
}
