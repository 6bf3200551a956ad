// What every Playwright run here shares: Debian's Chromium (Playwright's own download cannot work on a
// closed network), a 360 px phone, Chinese locale and Shanghai time.
import type { PlaywrightTestConfig } from '@playwright/test';

export const sharedUse: PlaywrightTestConfig['use'] = {
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
  viewport: { width: 360, height: 780 },
  isMobile: true,
  hasTouch: true,
  trace: 'retain-on-failure',
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  },
};
