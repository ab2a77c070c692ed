import { newPdf, pdfBuffer } from '../../platform/pdf.js';
import { CHART_GREEN } from './report-chart.js';
import type { ReportData } from './report-data.js';

const GREEN = CHART_GREEN;

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
    doc.text(m.short, x - 4, top + height + 3, { width: slot * 0.6 + 8, align: 'center' });
  });
  doc.x = doc.page.margins.left;
  doc.y = top + height + 24;
}

/** The report as a PDF for printing and filing, with a bar chart of the months and a few photos. */
export async function reportPdf(r: ReportData): Promise<Buffer> {
  const x = r.text;
  const doc = newPdf({ title: r.title });
  const full = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  doc.fontSize(20).fillColor(GREEN).text(r.title, { align: 'center' }).moveDown(0.4);
  doc
    .fontSize(10)
    .fillColor('#333333')
    .text(x.scope(r.orgName, r.periodLabel, r.generatedAt.toISOString().slice(0, 10)));
  doc.text(x.derived).moveDown(0.6);
  heading(doc, x.headings.figures);
  table(
    doc,
    [x.cols.metric, x.cols.value],
    [full * 0.7, full * 0.3],
    r.figures.map((f) => [f.label, f.value]),
  );
  heading(doc, x.headings.months);
  barChart(doc, r.months);
  table(
    doc,
    [x.cols.month, x.cols.activities, x.cols.attendance],
    [full / 3, full / 3, full / 3],
    r.months.map((m) => [m.label, m.activities, m.attendance]),
  );
  if (r.byKind.length) {
    heading(doc, x.headings.kinds);
    table(
      doc,
      [x.cols.kind, x.cols.activities, x.cols.people],
      [full * 0.5, full * 0.25, full * 0.25],
      r.byKind.map((k) => [k.name, k.activities, k.attendance]),
    );
  }
  if (r.children.length) {
    heading(doc, x.headings.units);
    table(
      doc,
      [x.cols.unit, x.cols.activities, x.cols.people],
      [full * 0.5, full * 0.25, full * 0.25],
      r.children.map((c) => [c.name, c.activities, c.attendance]),
    );
  }
  if (r.goals.length) {
    heading(doc, x.headings.goals);
    table(
      doc,
      [x.cols.partnership, x.cols.goal, x.cols.progress],
      [full * 0.4, full * 0.4, full * 0.2],
      r.goals.map((g) => [g.partnershipTitle, g.title, `${g.progress} / ${g.target}`]),
    );
  }
  if (r.highlights.length) {
    heading(doc, x.headings.highlights);
    table(
      doc,
      [x.cols.date, x.cols.activity, x.cols.organiser, x.cols.kind, x.cols.people],
      [full * 0.16, full * 0.34, full * 0.24, full * 0.14, full * 0.12],
      r.highlights.map((h) => [h.date, h.title, h.org, h.kind, h.attendance]),
    );
    doc.fontSize(10);
    if (r.truncated) doc.text(x.truncated(r.highlights.length)).moveDown(0.2);
    for (const h of r.highlights.filter((y) => y.quote).slice(0, 5))
      doc.text(x.quote(h.quote!.text, h.quote!.speaker, h.title)).moveDown(0.2);
  }
  if (r.photos.length) {
    heading(doc, x.headings.photos);
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
