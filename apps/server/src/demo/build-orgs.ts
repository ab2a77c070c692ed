import { sideOfKind } from '@youshe/shared';
import type { orgs } from '../db/schema/index.js';
import { demoOrgTree, flatten } from './data/tree.js';
import type { OrgSpec } from './data/types.js';
import { DemoClock, DemoRandom } from './random.js';

export type OrgInsert = typeof orgs.$inferInsert & { id: string; path: string; depth: number };

export interface BuiltOrg {
  row: OrgInsert;
  spec: OrgSpec;
  parentKey: string | null;
}

/** The demo tree as rows, with the same materialised path and depth the orgs repository computes. */
export function buildOrgs(rng: DemoRandom, clock: DemoClock): Map<string, BuiltOrg> {
  const byKey = new Map<string, BuiltOrg>();
  for (const { spec, parentKey } of flatten(demoOrgTree())) {
    if (byKey.has(spec.key)) throw new Error(`demo org key used twice: ${spec.key}`);
    const parent = parentKey ? byKey.get(parentKey)!.row : null;
    const at = clock.tick();
    const id = rng.uuid(at.getTime());
    byKey.set(spec.key, {
      spec,
      parentKey,
      row: {
        id,
        parentId: parent?.id ?? null,
        path: `${parent?.path ?? '/'}${id}/`,
        depth: parent ? parent.depth + 1 : 0,
        kind: spec.kind,
        side: sideOfKind(spec.kind),
        name: spec.name,
        shortName: spec.shortName ?? null,
        code: spec.code ?? null,
        createdAt: at,
        updatedAt: at,
      },
    });
  }
  return byKey;
}

/** The chain of keys from the root down to `key`. */
export function ancestry(byKey: Map<string, BuiltOrg>, key: string): BuiltOrg[] {
  const chain: BuiltOrg[] = [];
  for (let k: string | null = key; k; k = byKey.get(k)!.parentKey) chain.unshift(byKey.get(k)!);
  return chain;
}
