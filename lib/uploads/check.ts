import 'server-only';
// Uploaded receipts and certificates: type by magic bytes (never the name or the browser's word), size limit,
// images re-encoded (strips EXIF location, shrinks phone photos). Storage: lib/store/files.ts.
import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import sharp from 'sharp';
import { MAX_UPLOAD_BYTES, tooLargeMessage } from './rules';

export { MAX_UPLOAD_BYTES };
export type StoredMime = 'image/jpeg' | 'image/png' | 'application/pdf';

/** What the bytes are, whatever the file is called. */
export function detectType(bytes: Uint8Array): StoredMime | null {
  const starts = (sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  return null;
}

export type PreparedUpload = { ok: true; bytes: Buffer; mime: StoredMime; sha256: string } | { ok: false; message: string };

const MAX_EDGE = 2400;

export async function prepareUpload(input: Uint8Array, name: string): Promise<PreparedUpload> {
  if (input.byteLength === 0) return { ok: false, message: `“${name}”是空文件，请重新选择。` };
  if (input.byteLength > MAX_UPLOAD_BYTES) return { ok: false, message: tooLargeMessage(name) };
  const mime = detectType(input);
  if (!mime) return { ok: false, message: `“${name}”不是 JPG、PNG 图片或 PDF 文件，请换一个文件。` };
  let bytes = Buffer.from(input);
  if (mime === 'application/pdf') {
    const active = pdfActiveContent(bytes);
    if (active) return { ok: false, message: `“${name}”这个 PDF 里带有会自动运行的内容（${active}），为了安全不能上传。请用手机拍照上传，或用“打印为 PDF”重新生成后再上传。` };
  } else {
    try {
      const image = sharp(bytes, { failOn: 'error' }).rotate().resize({ width: MAX_EDGE, height: MAX_EDGE, fit: 'inside', withoutEnlargement: true });
      bytes = mime === 'image/png' ? await image.png({ compressionLevel: 9 }).toBuffer() : await image.jpeg({ quality: 82, mozjpeg: true }).toBuffer();
    } catch {
      return { ok: false, message: `“${name}”图片已损坏，无法打开，请重新拍照上传。` };
    }
  }
  return { ok: true, bytes, mime, sha256: createHash('sha256').update(bytes).digest('hex') };
}

// PDF features that run or carry something on opening: scripts, actions on open or on page events, launching
// programs, embedded files, Flash/multimedia, XML forms. A receipt or certificate needs none of them.
const ACTIVE_PDF_NAMES = ['JavaScript', 'JS', 'OpenAction', 'AA', 'Launch', 'EmbeddedFile', 'EmbeddedFiles', 'RichMedia', 'XFA'];
const NAME_PATTERN = new RegExp(`/(${ACTIVE_PDF_NAMES.join('|')})(?=[\\s/<>\\[\\]()%{}]|$)`);
const MAX_INFLATED = 64 * 1024 * 1024;

/** The first active feature found in the PDF (also inside compressed object streams), or null. */
export function pdfActiveContent(pdf: Buffer): string | null {
  const texts = [pdf.toString('latin1')];
  // Dictionaries may sit inside FlateDecode object streams (PDF 1.5+): look inside those too.
  const raw = texts[0]!;
  const streamRe = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  let inflatedTotal = 0;
  while ((m = streamRe.exec(raw)) && inflatedTotal < MAX_INFLATED) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    try {
      const out = inflateSync(pdf.subarray(start, end), { maxOutputLength: MAX_INFLATED - inflatedTotal });
      inflatedTotal += out.length;
      texts.push(out.toString('latin1'));
    } catch {
      // not Flate, or truncated: the raw text was scanned already
    }
    streamRe.lastIndex = end;
  }
  for (const text of texts) {
    // Names may hide letters as #xx escapes (/J#61vaScript = /JavaScript).
    const decoded = text.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    const found = NAME_PATTERN.exec(decoded);
    if (found) return `/${found[1]}`;
  }
  return null;
}
