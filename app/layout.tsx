import type { Metadata, Viewport } from 'next';
import { cookies } from 'next/headers';
import { DemoBanner } from '@/app/_components/demo-banner';
import { SiteFooter } from '@/app/_components/site-footer';
import { SiteHeader } from '@/app/_components/site-header';
import './globals.css';

export const metadata: Metadata = {
  title: { default: '医疗救助服务', template: '%s - 医疗救助服务' },
  description: '重特大疾病医疗救助：查能不能救助、算能报多少、在线申请和查进度。',
  // Files in public/; the manifest is app/manifest.ts, which Next links by itself.
  icons: {
    icon: [
      { url: '/favicon.ico', sizes: '32x32' },
      { url: '/icon.svg', type: 'image/svg+xml' },
    ],
    apple: [{ url: '/apple-touch-icon.png', sizes: '180x180' }],
  },
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0b4ea2' };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const elder = (await cookies()).get('elder')?.value === '1';
  return (
    <html lang="zh-CN" className={elder ? 'elder' : undefined}>
      <body className="min-h-screen flex flex-col">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-3 focus:bg-white">
          跳到正文
        </a>
        <DemoBanner />
        <SiteHeader elder={elder} />
        <main id="main" className="flex-1 w-full max-w-3xl mx-auto px-4 py-6">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
