/** Only same-site paths may be returned to after sign-in (no open redirect). */
export function safeNextPath(next: unknown, fallback = '/me'): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}
