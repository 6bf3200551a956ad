/** @type {import('next').NextConfig} */
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(self), microphone=(), geolocation=()' },
];

const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ['better-sqlite3', '@node-rs/argon2', 'pdfkit', 'prom-client'],
  experimental: {
    // forbidden() → app/forbidden.tsx with status 403 (lib/auth/session.ts).
    authInterrupts: true,
    serverActions: { bodySizeLimit: '12mb' },
    // A form posted without JavaScript still passes proxy.ts, which sees a copy of the body up to this size.
    proxyClientMaxBodySize: '12mb',
  },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      // Staff view a case's PDFs inline in a frame of the case page (same origin only).
      { source: '/admin/applications/:ref/documents/:doc', headers: [{ key: 'X-Frame-Options', value: 'SAMEORIGIN' }] },
    ];
  },
};

export default nextConfig;
