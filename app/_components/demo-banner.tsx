// Shown on every page while the demo SMS sender is in use (lib/env.ts: in production only with DEMO_MODE=1),
// so nobody mistakes a demonstration for the real service or types real personal data into it.
import { env } from '@/lib/env';

export function DemoBanner() {
  if (env().SMS_PROVIDER !== 'demo') return null;
  return (
    <div role="note" data-testid="demo-banner" className="bg-amber-100 text-amber-950 border-b border-amber-300 text-sm">
      <p className="max-w-3xl mx-auto px-4 py-2">
        <strong>演示环境：</strong>验证码直接显示，不会发送短信；数据均为演示。
      </p>
    </div>
  );
}
