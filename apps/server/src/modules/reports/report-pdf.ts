import { newPdf, pdfBuffer } from '../../platform/pdf.js';
import type { ReportData } from './report-data.js';

const GREEN = '#0b6e4f';

/** A simple table: fixed column widths, a shaded header, a new page when the next row would not fit. */
function table(doc: PDFKit.PDFDocument, headers: string[], widths: number[], rows: (string | number)[][]) {
  const x0 = doc.page.margins.left;
  const rowHeight = (cells: string[]) => Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 8 }))) + 8;
  const draw = (cells: string[], header: boolean) => {
    const h = rowHeight(cells);
    if (doc.y + h > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    let x = x0;
    cells.forEach((c, i) => {
      if (header) doc.rect(x, y, widths[i]!, h).fill('#e8f3ec');
      doc.rect(x, y, widths[i]!, h).lineWidth(0.5).stroke('#999999');
      doc.fillColor('#111111').text(c, x + 4, y + 4, { width: widths[i]! - 8 });
      x += widths[i]!;
    });
    doc.x = x0;
    doc.y = y + h;
  };
  doc.fontSize(10);
  draw(headers, true);
  for (const r of rows) draw(r.map(String), false);
  doc.moveDown(0.8);
}

function heading(doc: PDFKit.PDFDocument, text: string) {
  if (doc.y > doc.page.height - 140) doc.addPage();
  doc.x = doc.page.margins.left;
  doc.moveDown(0.4).fontSize(14).fillColor(GREEN).text(text).moveDown(0.3).fillColor('#111111');
}

/** Activities per month as bars, drawn with PDF primitives (no chart library on the server). */
function barChart(doc: PDFKit.PDFDocument, months: ReportData['months']) {
  const x0 = doc.page.margins.left + 30;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right - 40;
  const height = 150;
  if (doc.y + height + 40 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const top = doc.y + 10;
  const max = Math.max(1, ...months.map((m) => m.activities));
  const slot = width / Math.max(months.length, 1);
  doc
    .lineWidth(0.5)
    .moveTo(x0, top + height)
    .lineTo(x0 + width, top + height)
    .stroke('#666666');
  doc.fontSize(8);
  months.forEach((m, i) => {
    const h = (m.activities / max) * (height - 14);
    const x = x0 + i * slot + slot * 0.2;
    doc.rect(x, top + height - h, slot * 0.6, h).fill(GREEN);
    doc.fillColor('#111111').text(String(m.activities), x - 4, top + height - h - 11, { width: slot * 0.6 + 8, align: 'center' });
    doc.text(m.month.slice(5), x - 4, top + height + 3, { width: slot * 0.6 + 8, align: 'center' });
  });
  doc.x = doc.page.margins.left;
  doc.y = top + height + 24;
}

/** The report as a PDF for printing and filing, with a bar chart of the months and a few photos. */
export async function reportPdf(r: ReportData): Promise<Buffer> {
  const doc = newPdf({ title: r.title });
  const full = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  doc.fontSize(20).fillColor(GREEN).text(r.title, { align: 'center' }).moveDown(0.4);
  doc
    .fontSize(10)
    .fillColor('#333333')
    .text(`统计范围：${r.orgName}及所属单位  统计期间：${r.periodLabel}  生成时间：${r.generatedAt.toISOString().slice(0, 10)}`);
  doc.text('本报告中的数字均由平台根据各单位的活动、签到、走访等记录自动汇总，未经手工填报。').moveDown(0.6);
  heading(doc, '一、主要数据');
  table(
    doc,
    ['指标', '数值'],
    [full * 0.7, full * 0.3],
    r.figures.map((f) => [f.label, f.value]),
  );
  heading(doc, '二、分月情况');
  barChart(doc, r.months);
  table(
    doc,
    ['月份', '开展活动（次）', '参与群众（人次）'],
    [full / 3, full / 3, full / 3],
    r.months.map((m) => [m.month, m.activities, m.attendance]),
  );
  if (r.byKind.length) {
    heading(doc, '三、活动类型');
    table(
      doc,
      ['类型', '活动（次）', '参与（人次）'],
      [full * 0.5, full * 0.25, full * 0.25],
      r.byKind.map((k) => [k.name, k.activities, k.attendance]),
    );
  }
  if (r.children.length) {
    heading(doc, '四、所属单位');
    table(
      doc,
      ['单位', '活动（次）', '参与（人次）'],
      [full * 0.5, full * 0.25, full * 0.25],
      r.children.map((c) => [c.name, c.activities, c.attendance]),
    );
  }
  if (r.goals.length) {
    heading(doc, '五、共建目标进展');
    table(
      doc,
      ['共建协议', '目标', '进度'],
      [full * 0.4, full * 0.4, full * 0.2],
      r.goals.map((g) => [g.partnershipTitle, g.title, `${g.progress} / ${g.target}`]),
    );
  }
  if (r.highlights.length) {
    heading(doc, '六、主要活动');
    table(
      doc,
      ['日期', '活动', '组织单位', '类型', '参与'],
      [full * 0.16, full * 0.34, full * 0.24, full * 0.14, full * 0.12],
      r.highlights.map((h) => [h.date, h.title, h.org, h.kind, h.attendance]),
    );
    doc.fontSize(10);
    for (const h of r.highlights.filter((x) => x.quote).slice(0, 5))
      doc.text(`“${h.quote!.text}”——${h.quote!.speaker}（${h.title}）`).moveDown(0.2);
  }
  if (r.photos.length) {
    heading(doc, '七、活动剪影');
    for (const p of r.photos) {
      const w = Math.min(full, 360);
      const h = (w * p.height) / Math.max(p.width, 1);
      if (doc.y + h + 30 > doc.page.height - doc.page.margins.bottom) doc.addPage();
      doc.image(p.data, doc.page.margins.left + (full - w) / 2, doc.y, { width: w });
      doc.y += h + 4;
      doc.fontSize(9).text(p.caption, doc.page.margins.left, doc.y, { width: full, align: 'center' }).moveDown(0.6);
    }
  }
  return pdfBuffer(doc);
}
