/**
 * What the database itself says about its tables: columns, primary keys, foreign keys, and an order
 * in which every table comes after the tables it points to. Read from the catalog, not from the
 * Drizzle schema, so that a backup holds every table a migration created, including ones added later.
 */

export type Query = (sql: string, params?: unknown[]) => Promise<{ rows: any[] }>;

export interface TableInfo {
  name: string;
  /** Columns a backup carries: stored columns, not generated ones. */
  columns: string[];
  primaryKey: string[];
  /** Columns with GENERATED ALWAYS AS IDENTITY: inserting them needs OVERRIDING SYSTEM VALUE. */
  identityAlways: boolean;
  /** Foreign keys to other tables. */
  references: string[];
  /** Foreign keys of this table to itself, single-column (e.g. orgs.parent_id → orgs.id). */
  selfReferences: { column: string; referenced: string }[];
}

/** Quotes an identifier for SQL. */
export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function describeTables(query: Query): Promise<TableInfo[]> {
  const tables = (
    await query(`select c.oid::int as oid, c.relname as name from pg_class c
      where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p') and not c.relispartition
      order by c.relname`)
  ).rows as { oid: number; name: string }[];
  const columns = (
    await query(`select a.attrelid::int as oid, a.attname as name, a.attgenerated as generated, a.attidentity as identity
      from pg_attribute a join pg_class c on c.oid = a.attrelid
      where c.relnamespace = current_schema()::regnamespace and a.attnum > 0 and not a.attisdropped
      order by a.attrelid, a.attnum`)
  ).rows as { oid: number; name: string; generated: string; identity: string }[];
  const keys = (
    await query(`select con.conrelid::int as oid, con.contype as type, con.confrelid::int as ref,
        array(select a.attname::text from unnest(con.conkey) with ordinality k(n, ord)
              join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.n order by k.ord) as cols,
        array(select a.attname::text from unnest(con.confkey) with ordinality k(n, ord)
              join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.n order by k.ord) as refcols
      from pg_constraint con
      where con.connamespace = current_schema()::regnamespace and con.contype in ('p', 'f')
      order by con.conname`)
  ).rows as { oid: number; type: string; ref: number; cols: string[]; refcols: string[] }[];

  const nameOf = new Map(tables.map((t) => [t.oid, t.name]));
  return tables.map((t) => {
    const cols = columns.filter((c) => c.oid === t.oid);
    const fks = keys.filter((k) => k.oid === t.oid && k.type === 'f');
    return {
      name: t.name,
      columns: cols.filter((c) => !c.generated).map((c) => c.name),
      primaryKey: keys.find((k) => k.oid === t.oid && k.type === 'p')?.cols ?? [],
      identityAlways: cols.some((c) => c.identity === 'a'),
      references: [
        ...new Set(
          fks
            .filter((k) => k.ref !== t.oid)
            .map((k) => nameOf.get(k.ref)!)
            .filter(Boolean),
        ),
      ].sort(),
      selfReferences: fks
        .filter((k) => k.ref === t.oid && k.cols.length === 1)
        .map((k) => ({ column: k.cols[0]!, referenced: k.refcols[0]! })),
    };
  });
}

/** Tables ordered so that each comes after every table it references (ties broken by name). */
export function dependencyOrder(tables: TableInfo[]): TableInfo[] {
  const remaining = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const out: TableInfo[] = [];
  while (remaining.size) {
    const ready = [...remaining.values()].filter((t) => t.references.every((r) => done.has(r) || !remaining.has(r)));
    if (!ready.length) throw new Error(`tables reference each other in a cycle: ${[...remaining.keys()].join(', ')}`);
    ready.sort((a, b) => a.name.localeCompare(b.name));
    for (const t of ready) {
      out.push(t);
      done.add(t.name);
      remaining.delete(t.name);
    }
  }
  return out;
}

/** ORDER BY for a stable listing: the primary key, or the whole row when there is none. */
export function orderBy(t: TableInfo, alias = 't'): string {
  return t.primaryKey.length ? t.primaryKey.map((c) => `${alias}.${ident(c)}`).join(', ') : `${alias}::text`;
}

/**
 * Puts rows of a self-referencing table in an order where every row comes after the row it points to,
 * keeping the given order otherwise. Rows are JSON texts; only the key columns are read from them.
 */
export function parentsFirst(rows: string[], refs: { column: string; referenced: string }[]): string[] {
  if (!refs.length) return rows;
  const parsed = rows.map((text) => JSON.parse(text) as Record<string, unknown>);
  const key = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
  const emitted = new Set<number>();
  const out: string[] = [];
  // Which row holds each referenced value, per reference.
  const holders = refs.map((r) => new Map(parsed.map((row, i) => [key(row[r.referenced]), i])));
  const visit = (i: number, path: Set<number>) => {
    if (emitted.has(i)) return;
    if (path.has(i)) throw new Error('rows of a self-referencing table form a cycle');
    path.add(i);
    refs.forEach((r, n) => {
      const target = key(parsed[i]![r.column]);
      const j = target === null ? undefined : holders[n]!.get(target);
      if (j !== undefined && j !== i) visit(j, path);
    });
    path.delete(i);
    emitted.add(i);
    out.push(rows[i]!);
  };
  for (let i = 0; i < rows.length; i++) visit(i, new Set());
  return out;
}
