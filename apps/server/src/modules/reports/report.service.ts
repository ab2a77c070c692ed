import type { z } from 'zod';
import type { Locale, reportQuerySchema } from '@youshe/shared';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/access.js';
import type { FileStore } from '../../platform/files.js';
import type { ActivitiesService } from '../activities/activities.service.js';
import type { QuotesService } from '../activities/quotes.service.js';
import type { DashboardService } from './dashboard.service.js';
import { gatherReport } from './report-data.js';
import { reportDocx } from './report-docx.js';
import { reportPdf } from './report-pdf.js';

const TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

/** Monthly, quarterly and annual reports of an organisation, as Word or PDF, in zh-CN, zh-TW or en, from one gathering of the data. */
export function createReportsService(
  db: Db,
  files: FileStore,
  dashboard: DashboardService,
  activities: ActivitiesService,
  quotes: QuotesService,
) {
  /** `locale`: the language asked for (`lang`, else the console's Accept-Language); the figures do not depend on it. */
  async function build(actor: Actor, q: z.infer<typeof reportQuerySchema>, locale: Locale) {
    // Access is the dashboard's: report.read on the unit, checked on the first line of dashboard.get.
    const data = await gatherReport(db, files, dashboard, activities, quotes, actor, q, q.lang ?? locale);
    const buffer = q.format === 'docx' ? await reportDocx(data) : await reportPdf(data);
    return { data: buffer, contentType: TYPES[q.format], fileName: `${data.title}.${q.format}` };
  }
  return { build };
}
export type ReportsService = ReturnType<typeof createReportsService>;
