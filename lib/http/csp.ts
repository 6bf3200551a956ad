// The Content-Security-Policy of every response (OWASP ASVS 5.0 V3.4). Scripts run only with this request's
// nonce ('strict-dynamic' lets Next's own loader add its chunks); no 'unsafe-inline' for scripts, no eval
// outside development (React's dev tools need it). Styles allow 'unsafe-inline' because React renders
// style="" attributes (progress bars, the QR box) and Next inlines critical CSS: style injection cannot run
// script, and the nonce-less alternative would mean rewriting those components. Nobody may frame the portal.
export function contentSecurityPolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Uploaded files: nothing in them may run or load anything, whatever a browser makes of them. */
export const UPLOAD_CSP = "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'none'";

export const HSTS = 'max-age=31536000; includeSubDomains';

export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
