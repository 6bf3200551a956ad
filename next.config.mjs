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
  serverExternalPackages: ['better-sqlite3', '@node-rs/argon2'],
  experimental: {
    // forbidden() → app/forbidden.tsx with status 403 (lib/session.ts).
    authInterrupts: true,
    serverActions: { bodySizeLimit: '12mb' },
    // A form posted without JavaScript still passes proxy.ts, which sees a copy of the body up to this size.
    proxyClientMaxBodySize: '12mb',
  },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
