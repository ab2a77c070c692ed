import ExcelJS from 'exceljs';
import { OUTCOME_LABELS, formatOutcome, type Locale, type OutcomeField, type ledgerQuerySchema } from '@youshe/shared';
import type { z } from 'zod';
import type { Actor } from '../../platform/access.js';
import type { ActivitiesService } from './activities.service.js';
import type { QuotesService } from './quotes.service.js';

const HEADERS: Record<Locale, string[]> = {
  'zh-CN': ['日期', '时间', '地点', '组织单位', '活动类型', '活动主题', '参加人数', '活动内容', '成效', '照片', '状态'],
  'zh-TW': ['日期', '時間', '地點', '組織單位', '活動類型', '活動主題', '參加人數', '活動內容', '成效', '照片', '狀態'],
  en: ['Date', 'Time', 'Place', 'Organisers', 'Kind', 'Theme', 'Participants', 'Content', 'Outcome', 'Photos', 'Status'],
};
const TITLE: Record<Locale, string> = { 'zh-CN': '活动台账', 'zh-TW': '活動台帳', en: 'Activity ledger' };
const STATUS: Record<Locale, Record<string, string>> = {
  'zh-CN': { published: '已发布', in_progress: '进行中', closed: '已结束' },
  'zh-TW': { published: '已發布', in_progress: '進行中', closed: '已結束' },
  en: { published: 'Published', in_progress: 'In progress', closed: 'Closed' },
};
const WIDTHS = [12, 13, 22, 30, 14, 30, 10, 50, 36, 8, 10];

const shanghai = (iso: string, part: 'date' | 'time') =>
  new Intl.DateTimeFormat(
    'zh-CN',
    part === 'date'
      ? { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }
      : { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false },
  )
    .format(new Date(iso))
    .replace(/\//g, '-');

/**
 * The activities of a subtree and period that were or are being held, in date order, each with what its
 * participants said: the one data path of the ledger and of the reports (which ask for the first `max`).
 */
export async function ledgerRows(
  activities: ActivitiesService,
  quotes: QuotesService,
  actor: Actor,
  query: { orgId?: string; from: string; to: string },
  max = Infinity,
) {
  const rows = [];
  let truncated = false;
  for (let page = 1; ; page++) {
    const batch = await activities.list(actor, { orgId: query.orgId, from: query.from, to: query.to, page, pageSize: 200 });
    rows.push(...batch.items.filter((a) => ['published', 'in_progress', 'closed'].includes(a.status)));
    if (rows.length >= max) {
      truncated = batch.items.length === 200 || rows.length > max;
      rows.length = Math.min(rows.length, max);
      break;
    }
    if (batch.items.length < 200) break;
  }
  rows.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const quotesOf = await quotes.forActivities(rows.map((a) => a.id));
  return { rows: rows.map((a) => ({ ...a, quotes: quotesOf.get(a.id) ?? [] })), truncated };
}

/**
 * The ledger (台账) in the layout branches keep by hand, built from the activity records: one row
 * per activity held in the period, nothing typed twice.
 */
export async function buildLedger(
  activities: ActivitiesService,
  quotes: QuotesService,
  actor: Actor,
  query: z.infer<typeof ledgerQuerySchema>,
  locale: Locale,
  scopeName: string,
) {
  const { rows } = await ledgerRows(activities, quotes, actor, query);

  const book = new ExcelJS.Workbook();
  book.creator = 'Youshe 邮社共建';
  const sheet = book.addWorksheet(TITLE[locale], { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.mergeCells(1, 1, 1, HEADERS[locale].length);
  sheet.getCell(1, 1).value = `${TITLE[locale]} · ${scopeName} · ${shanghai(query.from, 'date')} — ${shanghai(query.to, 'date')}`;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  const header = sheet.addRow(HEADERS[locale]);
  header.font = { bold: true };
  header.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F3EC' } };
    c.border = { bottom: { style: 'thin' } };
  });
  for (const a of rows) {
    const outcome = Object.entries(a.outcome)
      .map(([k, v]) => `${OUTCOME_LABELS[locale][k as OutcomeField] ?? k} ${formatOutcome(k as OutcomeField, v)}`)
      .join('；');
    const row = sheet.addRow([
      shanghai(a.startsAt, 'date'),
      `${shanghai(a.startsAt, 'time')}–${shanghai(a.endsAt, 'time')}`,
      a.location ?? a.placeName ?? '',
      a.organisers.map((o) => o.name).join('、'),
      a.kindName,
      a.title,
      a.attendanceCount,
      // What participants said goes with the content, as it does in a hand-kept ledger.
      [a.description, ...a.quotes.map((q) => `“${q.text}”——${q.speaker}`)].filter(Boolean).join('\n'),
      outcome,
      a.photoCount,
      STATUS[locale][a.status] ?? a.status,
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
  }
  WIDTHS.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  return { buffer: Buffer.from(await book.xlsx.writeBuffer()), count: rows.length };
}
