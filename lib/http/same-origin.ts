// Route handlers that change or export data take POSTs from this site only (the session cookie is
// SameSite=Lax too). No Origin header (an old browser, a same-site form) is allowed; a malformed one is not.
export function fromThisSite(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin || origin === 'null') return !origin;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
