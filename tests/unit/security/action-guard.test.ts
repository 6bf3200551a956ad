// lib/http/action-guard.ts (run by proxy.ts on every path): forged server-action requests Next.js could not
// decode get a 400/404 before they reach it; real action calls and non-action requests pass untouched.
import { describe, expect, it } from 'vitest';
import { guardActionRequest } from '@/lib/http/action-guard';

const ID = '40e1616538008ec6e6b8ca971480682922e3b8dd8e';
function post(body: BodyInit, type: string, id = ID, extra: Record<string, string> = {}) {
  const req = new Request('http://portal.test/login', { method: 'POST', headers: { 'next-action': id, 'content-type': type, ...extra }, body });
  return req;
}
const status = async (r: Request) => (await guardActionRequest(r))?.status ?? 'pass';

describe('伪造的表单操作请求在进入 Next.js 之前被拒绝', () => {
  it('浏览器真正发出的两种请求放行', async () => {
    const form = new FormData();
    form.set('0', '["$K1"]');
    form.set('1_phone', '13800000001');
    const multipart = new Request('http://portal.test/login', { method: 'POST', body: form });
    const type = multipart.headers.get('content-type')!;
    const bytes = await multipart.arrayBuffer();
    expect(await status(post(bytes, type, ID, { 'content-length': String(bytes.byteLength) }))).toBe('pass');
    expect(await status(post('[{"step":"phone"},"13800000001"]', 'text/plain;charset=UTF-8', ID, { 'content-length': '32' }))).toBe('pass');
    expect(await status(new Request('http://portal.test/estimate', { method: 'POST', body: 'x' }))).toBe('pass'); // not an action call
    const onlyButton = new FormData();
    onlyButton.set('0', '["$K1"]'); // a form with no fields: its FormData has no "1_…" parts
    const r = new Request('http://portal.test/', { method: 'POST', body: onlyButton });
    const b = await r.arrayBuffer();
    expect(await status(post(b, r.headers.get('content-type')!, ID, { 'content-length': String(b.byteLength) }))).toBe('pass');
  });

  it('坏的请求得到 400 或 404', async () => {
    expect(await status(post('--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb', 'multipart/form-data; boundary=x', ID, { 'content-length': '48' }))).toBe(400); // never closed
    expect(await status(post('}%^bZ', 'text/plain', ID, { 'content-length': '5' }))).toBe(400);
    expect(await status(post('{"a":1}', 'text/plain', ID, { 'content-length': '7' }))).toBe(400); // not an argument list
    expect(await status(post('["$@1"]', 'text/plain', ID, { 'content-length': '7' }))).toBe(400); // a reference to nothing
    // Found by the fuzzer: "$E…" is no form React knows, so it reads it as a reference to part 0xE and waits forever.
    expect(await status(post('["$ExwAy`QcI"]', 'text/plain', ID, { 'content-length': '15' }))).toBe(400);
    expect(await status(post('["$nabc"]', 'text/plain', ID, { 'content-length': '9' }))).toBe(400); // BigInt('abc') throws
    expect(await status(post('["$F1"]', 'text/plain', ID, { 'content-length': '7' }))).toBe(400); // part 0xF1, not there
    // What stands alone passes: a typed "$", a date, undefined, a BigInt.
    expect(await status(post('["$$5","$D2026-01-01T00:00:00.000Z","$u","$n42"]', 'text/plain', ID, { 'content-length': '46' }))).toBe('pass');
    const dangling = new FormData();
    dangling.set('0', '[{"a":"$@2"},"$K1"]');
    const r = new Request('http://portal.test/', { method: 'POST', body: dangling });
    const b = await r.arrayBuffer();
    expect(await status(post(b, r.headers.get('content-type')!, ID, { 'content-length': String(b.byteLength) }))).toBe(400);
    // Part names are decimal and references hex: "$@a" is part 10.
    const tenth = new FormData();
    tenth.set('0', '[{"a":"$@a"},"$K1"]');
    tenth.set('10', '"x"');
    const r10 = new Request('http://portal.test/', { method: 'POST', body: tenth });
    const b10 = await r10.arrayBuffer();
    expect(await status(post(b10, r10.headers.get('content-type')!, ID, { 'content-length': String(b10.byteLength) }))).toBe('pass');
    const noRoot = new FormData();
    noRoot.set('1_phone', '13800000001');
    const r2 = new Request('http://portal.test/', { method: 'POST', body: noRoot });
    const b2 = await r2.arrayBuffer();
    expect(await status(post(b2, r2.headers.get('content-type')!, ID, { 'content-length': String(b2.byteLength) }))).toBe(400); // no part "0"
    expect(await status(post('a=b', 'application/x-www-form-urlencoded', ID, { 'content-length': '3' }))).toBe(400);
    expect(await status(post('[]', 'text/plain', ']rCAy=iF#N', { 'content-length': '2' }))).toBe(404);
    expect(await status(new Request('http://portal.test/', { method: 'PUT', headers: { 'next-action': ID }, body: '[]' }))).toBe(400);
  });

  it('大请求和长度不明的请求不在这里读（上传有自己的流式上限）', async () => {
    expect(await status(post('not json', 'text/plain', ID, { 'content-length': String(2 * 1024 * 1024) }))).toBe('pass');
    expect(await status(post('not json', 'text/plain', ID))).toBe('pass');
  });
});
