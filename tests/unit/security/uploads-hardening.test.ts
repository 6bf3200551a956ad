// Uploads were buffered whole before the size check, active PDFs were accepted, and staff could open
// a 补正 upload the resident had not sent yet.
import '../helpers/test-db';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { q, schema } from '@/lib/store/db';
import { readCappedBody } from '@/lib/http/capped-body';
import { pdfActiveContent, prepareUpload } from '@/lib/uploads/check';
import { documentForDownload } from '@/lib/dal/documents';
import { applicationDetail } from '@/lib/dal/applications';
import { toSessionUser } from '@/lib/dal/users';
import { fileStore } from '@/lib/store/files';

const MB = 1024 * 1024;

/** A 30 MB body made on demand, counting what the reader actually pulled. */
function lazyBody(totalBytes: number, chunk = 64 * 1024) {
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= totalBytes) return controller.close();
      const n = Math.min(chunk, totalBytes - counter.pulled);
      counter.pulled += n;
      controller.enqueue(new Uint8Array(n));
    },
  }, { highWaterMark: 0 });
  return { stream, counter };
}

describe('上传大小在读取时就限制', () => {
  it('30 MB 的分块请求体：读到 10 MB 多一点就停下，不会全部读进内存', async () => {
    const limit = 10 * MB + 64 * 1024;
    const { stream, counter } = lazyBody(30 * MB);
    const r = await readCappedBody(stream, limit);
    expect(r).toMatchObject({ ok: false, reason: 'too_large' });
    // Stopped within one 64 KiB chunk past the limit: 10 MiB + 64 KiB + 64 KiB = 10,616,832 bytes at most,
    // about a third of the 31,457,280 sent.
    expect(counter.pulled).toBeLessThanOrEqual(limit + 64 * 1024);
    expect(counter.pulled).toBeLessThan(30 * MB);
  });

  it('限制以内的请求体完整读出', async () => {
    const { stream } = lazyBody(3 * MB + 5);
    const r = await readCappedBody(stream, 10 * MB);
    expect(r.ok && r.bytes.byteLength).toBe(3 * MB + 5);
  });
});

describe('带主动内容的 PDF 被拒绝', () => {
  const pdf = (body: string) => Buffer.from(`%PDF-1.7\n${body}\ntrailer<</Root 1 0 R>>\n%%EOF`, 'latin1');

  it('/OpenAction 打开即运行 JavaScript', async () => {
    const evil = pdf('1 0 obj<</Type/Catalog/Pages 2 0 R/OpenAction<</S/JavaScript/JS(app.alert\\(1\\))>>>>endobj');
    expect(pdfActiveContent(evil)).toBe('/OpenAction');
    const r = await prepareUpload(evil, '发票.pdf');
    expect(r).toMatchObject({ ok: false, message: expect.stringContaining('自动运行') });
  });

  it('用 #xx 转义藏起来的名字、压缩对象流里的动作也能发现', () => {
    expect(pdfActiveContent(pdf('1 0 obj<</Type/Catalog/O#70enAction 3 0 R>>endobj'))).toBe('/OpenAction');
    const hidden = deflateSync(Buffer.from('<</Type/Catalog/AA<</O<</S/Launch/F(cmd.exe)>>>>>>'));
    const objStm = Buffer.concat([Buffer.from(`%PDF-1.7\n5 0 obj<</Type/ObjStm/Filter/FlateDecode/Length ${hidden.length}>>stream\n`, 'latin1'), hidden, Buffer.from('\nendstream\nendobj\n%%EOF', 'latin1')]);
    expect(pdfActiveContent(objStm)).toBe('/AA');
    for (const name of ['Launch', 'EmbeddedFile', 'RichMedia', 'XFA', 'JS']) expect(pdfActiveContent(pdf(`1 0 obj<</${name} 2 0 R>>endobj`))).toBe(`/${name}`);
  });

  it('普通 PDF（名字只是相似）照常接受', async () => {
    const plain = pdf('1 0 obj<</Type/Catalog/Pages 2 0 R/JSON (x)/AAB 1>>endobj');
    expect(pdfActiveContent(plain)).toBeNull();
    expect(await prepareUpload(plain, '结算单.pdf')).toMatchObject({ ok: true, mime: 'application/pdf' });
  });
});

describe('补正材料在居民提交答复前，工作人员看不到', () => {
  it('未提交的补正材料对工作人员是 404（列表里也没有），提交后可见', async () => {
    const [resident] = await q((db) => db.insert(schema.users).values({ role: 'resident', displayName: 'r' }).returning());
    const [reviewer] = await q((db) => db.insert(schema.users).values({ role: 'reviewer', username: 'rv.supp', displayName: 'rv', region: 'wuxi' }).returning());
    const [app] = await q((db) => db.insert(schema.applications).values({ ref: 'WX-2026-900001', filedByUserId: resident!.id, region: 'wuxi', year: 2026, status: 'needs_info' }).returning());
    await fileStore().put('a'.repeat(64), Buffer.from('%PDF-1.4 x'));
    const [doc] = await q((db) => db.insert(schema.documents).values({ sha256: 'a'.repeat(64), mime: 'application/pdf', sizeBytes: 10, originalName: '补正.pdf', kind: 'supplement', applicationId: app!.id, uploadedBy: resident!.id }).returning());
    const staff = toSessionUser(reviewer!);
    expect(await documentForDownload(staff, doc!.id)).toBeNull();
    expect((await applicationDetail(staff, 'WX-2026-900001'))?.documents.map((d) => d.id)).toEqual([]);
    // The resident sends the answer: the upload is attached to that event.
    const [event] = await q((db) => db.insert(schema.events).values({ applicationId: app!.id, type: 'answer', actorUserId: resident!.id, fromStatus: 'needs_info', toStatus: 'under_review' }).returning());
    await q((db) => db.update(schema.documents).set({ eventId: event!.id }));
    expect(await documentForDownload(staff, doc!.id)).toMatchObject({ name: '补正.pdf' });
    expect((await applicationDetail(staff, 'WX-2026-900001'))?.documents.map((d) => d.id)).toEqual([doc!.id]);
  });
});
