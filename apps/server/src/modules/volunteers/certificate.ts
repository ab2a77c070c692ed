import type { VolunteerRecord } from '@youshe/shared';
import { newPdf, pdfBuffer } from '../../platform/pdf.js';

const chinaDate = (d: Date) =>
  new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' }).format(d);

/** Hours as people say them: whole hours and a tenth, e.g. 12.5 小时. */
export const hoursText = (minutes: number) => `${(Math.round(minutes / 6) / 10).toFixed(1)}`;

/** A one-page certificate of approved volunteer hours (志愿服务时长证明), in the form a school or employer asks for. */
export async function hoursCertificate(record: VolunteerRecord, issuedAt: Date): Promise<Buffer> {
  const doc = newPdf({ title: `志愿服务时长证明 ${record.name}` });
  const width = doc.page.width - 96;
  doc.moveDown(2).fillColor('#b71c1c').fontSize(30).text('志愿服务时长证明', { align: 'center', width });
  doc.moveDown(2).fillColor('#222').fontSize(18);
  doc.text(`兹证明 ${record.name} 同志（${record.orgName}）`, { width });
  const teams = record.teams.map((t) => t.name).join('、');
  if (teams) doc.text(`作为 ${teams} 成员参加志愿服务，`, { width });
  doc.text(`经组织审核确认，累计志愿服务时长 ${hoursText(record.approvedMinutes)} 小时。`, { width });
  doc.moveDown(1).fontSize(14).fillColor('#444');
  const approved = record.hours.filter((h) => h.status === 'approved');
  const bySource = { visit: '入户探访', activity: '活动服务', shift: '驿站值守' } as const;
  for (const source of ['visit', 'activity', 'shift'] as const) {
    const minutes = approved.filter((h) => h.source === source).reduce((s, h) => s + h.minutes, 0);
    if (minutes) doc.text(`${bySource[source]}：${hoursText(minutes)} 小时`, { width });
  }
  doc.moveDown(3).fontSize(16).fillColor('#222');
  doc.text(record.orgName, { align: 'right', width });
  doc.text(chinaDate(issuedAt), { align: 'right', width });
  doc.moveDown(2).fontSize(10).fillColor('#666').text('本证明由邮社共建平台根据经审核的服务记录生成。', { align: 'center', width });
  return pdfBuffer(doc);
}
