import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { errorMessage, fieldMessage, pickLocale, type ErrorCode, type FieldIssue, type Locale } from '@youshe/shared';

const STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  bad_json: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  account_locked: 423,
  forbidden: 403,
  csrf_rejected: 403,
  not_found: 404,
  conflict: 409,
  capacity_full: 409,
  has_references: 409,
  rate_limited: 429,
  payload_too_large: 413,
  internal: 500,
};

/** An error the caller can act on: a stable code, an HTTP status, optional details. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
  }
  get status(): number {
    return STATUS[this.code];
  }
}

export const notFound = () => new AppError('not_found');
export const forbidden = () => new AppError('forbidden');

/** A field-level validation failure raised by a service (e.g. a parent that would make a cycle). */
export function invalidField(path: string, code: string, message: string): AppError {
  return new AppError('validation_failed', [{ path, code, message }]);
}

/** The language the caller's client asks for (the console sends its UI language), else the account's, else zh-CN. */
export function requestLocale(req: FastifyRequest): Locale {
  const header = req.headers['accept-language'];
  if (header) return pickLocale(header);
  return req.actor?.locale ?? pickLocale(undefined);
}

export function send(reply: FastifyReply, locale: Locale, code: ErrorCode, details?: unknown, params?: Record<string, string | number>) {
  return reply
    .status(STATUS[code])
    .send({ code, message: errorMessage(locale, code, params), ...(details === undefined ? {} : { details }) });
}

/**
 * The PostgreSQL error code (SQLSTATE) of a failed query, or undefined. Drizzle wraps the driver's error
 * and keeps the code on its cause; a bare driver error carries it itself.
 */
export function sqlStateOf(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = e?.cause?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Postgres error codes that mean the caller's data, not the server, is at fault. */
function fromDatabase(sqlState: string | undefined): ErrorCode | null {
  switch (sqlState) {
    case '23505':
      return 'conflict';
    case '23503':
    case '23001':
      return 'has_references';
    case '22P02':
    case '22001':
    case '22003':
    case '22007':
    case '22008':
      return 'validation_failed';
    default:
      return null;
  }
}

export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    const locale = requestLocale(req);
    if (error instanceof AppError) {
      const details = Array.isArray(error.details)
        ? (error.details as FieldIssue[]).map((d) => ({ ...d, message: fieldMessage(locale, d.code, {}, d.message) }))
        : error.details;
      return send(reply, locale, error.code, details, error.params);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details: FieldIssue[] = error.validation.map((v) => ({
        path: v.instancePath.replace(/^\//, '').replace(/\//g, '.'),
        code: v.keyword,
        message: fieldMessage(locale, v.keyword, v.params as Record<string, unknown>, v.message ?? ''),
      }));
      return send(reply, locale, 'validation_failed', details);
    }
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return send(reply, locale, 'bad_json');
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return send(reply, locale, 'payload_too_large');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return send(reply, locale, 'validation_failed');
    }
    if (error.statusCode === 429) return send(reply, locale, 'rate_limited');
    if (error instanceof SyntaxError && error.statusCode === 400) return send(reply, locale, 'bad_json');
    const dbCode = fromDatabase(sqlStateOf(error));
    if (dbCode) return send(reply, locale, dbCode);
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) return send(reply, locale, 'validation_failed');
    req.log.error({ err: error }, 'unhandled error');
    return send(reply, locale, 'internal');
  });
}
