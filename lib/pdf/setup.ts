import 'server-only';
// The one pdfkit setup every PDF of the portal uses (decision notice, 我的数据, 授权委托书): A4, the Noto Sans CJK
// font, the document collected into a Buffer. Why pdfkit rather than pdf-lib: the Noto CJK fonts ship as a TrueType
// collection (.ttc) and pdfkit opens a font inside a collection by its PostScript name and embeds only the glyphs
// used (a subset of a few kB), where pdf-lib would need the font extracted first. Why not print the page with a
// headless browser: that needs a browser on every server.
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';

/** Debian's fonts-noto-cjk (also installed in CI); both can be pointed elsewhere. */
export const FONT_FILE = process.env.DECISION_PDF_FONT ?? '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
export const FONT_NAME = process.env.DECISION_PDF_FONT_NAME ?? 'NotoSansCJKsc-Regular';

/** Whether PDFs can be made on this server (the routes answer 503 with another way otherwise). */
export function pdfAvailable(): boolean {
  return existsSync(FONT_FILE);
}

/** An A4 PDF in the CJK font: `draw` writes the content; resolves with the finished file. */
export function renderPdf(opts: { title: string; author: string; margin?: number }, draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: opts.margin ?? 56, info: { Title: opts.title, Author: opts.author } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('cjk', FONT_FILE, FONT_NAME);
    doc.font('cjk');
    try {
      draw(doc);
    } catch (error) {
      reject(error);
      return;
    }
    doc.end();
  });
}
