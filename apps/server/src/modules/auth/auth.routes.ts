import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { changePasswordRequestSchema, loginRequestSchema, meResponseSchema, okSchema, updateMeRequestSchema } from '@youshe/shared';
import { actorOf, clientOf, SESSION_COOKIE } from '../../platform/http.js';
import { rateLimits } from '../../platform/rate-limits.js';
import type { AuthService } from './auth.service.js';

export function authRoutes(auth: AuthService, secureCookies: boolean) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const cookieOptions = { httpOnly: true, sameSite: 'lax' as const, secure: secureCookies, path: '/' };

    r.post(
      '/api/auth/login',
      {
        schema: {
          tags: ['auth'],
          summary: 'Sign in; sets the session cookie',
          body: loginRequestSchema,
          response: { 200: meResponseSchema },
        },
        config: rateLimits.signIn,
      },
      async (req, reply) => {
        const { token, expiresAt } = await auth.login(req.body.login, req.body.password, clientOf(req));
        reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, expires: expiresAt });
        const actor = await auth.resolveActor(token, clientOf(req));
        return auth.me(actor!);
      },
    );

    r.post('/api/auth/logout', { schema: { tags: ['auth'], summary: 'Sign out', response: { 200: okSchema } } }, async (req, reply) => {
      const actor = actorOf(req);
      await auth.logout(actor, req.sessionToken!);
      reply.clearCookie(SESSION_COOKIE, cookieOptions);
      return { ok: true as const };
    });

    r.get(
      '/api/me',
      { schema: { tags: ['auth'], summary: 'The signed-in person, account and grants', response: { 200: meResponseSchema } } },
      async (req) => auth.me(actorOf(req)),
    );

    r.patch(
      '/api/me',
      {
        schema: {
          tags: ['auth'],
          summary: 'Save the interface language on the account',
          body: updateMeRequestSchema,
          response: { 200: meResponseSchema },
        },
      },
      async (req) => auth.setLocale(actorOf(req), req.body.locale),
    );

    r.post(
      '/api/auth/password',
      { schema: { tags: ['auth'], summary: 'Change own password', body: changePasswordRequestSchema, response: { 200: okSchema } } },
      async (req) => {
        await auth.changePassword(actorOf(req), req.sessionToken!, req.body.currentPassword, req.body.newPassword);
        return { ok: true as const };
      },
    );
  };
}
