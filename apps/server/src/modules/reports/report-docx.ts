import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { CHART_HEIGHT, CHART_WIDTH, monthsChartPng } from './report-chart.js';
import type { ReportData } from './report-data.js';

const FONT = { ascii: 'SimSun', eastAsia: '宋体', hAnsi: 'SimSun' };
const thin = { style: BorderStyle.SINGLE, size: 4, color: '999999' };

const cell = (text: string, header = false) =>
  new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text, bold: header, font: FONT, size: 21 })] })],
    shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E8F3EC' } : undefined,
    borders: { top: thin, bottom: thin, left: thin, right: thin },
  });

function table(headers: string[], rows: (string | number)[][]) {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ children: headers.map((h) => cell(h, true)), tableHeader: true }),
      ...rows.map((r) => new TableRow({ children: r.map((v) => cell(String(v))) })),
    ],
  });
}

const heading = (text: string) =>
  new Paragraph({
    heading: HeadingLevel.HEADING_2,
    spacing: { before: 280, after: 120 },
    children: [new TextRun({ text, font: FONT, bold: true })],
  });
const para = (text: string, opts: { italics?: boolean; size?: number } = {}) =>
  new Paragraph({ spacing: { after: 80 }, children: [new TextRun({ text, font: FONT, size: opts.size ?? 22, italics: opts.italics })] });

/** The report as a Word document: the figures in tables a committee can paste into its own papers, and the months as a chart. */
export async function reportDocx(r: ReportData): Promise<Buffer> {
  const x = r.text;
  const chart = await monthsChartPng(r.months);
  const body: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      heading: HeadingLevel.TITLE,
      children: [new TextRun({ text: r.title, font: FONT, bold: true, size: 36 })],
    }),
    para(x.scope(r.orgName, r.periodLabel, r.generatedAt.toISOString().slice(0, 10)), { size: 20 }),
    para(x.derived, { italics: true, size: 20 }),
    heading(x.headings.figures),
    table(
      [x.cols.metric, x.cols.value],
      r.figures.map((f) => [f.label, f.value]),
    ),
    heading(x.headings.months),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new ImageRun({
          type: 'png',
          data: chart,
          transformation: { width: CHART_WIDTH, height: CHART_HEIGHT },
          altText: { name: 'chart-months', title: x.chartAlt, description: x.chartAlt },
        }),
      ],
    }),
    table(
      [x.cols.month, x.cols.activities, x.cols.attendance],
      r.months.map((m) => [m.label, m.activities, m.attendance]),
    ),
  ];
  if (r.byKind.length)
    body.push(
      heading(x.headings.kinds),
      table(
        [x.cols.kind, x.cols.activities, x.cols.people],
        r.byKind.map((k) => [k.name, k.activities, k.attendance]),
      ),
    );
  if (r.children.length)
    body.push(
      heading(x.headings.units),
      table(
        [x.cols.unit, x.cols.activities, x.cols.people],
        r.children.map((c) => [c.name, c.activities, c.attendance]),
      ),
    );
  if (r.goals.length)
    body.push(
      heading(x.headings.goals),
      table(
        [x.cols.partnership, x.cols.goal, x.cols.progress],
        r.goals.map((g) => [g.partnershipTitle, g.title, `${g.progress} / ${g.target}`]),
      ),
    );
  if (r.highlights.length) {
    body.push(
      heading(x.headings.highlights),
      table(
        [x.cols.date, x.cols.activity, x.cols.organiser, x.cols.kind, x.cols.people],
        r.highlights.map((h) => [h.date, h.title, h.org, h.kind, h.attendance]),
      ),
    );
    if (r.truncated) body.push(para(x.truncated(r.highlights.length), { size: 20 }));
    for (const h of r.highlights.filter((y) => y.quote).slice(0, 5))
      body.push(para(x.quote(h.quote!.text, h.quote!.speaker, h.title), { italics: true }));
  }
  if (r.photos.length) {
    body.push(heading(x.headings.photos));
    for (const p of r.photos) {
      const width = 420;
      const height = Math.round((width * p.height) / Math.max(p.width, 1));
      body.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new ImageRun({ type: 'jpg', data: p.data, transformation: { width, height } })],
        }),
        new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: p.caption, font: FONT, size: 20 })] }),
      );
    }
  }
  // Names from the records stay Chinese in an English report, so East Asian runs are always Chinese.
  const language = { value: r.locale, eastAsia: r.locale === 'en' ? 'zh-CN' : r.locale };
  const doc = new Document({
    creator: 'Youshe 邮社共建',
    title: r.title,
    // The document's language, so Word proofs it and reads it aloud in the reader's language.
    styles: { default: { document: { run: { language } } } },
    sections: [{ children: body }],
  });
  return Packer.toBuffer(doc);
}
