// Reads a request body up to a limit and stops there: the rest is never pulled off the socket into memory,
// whether or not the client sent Content-Length (chunked bodies have none, and the header can lie).
export type CappedBody = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; reason: 'too_large' | 'empty'; bytesRead: number };

export async function readCappedBody(body: ReadableStream<Uint8Array> | null, limit: number): Promise<CappedBody> {
  if (!body) return { ok: false, reason: 'empty', bytesRead: 0 };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel('too large').catch(() => undefined);
      return { ok: false, reason: 'too_large', bytesRead: total };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return { ok: true, bytes };
}
