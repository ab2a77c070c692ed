import QRCode from 'qrcode';
import type { Activity } from '@youshe/shared';
import { newPdf, pdfBuffer } from '../../platform/pdf.js';

const shanghai = (iso: string) =>
  new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    month: 'long',
    day: 'numeric',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));

/** An A4 poster for the notice board: what, when, where, who, and one big QR code to sign up and check in. */
export async function activityPoster(activity: Activity, signupUrl: string): Promise<Buffer> {
  const doc = newPdf({ title: activity.title });
  const width = doc.page.width - 96;
  doc.fillColor('#b71c1c').fontSize(30).text(activity.title, { align: 'center', width });
  doc.moveDown(0.5).fillColor('#222').fontSize(16).text(activity.kindName, { align: 'center', width });
  doc.moveDown(1).fontSize(18);
  doc.text(`时间：${shanghai(activity.startsAt)} — ${shanghai(activity.endsAt)}`, { width });
  doc.text(`地点：${activity.location ?? activity.placeName ?? '另行通知'}`, { width });
  doc.text(`主办：${activity.organisers.map((o) => o.name).join('、')}`, { width });
  if (activity.capacity) doc.text(`名额：${activity.capacity} 人，额满可候补`, { width });
  if (activity.description) doc.moveDown(0.5).fontSize(14).fillColor('#444').text(activity.description.slice(0, 600), { width });
  const qr = await QRCode.toBuffer(signupUrl, { errorCorrectionLevel: 'M', margin: 1, width: 600 });
  const size = 260;
  const top = Math.max(doc.y + 24, doc.page.height - 48 - size - 90);
  doc.image(qr, (doc.page.width - size) / 2, top, { width: size, height: size });
  doc
    .fontSize(18)
    .fillColor('#222')
    .text('微信或手机相机扫码报名、签到', 48, top + size + 12, { align: 'center', width });
  doc.fontSize(10).fillColor('#666').text(signupUrl, { align: 'center', width });
  return pdfBuffer(doc);
}
