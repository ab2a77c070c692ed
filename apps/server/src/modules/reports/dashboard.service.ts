import { sql, type SQL } from 'drizzle-orm';
import type { DashboardQuery } from '@youshe/shared';
import type { Db } from '../../db/client.js';
import { requireAccess, scopeOf, type Actor } from '../../platform/access.js';
import { AppError, invalidField } from '../../platform/errors.js';
import { orgsRepository } from '../orgs/orgs.repository.js';
import { flushRollups, rowsOf, STATE_MONTH } from './rollups.js';
import { liveFigures } from './live-figures.js';

export interface DashboardOrg {
  id: string | null;
  name: string;
  parentId: string | null;
  /** null: the whole platform. */
  path: string | null;
}

/** This month in China time, as YYYY-MM. */
export function chinaMonth(at = new Date()): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 7);
}

const MAX_MONTHS = 60;
const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
const monthDate = (m: string) => `${m}-01`;

/** The months of a period, first to last, as YYYY-MM. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let i = monthIndex(from); i <= monthIndex(to); i++) out.push(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  return out;
}

type Figures = Record<string, number>;

function addTo(target: Figures, metric: string, value: number) {
  target[metric] = (target[metric] ?? 0) + value;
}

/** Figures of any subtree and period, from the rollups (summed per subtree already) and a few live states. */
export function createDashboardService(db: Db) {
  /** The asked unit, or the actor's own widest one; outside the actor's reach it does not exist. */
  async function resolveOrg(actor: Actor, orgId: string | undefined): Promise<DashboardOrg> {
    if (orgId) {
      const org = await orgsRepository.findById(db, orgId);
      requireAccess(actor, 'report.read', org?.path);
      return { id: org!.id, name: org!.name, parentId: org!.parentId, path: org!.path };
    }
    const scope = scopeOf(actor, 'report.read');
    if (scope === 'all')
      return {
        id: null,
        name: actor.locale === 'en' ? 'All organisations' : actor.locale === 'zh-TW' ? '全平臺' : '全平台',
        parentId: null,
        path: null,
      };
    const widest = [...scope].sort((a, b) => a.length - b.length)[0];
    if (!widest) throw new AppError('forbidden');
    const grant = actor.grants.find((g) => g.orgPath === widest)!;
    const org = await orgsRepository.findById(db, grant.orgId!);
    return { id: org!.id, name: org!.name, parentId: org!.parentId, path: org!.path };
  }

  function period(q: Pick<DashboardQuery, 'from' | 'to'>) {
    const to = q.to ?? chinaMonth();
    const from = q.from ?? `${to.slice(0, 4)}-01`;
    if (monthIndex(from) > monthIndex(to)) throw invalidField('from', 'custom', 'from_after_to');
    if (monthIndex(to) - monthIndex(from) >= MAX_MONTHS) throw invalidField('from', 'custom', 'period_too_long');
    return { from, to };
  }

  /** Subtree totals of the org (or of every root for the whole platform), per month and metric. */
  async function monthly(org: DashboardOrg, from: string, to: string) {
    const which: SQL = org.id ? sql`r.org_id = ${org.id}` : sql`r.org_id in (select id from orgs where parent_id is null)`;
    return rowsOf<{ month: string; metric: string; value: string | number }>(
      await db.execute(sql`select to_char(r.month, 'YYYY-MM') as month, r.metric, sum(r.value) as value from rollup_tree_month r
        where ${which} and r.month between ${monthDate(from)}::date and ${monthDate(to)}::date group by 1, 2`),
    );
  }

  /** States kept in the rollups (people cared for now), for the org's subtree. */
  async function states(org: DashboardOrg) {
    const which: SQL = org.id ? sql`r.org_id = ${org.id}` : sql`r.org_id in (select id from orgs where parent_id is null)`;
    const rows = rowsOf<{ metric: string; value: string | number }>(
      await db.execute(sql`select r.metric, sum(r.value) as value from rollup_tree_month r
        where ${which} and r.month = ${STATE_MONTH}::date group by 1`),
    );
    return Object.fromEntries(rows.map((r) => [r.metric, Number(r.value)]));
  }

  async function children(org: DashboardOrg, from: string, to: string) {
    const parent: SQL = org.id ? sql`c.parent_id = ${org.id}` : sql`c.parent_id is null`;
    const rows = rowsOf<{ id: string; name: string; kind: string; has_children: boolean; metric: string | null; value: string | null }>(
      await db.execute(sql`select c.id, c.name, c.kind,
          exists (select 1 from orgs g where g.parent_id = c.id and g.archived_at is null) as has_children,
          r.metric, sum(r.value) as value
        from orgs c left join rollup_tree_month r on r.org_id = c.id
          and r.month between ${monthDate(from)}::date and ${monthDate(to)}::date and strpos(r.metric, ':') = 0
        where ${parent} and c.archived_at is null
        group by c.id, c.name, c.kind, r.metric order by c.name`),
    );
    const byId = new Map<string, { orgId: string; name: string; kind: string; hasChildren: boolean; figures: Figures }>();
    for (const r of rows) {
      let child = byId.get(r.id);
      if (!child) {
        child = { orgId: r.id, name: r.name, kind: r.kind, hasChildren: r.has_children === true, figures: {} };
        byId.set(r.id, child);
      }
      if (r.metric) addTo(child.figures, r.metric, Number(r.value));
    }
    // Units with something to show first, then by name.
    return [...byId.values()].sort(
      (a, b) => (b.figures.activities ?? 0) - (a.figures.activities ?? 0) || a.name.localeCompare(b.name, 'zh-CN'),
    );
  }

  async function kinds() {
    return rowsOf<{ id: string; name: string }>(await db.execute(sql`select id, name from activity_kinds order by sort, id`)).map((k) => ({
      kindId: k.id,
      name: k.name,
    }));
  }

  async function get(actor: Actor, q: DashboardQuery) {
    const org = await resolveOrg(actor, q.orgId);
    const { from, to } = period(q);
    await flushRollups(db);
    const [rows, kids, kindList, { current, goals }, kept] = await Promise.all([
      monthly(org, from, to),
      children(org, from, to),
      kinds(),
      liveFigures(db, org.path),
      states(org),
    ]);
    Object.assign(current, { care_recipients: 0 }, kept);
    const totals: Figures = {};
    const perMonth = new Map<string, Figures>(monthsBetween(from, to).map((m) => [m, {}]));
    for (const r of rows) {
      addTo(totals, r.metric, Number(r.value));
      addTo(perMonth.get(r.month)!, r.metric, Number(r.value));
    }
    return {
      org: { id: org.id, name: org.name, parentId: org.parentId },
      from,
      to,
      totals,
      months: [...perMonth.entries()].map(([month, figures]) => ({ month, figures })),
      kinds: kindList,
      children: kids,
      current,
      goals,
    };
  }

  return { get, resolveOrg, period };
}

export type DashboardService = ReturnType<typeof createDashboardService>;
