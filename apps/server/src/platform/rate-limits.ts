import type { FastifyContextConfig, FastifyRequest } from 'fastify';

/** A route's `config` that allows `max` requests a minute, per address unless `keyOf` says otherwise. */
function perMinute(max: number, keyOf?: (req: FastifyRequest) => string): FastifyContextConfig {
  return { rateLimit: { max, timeWindow: '1 minute', ...(keyOf && { keyGenerator: keyOf }) } };
}

/**
 * The limits of routes anyone can reach, one kind of route to one limit. Each route counts its own
 * requests; the limits only say how many. Refusals answer 429 `rate_limited` (see app.ts).
 */
export const rateLimits = {
  /** Pages a whole event or class opens at once, often through one venue's Wi-Fi: activities, quizzes, bookings. */
  crowd: perMinute(600),
  /** A public page that is only read: a station's page. */
  page: perMinute(60),
  /** A resident's request or a look-up by code (needs, family pages, wristband scans): guessing codes stays useless. */
  lookup: perMinute(30),
  /** Sign-in attempts. */
  signIn: perMinute(20),
  /** A finder's alert: one press notifies people, so button-mashing stays useless. */
  alert: perMinute(10),
  /** Handing over for a six-digit claim code, per clerk: a code must not be guessable by trying. */
  claim: perMinute(10, (req) => `claim:${req.actor?.accountId ?? req.ip}`),
};
