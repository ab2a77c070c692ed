import QRCode from 'qrcode';
import { newPdf, pdfBuffer } from '../../platform/pdf.js';
import { groupedCode } from './codes.js';

const COLS = 3;
const ROWS = 6;

/**
 * A4 sheets of wristband labels, 3 × 6 a page: a QR code to the finder's page, what it is for, and the code in
 * groups of four so that it can be read out over the phone when a camera is not at hand.
 */
export async function wristbandLabels(batchLabel: string, codes: string[], origin: string): Promise<Buffer> {
  const doc = newPdf({ title: `防走失手环标签 ${batchLabel}` });
  const margin = 36;
  const cellW = (doc.page.width - margin * 2) / COLS;
  const cellH = (doc.page.height - margin * 2) / ROWS;
  const qrSize = Math.min(cellW, cellH) - 56;
  for (let i = 0; i < codes.length; i++) {
    const slot = i % (COLS * ROWS);
    if (i > 0 && slot === 0) doc.addPage();
    const x = margin + (slot % COLS) * cellW;
    const y = margin + Math.floor(slot / COLS) * cellH;
    const url = `${origin}/w/${codes[i]}`;
    doc
      .save()
      .lineWidth(0.5)
      .dash(3, { space: 3 })
      .strokeColor('#999')
      .rect(x + 2, y + 2, cellW - 4, cellH - 4)
      .stroke()
      .restore();
    doc
      .fillColor('#b26a00')
      .fontSize(11)
      .text('防走失 · 扫码联系家人', x, y + 8, { width: cellW, align: 'center' });
    const qr = await QRCode.toBuffer(url, { errorCorrectionLevel: 'Q', margin: 1, width: 300 });
    doc.image(qr, x + (cellW - qrSize) / 2, y + 26, { width: qrSize, height: qrSize });
    doc
      .fillColor('#111')
      .fontSize(9)
      .text(groupedCode(codes[i]!), x, y + 30 + qrSize, { width: cellW, align: 'center' });
  }
  doc.fontSize(8).fillColor('#666');
  return pdfBuffer(doc);
}
