import '../helpers/test-db';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { detectType, prepareUpload } from '@/lib/uploads/check';

const png = () => sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } }).png().toBuffer();
const jpeg = () => sharp({ create: { width: 3000, height: 1000, channels: 3, background: '#fff' } }).jpeg().toBuffer();

describe('上传文件按内容识别类型', () => {
  it('改名为 .pdf 的 PNG 仍识别为 PNG 图片', async () => {
    const r = await prepareUpload(await png(), '结算单.pdf');
    expect(r).toMatchObject({ ok: true, mime: 'image/png' });
  });

  it('改名为 .jpg 的 HTML 文件被拒绝', async () => {
    const html = new TextEncoder().encode('<!doctype html><script>alert(1)</script>');
    expect(detectType(html)).toBeNull();
    const r = await prepareUpload(html, '发票.jpg');
    expect(r).toEqual({ ok: false, message: '“发票.jpg”不是 JPG、PNG 图片或 PDF 文件，请换一个文件。' });
  });

  it('PDF 按文件头识别并原样保存', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');
    const r = await prepareUpload(pdf, 'a.pdf');
    expect(r).toMatchObject({ ok: true, mime: 'application/pdf' });
    if (r.ok) expect(r.bytes.equals(Buffer.from(pdf))).toBe(true);
  });

  it('超过 10 MB 的文件被拒绝', async () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set([0xff, 0xd8, 0xff]);
    expect(await prepareUpload(big, 'big.jpg')).toMatchObject({ ok: false, message: expect.stringContaining('10 MB') });
  });

  it('手机大照片被缩小并重新编码', async () => {
    const r = await prepareUpload(await jpeg(), 'photo.jpg');
    expect(r.ok).toBe(true);
    if (r.ok) expect((await sharp(r.bytes).metadata()).width).toBe(2400);
  });

  it('文件头是 JPEG 但内容损坏时给出提示', async () => {
    const broken = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
    expect(await prepareUpload(broken, 'x.jpg')).toMatchObject({ ok: false, message: expect.stringContaining('损坏') });
  });
});
