import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { dashboardQuerySchema, dashboardSchema, rebuildResultSchema, reportQuerySchema } from '@youshe/shared';
import { z } from 'zod';
import { isPlatformAdmin } from '../../platform/access.js';
import { AppError, requestLocale } from '../../platform/errors.js';
import { actorOf } from '../../platform/http.js';
import type { Db } from '../../db/client.js';
import type { DashboardService } from './dashboard.service.js';
import type { ReportsService } from './report.service.js';
import { rebuildRollups } from './rollups.js';

export function reportsRoutes(db: Db, dashboard: DashboardService, reports: ReportsService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['dashboards and reports'];
    r.get(
      '/api/dashboard',
      {
        schema: {
          tags,
          summary: 'Figures of a subtree and period (months), with its children for drilling down',
          querystring: dashboardQuerySchema,
          response: { 200: dashboardSchema },
        },
      },
      (req) => dashboard.get(actorOf(req), req.query),
    );
    r.post(
      '/api/rollups/rebuild',
      {
        schema: {
          tags,
          summary: 'Recompute every dashboard figure from the records (platform admins)',
          response: { 200: rebuildResultSchema },
        },
      },
      async (req) => {
        if (!isPlatformAdmin(actorOf(req))) throw new AppError('forbidden');
        return rebuildRollups(db);
      },
    );
    r.get(
      '/api/reports/download',
      {
        schema: {
          tags,
          summary: "An organisation's monthly, quarterly or annual report as Word or PDF",
          querystring: reportQuerySchema,
          response: { 200: z.any() },
        },
      },
      async (req, reply) => {
        const file = await reports.build(actorOf(req), req.query, requestLocale(req));
        return reply
          .header('content-type', file.contentType)
          .header(
            'content-disposition',
            `attachment; filename="report.${req.query.format}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
          )
          .send(file.data);
      },
    );
  };
}
