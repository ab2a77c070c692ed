import { expect } from 'vitest';

/** A list filter's period for date-range tests: days in China time, `to` included. */
export const RANGE = { from: '2025-03-10', to: '2025-03-12' } as const;

/**
 * Instants around the period's edges, and whether each lies in it. At China midnight the UTC date is still
 * the day before, so a filter that cut days in UTC (or in the server's zone) would get the edges wrong.
 */
export const EDGES = {
  dayBeforeFrom: { at: '2025-03-09T12:00:00+08:00', in: false },
  lastMomentBeforeFrom: { at: '2025-03-09T23:59:59.999+08:00', in: false },
  fromMidnight: { at: '2025-03-10T00:00:00+08:00', in: true },
  lastMomentOfTo: { at: '2025-03-12T23:59:59.999+08:00', in: true },
  midnightAfterTo: { at: '2025-03-13T00:00:00+08:00', in: false },
  dayAfterTo: { at: '2025-03-13T12:00:00+08:00', in: false },
} as const;
export type Edge = keyof typeof EDGES;
export const EDGE_NAMES = Object.keys(EDGES) as Edge[];

/** Expects a page's ids to be exactly those of the edge rows inside the period (other rows may be listed beside them). */
export function expectOnlyInRange(ids: Record<Edge, string>, listed: string[]) {
  const mine = new Set(Object.values(ids));
  const shown = EDGE_NAMES.filter((e) => listed.includes(ids[e]));
  expect(shown).toEqual(EDGE_NAMES.filter((e) => EDGES[e].in));
  return listed.filter((id) => !mine.has(id));
}

/** The query string for the period, with any other filters. */
export const rangeQuery = (extra: Record<string, string> = {}, range: { from?: string; to?: string } = RANGE) =>
  new URLSearchParams({ ...extra, ...range }).toString();
