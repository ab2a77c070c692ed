import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { AppError } from './errors.js';

/**
 * PDFs carry Chinese text, so they need a CJK font. Standard PDF fonts have none, and a font file is
 * too large to ship in the repository; the server uses the machine's (Debian: fonts-wqy-microhei) or
 * the one PDF_FONT names. `family` is the PostScript name of the face inside a .ttc collection.
 */
const CANDIDATES: { path: string; family?: string }[] = [
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYiMicroHei' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYiZenHei' },
  { path: '/System/Library/Fonts/PingFang.ttc', family: 'PingFangSC-Regular' },
];

export function findCjkFont(env: NodeJS.ProcessEnv = process.env): { path: string; family?: string } | null {
  if (env.PDF_FONT) return existsSync(env.PDF_FONT) ? { path: env.PDF_FONT, family: env.PDF_FONT_FAMILY } : null;
  return CANDIDATES.find((c) => existsSync(c.path)) ?? null;
}

/** A new A4 document with the CJK font registered as 'cjk', or a clear refusal when the machine has none. */
export function newPdf(info: { title: string }): PDFKit.PDFDocument {
  const font = findCjkFont();
  if (!font) throw new AppError('internal', [{ path: 'font', code: 'custom', message: 'pdf_font_missing' }]);
  const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: info.title, Creator: 'Youshe 邮社共建' } });
  doc.registerFont('cjk', font.path, font.family as string);
  doc.font('cjk');
  return doc;
}

export function pdfBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
