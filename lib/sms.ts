import 'server-only';
// Where one-time codes and notices go. `demo` logs (and lets the page show the code); `webhook` posts to a gateway.
import { env } from '@/lib/env';
import { maskPhone } from '@/lib/format';
import { log } from '@/lib/observe/log';

export interface SmsSender {
  readonly showsCodeOnScreen: boolean;
  send(phone: string, text: string): Promise<void>;
}

const demoSender: SmsSender = {
  showsCodeOnScreen: true,
  async send(phone, text) {
    log('info', `[demo-sms] to ${maskPhone(phone)}: ${text}`);
  },
};

function webhookSender(url: string): SmsSender {
  return {
    showsCodeOnScreen: false,
    async send(phone, text) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ phone, text }),
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw new Error(`sms gateway answered ${res.status}`);
    },
  };
}

export function smsSender(): SmsSender {
  const e = env();
  // lib/env.ts already refuses this combination at start; checked again where codes would be shown.
  if (e.NODE_ENV === 'production' && e.SMS_PROVIDER === 'demo' && e.DEMO_MODE !== '1') throw new Error('demo SMS sender refused in production without DEMO_MODE=1');
  return e.SMS_PROVIDER === 'webhook' && e.SMS_WEBHOOK_URL ? webhookSender(e.SMS_WEBHOOK_URL) : demoSender;
}
