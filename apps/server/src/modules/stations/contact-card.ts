import QRCode from 'qrcode';
import { SERVICE_KIND_LABELS, STATION_POSITIONING_LABELS, type PublicStation } from '@youshe/shared';
import { newPdf, pdfBuffer } from '../../platform/pdf.js';

/**
 * The station's contact card (便民联系卡): handed to residents on visits, so it is a card framed on
 * an A4 sheet with a cut line (two to a sheet fit, one is printed), large type, the counter line, the
 * hours and a QR code to the station's public page.
 */
export async function contactCard(station: PublicStation, publicUrl: string): Promise<Buffer> {
  const doc = newPdf({ title: `${station.name} 便民联系卡` });
  const x = 60;
  const y = 60;
  const w = doc.page.width - 120;
  const h = 360;
  doc
    .save()
    .lineWidth(1)
    .dash(6, { space: 4 })
    .strokeColor('#888')
    .rect(x - 12, y - 12, w + 24, h + 24)
    .stroke()
    .restore();
  doc.rect(x, y, w, 44).fill('#b71c1c');
  doc
    .fillColor('#fff')
    .fontSize(20)
    .text('便民联系卡 · 有事找邮政', x + 14, y + 11, { width: w - 28 });
  const qrSize = 150;
  const textWidth = w - qrSize - 28;
  doc
    .fillColor('#222')
    .fontSize(18)
    .text(station.name, x + 14, y + 60, { width: textWidth });
  doc.moveDown(0.3).fontSize(12).fillColor('#444');
  if (station.positionings.length)
    doc.text(station.positionings.map((p) => STATION_POSITIONING_LABELS[p]).join(' · '), { width: textWidth });
  doc.moveDown(0.4).fontSize(13).fillColor('#222');
  if (station.contactPhone) doc.text(`联系电话：${station.contactPhone}`, { width: textWidth });
  if (station.headName) doc.text(`驿站负责人：${station.headName}`, { width: textWidth });
  if (station.address) doc.text(`地址：${station.address}`, { width: textWidth });
  if (station.openingHours) doc.text(`开放时间：${station.openingHours}`, { width: textWidth });
  if (station.communityName) doc.text(`服务社区：${station.communityName}`, { width: textWidth });
  if (station.services.length) {
    doc.moveDown(0.4).fontSize(12).fillColor('#444');
    doc.text(`便民服务：${station.services.map((s) => SERVICE_KIND_LABELS[s]).join('、')}`, { width: textWidth });
  }
  const qr = await QRCode.toBuffer(publicUrl, { errorCorrectionLevel: 'M', margin: 1, width: 400 });
  doc.image(qr, x + w - qrSize - 10, y + 60, { width: qrSize, height: qrSize });
  doc
    .fontSize(11)
    .fillColor('#222')
    .text('扫码查看驿站服务', x + w - qrSize - 10, y + 60 + qrSize + 6, { width: qrSize, align: 'center' });
  doc
    .fontSize(9)
    .fillColor('#666')
    .text(publicUrl, x + 14, y + h - 22, { width: w - 28 });
  return pdfBuffer(doc);
}
