import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  alertListQuerySchema,
  alertPageSchema,
  alertSchema,
  careScanResultSchema,
  carePlanSchema,
  consentAmendmentSchema,
  consentHistorySchema,
  contactParamsSchema,
  createRecipientSchema,
  familyPageSchema,
  familyTokenParamsSchema,
  idParamsSchema,
  neighbourInputSchema,
  neighbourUpdateSchema,
  okSchema,
  pairingSchema,
  recipientListQuerySchema,
  recipientPageSchema,
  recipientSchema,
  recipientSecretsSchema,
  resolveAlertSchema,
  routeOrderSchema,
  routeSchema,
  visitBatchResultSchema,
  visitBatchSchema,
  visitInputSchema,
  visitHistoryPageSchema,
  visitHistoryQuerySchema,
  visitNoteSchema,
  visitResultSchema,
  volunteerSearchQuerySchema,
  volunteerSearchSchema,
} from '@youshe/shared';
import { AppError, requestLocale } from '../../platform/errors.js';
import { actorOf } from '../../platform/http.js';
import { rateLimits } from '../../platform/rate-limits.js';
import type { Services } from '../../composition.js';

const idempotencyHeaders = z.object({ 'idempotency-key': z.string().max(100).optional() }).passthrough();

export function careRoutes(services: Pick<Services, 'careRecipients' | 'careVisits' | 'careAlerts' | 'careFamily'>) {
  const { careRecipients: recipients, careVisits: visits, careAlerts: alerts } = services;
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['care'];
    r.get(
      '/api/care/recipients',
      {
        schema: {
          tags,
          summary: 'Care recipients of the grids in one’s reach',
          querystring: recipientListQuerySchema,
          response: { 200: recipientPageSchema },
        },
      },
      (req) => recipients.list(actorOf(req), req.query),
    );
    r.post(
      '/api/care/recipients',
      {
        schema: {
          tags,
          summary: 'Enrol a care recipient, with consent, contacts and plan',
          body: createRecipientSchema,
          response: { 200: recipientSchema },
        },
      },
      (req) => recipients.create(actorOf(req), req.body),
    );
    r.get(
      '/api/care/recipients/:id',
      { schema: { tags, summary: 'One care recipient', params: idParamsSchema, response: { 200: recipientSchema } } },
      (req) => recipients.get(actorOf(req), req.params.id),
    );
    r.post(
      '/api/care/recipients/:id/reveal',
      {
        schema: {
          tags,
          summary: 'Show phone, address and health notes (audited)',
          params: idParamsSchema,
          response: { 200: recipientSecretsSchema },
        },
      },
      (req) => recipients.reveal(actorOf(req), req.params.id),
    );
    r.put(
      '/api/care/recipients/:id/pairing',
      {
        schema: {
          tags,
          summary: 'Pair the main and the backup volunteer',
          params: idParamsSchema,
          body: pairingSchema,
          response: { 200: recipientSchema },
        },
      },
      (req) => recipients.setPairing(actorOf(req), req.params.id, req.body),
    );
    r.post(
      '/api/care/recipients/:id/withdraw-consent',
      {
        schema: {
          tags,
          summary: 'Consent withdrawn: personal data is erased, visit counts stay',
          params: idParamsSchema,
          response: { 200: recipientSchema },
        },
      },
      (req) => recipients.withdrawConsent(actorOf(req), req.params.id),
    );
    r.put(
      '/api/care/recipients/:id/consent',
      {
        schema: {
          tags,
          summary: 'Amend the purposes of the consent in force: it is kept, superseded, and a new one recorded (audited)',
          params: idParamsSchema,
          body: consentAmendmentSchema,
          response: { 200: recipientSchema },
        },
      },
      (req) => recipients.amendConsent(actorOf(req), req.params.id, req.body),
    );
    r.get(
      '/api/care/recipients/:id/consents',
      {
        schema: {
          tags,
          summary: 'A recipient’s consent records, the one in force first',
          params: idParamsSchema,
          response: { 200: consentHistorySchema },
        },
      },
      (req) => recipients.consentHistory(actorOf(req), req.params.id),
    );
    r.get(
      '/api/care/recipients/:id/export',
      { schema: { tags, summary: 'Everything held about a recipient, as JSON (audited)', params: idParamsSchema } },
      async (req, reply) => {
        const data = await recipients.exportData(actorOf(req), req.params.id);
        return reply.header('content-disposition', `attachment; filename="care-recipient-${req.params.id}.json"`).send(data);
      },
    );
    r.delete(
      '/api/care/recipients/:id',
      {
        schema: {
          tags,
          summary: 'Delete a recipient and everything about them, on request',
          params: idParamsSchema,
          response: { 200: okSchema },
        },
      },
      (req) => recipients.remove(actorOf(req), req.params.id),
    );
    r.put(
      '/api/care/recipients/:id/plan',
      {
        schema: {
          tags,
          summary: 'Change the care plan: frequency, help wanted, the family’s checklist items',
          params: idParamsSchema,
          body: carePlanSchema,
          response: { 200: recipientSchema },
        },
      },
      (req) => recipients.setPlan(actorOf(req), req.params.id, req.body),
    );
    r.post(
      '/api/care/recipients/:id/neighbours',
      {
        schema: {
          tags,
          summary: 'Add a trusted neighbour (three at most); name and phone are kept encrypted',
          params: idParamsSchema,
          body: neighbourInputSchema,
          response: { 200: recipientSchema },
        },
      },
      (req) => recipients.addNeighbour(actorOf(req), req.params.id, req.body),
    );
    r.put(
      '/api/care/recipients/:id/neighbours/:contactId',
      {
        schema: {
          tags,
          summary: 'Change a trusted neighbour; a name or phone left out stays as it was',
          params: contactParamsSchema,
          body: neighbourUpdateSchema,
          response: { 200: recipientSchema },
        },
      },
      (req) => recipients.updateNeighbour(actorOf(req), req.params.id, req.params.contactId, req.body),
    );
    r.delete(
      '/api/care/recipients/:id/neighbours/:contactId',
      {
        schema: { tags, summary: 'Remove a trusted neighbour', params: contactParamsSchema, response: { 200: recipientSchema } },
      },
      (req) => recipients.removeNeighbour(actorOf(req), req.params.id, req.params.contactId),
    );
    r.get(
      '/api/care/recipients/:id/visits',
      {
        schema: {
          tags,
          summary: 'A recipient’s visits, newest first, paged; notes and photos are asked for one by one',
          params: idParamsSchema,
          querystring: visitHistoryQuerySchema,
          response: { 200: visitHistoryPageSchema },
        },
      },
      (req) => recipients.visits(actorOf(req), req.params.id, req.query),
    );
    r.post(
      '/api/care/visits/:id/note',
      { schema: { tags, summary: 'One visit’s note (audited)', params: idParamsSchema, response: { 200: visitNoteSchema } } },
      (req) => recipients.revealNote(actorOf(req), req.params.id),
    );

    r.get(
      '/api/care/volunteers',
      {
        schema: {
          tags,
          summary: 'Volunteers to pair, by name',
          querystring: volunteerSearchQuerySchema,
          response: { 200: volunteerSearchSchema },
        },
      },
      (req) => recipients.volunteers(actorOf(req), req.query.q),
    );
    r.get(
      '/api/care/route',
      { schema: { tags, summary: 'My round: my recipients in order, who is due today', response: { 200: routeSchema } } },
      (req) => visits.route(actorOf(req)),
    );
    r.put(
      '/api/care/route/order',
      { schema: { tags, summary: 'Reorder my round', body: routeOrderSchema, response: { 200: routeSchema } } },
      (req) => visits.reorder(actorOf(req), req.body.recipientIds),
    );
    r.post(
      '/api/care/visits',
      {
        schema: {
          tags,
          summary: 'Log a visit; the id is made on the phone, a resend returns the first result',
          headers: idempotencyHeaders,
          body: visitInputSchema,
          response: { 200: visitResultSchema },
        },
      },
      (req) => {
        const key = req.headers['idempotency-key'];
        if (key && key !== req.body.id) throw new AppError('validation_failed', [{ path: 'id', code: 'custom', message: 'invalid_value' }]);
        return visits.log(actorOf(req), req.body);
      },
    );
    r.post(
      '/api/care/visits/batch',
      {
        // A queue of visits with drawn signatures can be larger than an ordinary request.
        bodyLimit: 8 * 1024 * 1024,
        schema: {
          tags,
          summary: 'Send a phone’s queue of visits at once; each visit is answered on its own',
          body: visitBatchSchema,
          response: { 200: visitBatchResultSchema },
        },
      },
      (req) => visits.logBatch(actorOf(req), req.body.visits, requestLocale(req)),
    );

    r.get(
      '/api/care/alerts',
      { schema: { tags, summary: 'Alert inbox', querystring: alertListQuerySchema, response: { 200: alertPageSchema } } },
      (req) => alerts.inbox(actorOf(req), req.query),
    );
    r.post(
      '/api/care/alerts/:id/acknowledge',
      { schema: { tags, summary: 'Take an alert on: you become its owner', params: idParamsSchema, response: { 200: alertSchema } } },
      (req) => alerts.acknowledge(actorOf(req), req.params.id),
    );
    r.post(
      '/api/care/alerts/:id/resolve',
      {
        schema: {
          tags,
          summary: 'Close an alert with its outcome',
          params: idParamsSchema,
          body: resolveAlertSchema,
          response: { 200: alertSchema },
        },
      },
      (req) => alerts.resolve(actorOf(req), req.params.id, req.body.outcome),
    );
    r.post(
      '/api/care/scan',
      {
        schema: { tags, summary: 'Check now for missed visits and overdue alerts in one’s reach', response: { 200: careScanResultSchema } },
      },
      (req) => alerts.runNow(actorOf(req)),
    );

    r.get(
      '/api/public/care/family/:token',
      {
        config: rateLimits.lookup,
        schema: {
          tags: ['public'],
          summary: 'A family’s private page of recent visits',
          params: familyTokenParamsSchema,
          response: { 200: familyPageSchema },
        },
      },
      (req) => services.careFamily.page(req.params.token),
    );
  };
}
