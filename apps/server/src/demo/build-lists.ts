import type { needs, projects, resources } from '../db/schema/index.js';
import { NEEDS, PROJECTS, RESOURCES } from './data/lists.js';
import { DemoRandom, shanghai } from './random.js';
import { lookups, uniqueToken, type DemoWorld } from './world.js';

/** A need before sealing: a resident's phone still in plain text. */
export type PlainNeed = Omit<typeof needs.$inferInsert, 'requesterPhoneEnc' | 'requesterPhoneMasked'> & {
  id: string;
  requesterPhone: string | null;
};

/** Length of a resident's tracking code, as the public page makes it. */
const TRACKING_CODE_LENGTH = 16;

/**
 * Resources, needs and projects. A need's status follows from its project, the way the projects
 * service moves it: matched while a project runs, done when the project is done, open without one.
 */
export function buildLists(rng: DemoRandom, world: DemoWorld) {
  const { orgId, accountId, peopleOf } = lookups(world);

  const resourceIds = new Map<string, string>();
  const resourceRows: (typeof resources.$inferInsert)[] = RESOURCES.map((r) => {
    const at = shanghai(r.at);
    const id = rng.uuid(at.getTime());
    resourceIds.set(r.key, id);
    return {
      id,
      orgId: orgId(r.owner),
      title: r.title,
      description: r.description,
      available: r.available ?? true,
      createdBy: accountId(r.by),
      createdAt: at,
      updatedAt: at,
    };
  });

  const needIds = new Map<string, string>();
  const codes = new Set<string>();
  const needRows: PlainNeed[] = NEEDS.map((n) => {
    const at = shanghai(n.at);
    const id = rng.uuid(at.getTime());
    needIds.set(n.key, id);
    const project = PROJECTS.find((p) => p.need === n.key);
    let requester: { name: string; phone: string } | null = null;
    if (n.source === 'resident') {
      // One of the community's own residents: an elderly one when there is one with a phone.
      const withPhone = peopleOf(n.org).filter((p) => p.kinds.includes('resident') && p.phone);
      const elderly = withPhone.filter((p) => !p.kinds.includes('volunteer'));
      const who = rng.pick(elderly.length ? elderly : withPhone);
      requester = { name: who.name, phone: who.phone! };
    }
    return {
      id,
      orgId: orgId(n.org),
      kind: n.kind,
      title: n.title,
      description: n.description,
      source: n.source,
      requesterName: requester?.name ?? null,
      requesterPhone: requester?.phone ?? null,
      consentAt: requester ? at : null,
      trackingCode: requester ? uniqueToken(rng, TRACKING_CODE_LENGTH, codes) : null,
      status: project ? (project.done ? 'done' : 'matched') : 'open',
      createdBy: accountId(n.by),
      createdAt: at,
      updatedAt: project ? shanghai(project.done?.at ?? project.at) : at,
    };
  });

  const projectRows: (typeof projects.$inferInsert)[] = PROJECTS.map((p) => {
    const at = shanghai(p.at);
    const doneAt = p.done ? shanghai(p.done.at) : null;
    const need = p.need ? needIds.get(p.need) : null;
    const resource = p.resource ? resourceIds.get(p.resource) : null;
    if (need === undefined || resource === undefined) throw new Error(`demo project ${p.title}: unknown need or resource`);
    return {
      id: rng.uuid(at.getTime()),
      orgId: orgId(p.owner),
      needId: need,
      resourceId: resource,
      title: p.title,
      dueOn: p.dueOn,
      status: p.done ? 'done' : p.claimed ? 'claimed' : 'open',
      claimedBy: p.claimed ? accountId(p.claimed.by) : null,
      claimedAt: p.claimed ? shanghai(p.claimed.at) : null,
      outcome: p.done?.outcome ?? null,
      beneficiaryConfirmed: p.done?.beneficiaryConfirmed ?? false,
      proofNote: p.done?.proofNote ?? null,
      doneAt,
      createdAt: at,
      updatedAt: doneAt ?? at,
    };
  });

  return { resources: resourceRows, needs: needRows, projects: projectRows };
}
