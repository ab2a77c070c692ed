import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  accountListQuerySchema,
  accountPageSchema,
  accountSchema,
  accountWithPasswordSchema,
  createAccountSchema,
  grantParamsSchema,
  grantRequestSchema,
  idParamsSchema,
} from '@youshe/shared';
import { actorOf } from '../../platform/http.js';
import type { AccountsService } from './accounts.service.js';

export function accountsRoutes(accounts: AccountsService) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['accounts'];
    const one = { params: idParamsSchema, response: { 200: accountSchema } };
    r.get(
      '/api/accounts',
      {
        schema: {
          tags,
          summary: 'Accounts whose grants or person lie in the caller’s subtree',
          querystring: accountListQuerySchema,
          response: { 200: accountPageSchema },
        },
      },
      (req) => accounts.list(actorOf(req), req.query),
    );
    r.get('/api/accounts/:id', { schema: { tags, summary: 'One account with its grants', ...one } }, (req) =>
      accounts.get(actorOf(req), req.params.id),
    );
    r.post(
      '/api/accounts',
      {
        schema: {
          tags,
          summary: 'Create an account with a first role; answers a one-time password',
          body: createAccountSchema,
          response: { 200: accountWithPasswordSchema },
        },
      },
      (req) => accounts.create(actorOf(req), req.body),
    );
    r.post(
      '/api/accounts/:id/grants',
      {
        schema: {
          tags,
          summary: 'Grant a role on a subtree',
          params: idParamsSchema,
          body: grantRequestSchema,
          response: { 200: accountSchema },
        },
      },
      (req) => accounts.addGrant(actorOf(req), req.params.id, req.body),
    );
    r.delete(
      '/api/accounts/:id/grants/:grantId',
      { schema: { tags, summary: 'Revoke a role', params: grantParamsSchema, response: { 200: accountSchema } } },
      (req) => accounts.removeGrant(actorOf(req), req.params.id, req.params.grantId),
    );
    r.post('/api/accounts/:id/disable', { schema: { tags, summary: 'Disable an account and end its sessions', ...one } }, (req) =>
      accounts.setDisabled(actorOf(req), req.params.id, true),
    );
    r.post('/api/accounts/:id/enable', { schema: { tags, summary: 'Enable a disabled account', ...one } }, (req) =>
      accounts.setDisabled(actorOf(req), req.params.id, false),
    );
    r.post(
      '/api/accounts/:id/reset-password',
      {
        schema: {
          tags,
          summary: 'Set a one-time password and end sessions',
          params: idParamsSchema,
          response: { 200: accountWithPasswordSchema },
        },
      },
      (req) => accounts.resetPassword(actorOf(req), req.params.id),
    );
  };
}
