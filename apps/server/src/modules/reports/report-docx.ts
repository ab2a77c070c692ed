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

/** The report as a Word document: the figures in tables a committee can paste into its own papers. */
export async function reportDocx(r: ReportData): Promise<Buffer> {
  const body: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      heading: HeadingLevel.TITLE,
      children: [new TextRun({ text: r.title, font: FONT, bold: true, size: 36 })],
    }),
    para(`统计范围：${r.orgName}及所属单位  统计期间：${r.periodLabel}  生成时间：${r.generatedAt.toISOString().slice(0, 10)}`, {
      size: 20,
    }),
    para('本报告中的数字均由平台根据各单位的活动、签到、走访等记录自动汇总，未经手工填报。', { italics: true, size: 20 }),
    heading('一、主要数据'),
    table(
      ['指标', '数值'],
      r.figures.map((f) => [f.label, f.value]),
    ),
    heading('二、分月情况'),
    table(
      ['月份', '开展活动（次）', '参与群众（人次）'],
      r.months.map((m) => [m.month, m.activities, m.attendance]),
    ),
  ];
  if (r.byKind.length)
    body.push(
      heading('三、活动类型'),
      table(
        ['类型', '活动（次）', '参与（人次）'],
        r.byKind.map((k) => [k.name, k.activities, k.attendance]),
      ),
    );
  if (r.children.length)
    body.push(
      heading('四、所属单位'),
      table(
        ['单位', '活动（次）', '参与（人次）'],
        r.children.map((c) => [c.name, c.activities, c.attendance]),
      ),
    );
  if (r.goals.length)
    body.push(
      heading('五、共建目标进展'),
      table(
        ['共建协议', '目标', '进度'],
        r.goals.map((g) => [g.partnershipTitle, g.title, `${g.progress} / ${g.target}`]),
      ),
    );
  if (r.highlights.length) {
    body.push(
      heading('六、主要活动'),
      table(
        ['日期', '活动', '组织单位', '类型', '参与（人次）'],
        r.highlights.map((h) => [h.date, h.title, h.org, h.kind, h.attendance]),
      ),
    );
    if (r.truncated) body.push(para(`（列出本期前 ${r.highlights.length} 项，完整清单见活动台账。）`, { size: 20 }));
    for (const h of r.highlights.filter((x) => x.quote).slice(0, 5))
      body.push(para(`“${h.quote!.text}”——${h.quote!.speaker}（${h.title}）`, { italics: true }));
  }
  if (r.photos.length) {
    body.push(heading('七、活动剪影'));
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
  const doc = new Document({ creator: 'Youshe 邮社共建', title: r.title, sections: [{ children: body }] });
  return Packer.toBuffer(doc);
}
