import type {
  activities,
  activityOrganisers,
  activityQuotes,
  activityPartnerships,
  meetingTasks,
  partnershipGoals,
  partnershipMeetings,
  partnershipMembers,
  partnerships,
  signups,
} from '../db/schema/index.js';
import { PAST_ACTIVITIES, UPCOMING_ACTIVITIES, type PastActivitySpec, type UpcomingActivitySpec } from './data/activities.js';
import { PARTNERSHIPS, WUXI_MEETING } from './data/partnerships.js';
import { DAY, DemoClock, DemoRandom, HOUR, MINUTE, afterEpoch, shanghai } from './random.js';
import { lookups, uniqueToken, type DemoWorld } from './world.js';

type ActivityInsert = typeof activities.$inferInsert & { id: string };
/** A sign-up before sealing: the phone still in plain text. */
export type PlainSignup = Omit<typeof signups.$inferInsert, 'phoneEnc' | 'phoneBidx' | 'phoneMasked'> & { id: string; phone: string };

/** Length of an activity's public token and of a sign-up's code, as the application makes them. */
const PUBLIC_TOKEN_LENGTH = 22;
const SIGNUP_CODE_LENGTH = 16;

/**
 * The pairings with their goals and members, the joint activities held under them (closed, with their
 * figures, so that each goal's progress is computed from real records), a few activities still open for
 * sign-up with residents signed up, and the Wuxi pairing's joint meeting with its tasks.
 */
export function buildCoconstruction(rng: DemoRandom, clock: DemoClock, world: DemoWorld) {
  const { org, orgId, placeId, accountId, peopleOf } = lookups(world);
  const partnershipRows: (typeof partnerships.$inferInsert & { id: string })[] = [];
  const memberRows: (typeof partnershipMembers.$inferInsert)[] = [];
  const goalRows: (typeof partnershipGoals.$inferInsert)[] = [];
  const partnershipIds = new Map<string, string>();

  for (const spec of PARTNERSHIPS) {
    const at = shanghai(`${spec.signedOn} 10:00`);
    const id = rng.uuid(at.getTime());
    partnershipIds.set(spec.key, id);
    partnershipRows.push({
      id,
      orgId: orgId(spec.owner),
      title: spec.title,
      signedOn: spec.signedOn,
      startsOn: spec.startsOn,
      endsOn: spec.endsOn,
      renewedFromId: null,
      createdAt: at,
      updatedAt: at,
    });
    for (const key of new Set([spec.owner, ...spec.members])) memberRows.push({ partnershipId: id, orgId: orgId(key) });
    spec.goals.forEach((g, i) =>
      goalRows.push({
        id: rng.uuid(at.getTime()),
        partnershipId: id,
        title: g.title,
        metric: g.metric,
        kindId: g.kind ?? null,
        target: g.target,
        sort: i * 10,
      }),
    );
  }

  const activityRows: ActivityInsert[] = [];
  const organiserRows: (typeof activityOrganisers.$inferInsert)[] = [];
  const linkRows: (typeof activityPartnerships.$inferInsert)[] = [];
  const tokens = new Set<string>();
  const quoteRows: (typeof activityQuotes.$inferInsert)[] = [];
  const quoteIds = new DemoRandom(0x9007e5);

  const addActivity = (
    spec: PastActivitySpec | UpcomingActivitySpec,
    row: Omit<ActivityInsert, 'id' | 'orgId' | 'kindId' | 'title' | 'publicToken'>,
  ) => {
    const id = rng.uuid(row.createdAt!.getTime());
    activityRows.push({
      id,
      orgId: orgId(spec.owner),
      kindId: spec.kind,
      title: spec.title,
      publicToken: uniqueToken(rng, PUBLIC_TOKEN_LENGTH, tokens),
      ...row,
    });
    // The owner is always one of the organisers: that is how an activity is found in anyone's view.
    for (const key of new Set([spec.owner, ...(spec.with ?? [])])) organiserRows.push({ activityId: id, orgId: orgId(key) });
    for (const key of spec.partnerships ?? []) {
      const partnershipId = partnershipIds.get(key);
      if (!partnershipId) throw new Error(`demo activity ${spec.title}: unknown partnership ${key}`);
      linkRows.push({ activityId: id, partnershipId });
    }
    return id;
  };
  const where = (spec: PastActivitySpec | UpcomingActivitySpec) => ({
    placeId: spec.place ? placeId(spec.place) : null,
    location: spec.location ?? null,
    description: spec.description,
    createdBy: accountId(spec.by),
  });

  // Held already: planned ten days ahead, published an hour later, closed with its figures after it ended.
  for (const spec of PAST_ACTIVITIES) {
    const startsAt = shanghai(spec.starts);
    const endsAt = shanghai(spec.ends);
    const createdAt = new Date(startsAt.getTime() - 10 * DAY);
    const closedAt = new Date(endsAt.getTime() + 2 * HOUR);
    const id = addActivity(spec, {
      startsAt,
      endsAt,
      ...where(spec),
      capacity: null,
      status: 'closed',
      takenCount: 0,
      // Counted at the event, before anyone signed up on a phone: a headcount, as the articles give it.
      attendanceByHand: spec.attendance,
      outcome: spec.outcome,
      publishedAt: new Date(createdAt.getTime() + HOUR),
      closedAt,
      createdAt,
      updatedAt: closedAt,
    });
    // Written down at the event; ids from a stream of their own, so the other demo rows stay as they were.
    spec.quotes?.forEach((q, i) =>
      quoteRows.push({ id: quoteIds.uuid(endsAt.getTime() + i), activityId: id, ...q, consentAt: endsAt, createdAt: endsAt }),
    );
  }

  // Still to come: published, with residents of the host community signed up (each place taken counts).
  const signupRows: PlainSignup[] = [];
  const codes = new Set<string>();
  for (const spec of UPCOMING_ACTIVITIES) {
    const createdAt = clock.tick();
    const residents = rng.shuffle(peopleOf(spec.signupsFrom).filter((p) => p.kinds.includes('resident') && p.phone));
    const who = residents.slice(0, Math.min(spec.signups, spec.capacity));
    const id = addActivity(spec, {
      startsAt: afterEpoch(spec.day, spec.from),
      endsAt: afterEpoch(spec.day, spec.to),
      ...where(spec),
      capacity: spec.capacity,
      status: 'published',
      takenCount: who.length,
      outcome: {},
      publishedAt: createdAt,
      closedAt: null,
      createdAt,
      updatedAt: createdAt,
    });
    for (const person of who) {
      const at = clock.tick();
      signupRows.push({
        id: rng.uuid(at.getTime()),
        activityId: id,
        code: uniqueToken(rng, SIGNUP_CODE_LENGTH, codes),
        name: person.name,
        phone: person.phone!,
        status: 'confirmed',
        walkin: false,
        consentAt: at,
        createdAt: at,
        updatedAt: at,
      });
    }
  }

  // The Wuxi pairing's joint meeting: the heads of the member units, the minutes, two tasks with owners.
  const meetingAt = shanghai(`${WUXI_MEETING.heldOn} 17:00`);
  const meetingId = rng.uuid(meetingAt.getTime());
  const head = (key: string) => {
    const person = peopleOf(key)[0];
    if (!person) throw new Error(`demo meeting: nobody in ${key}`);
    return person.name;
  };
  const meetingRows: (typeof partnershipMeetings.$inferInsert)[] = [
    {
      id: meetingId,
      partnershipId: partnershipIds.get(WUXI_MEETING.partnership)!,
      heldOn: WUXI_MEETING.heldOn,
      location: WUXI_MEETING.location,
      attendees: WUXI_MEETING.attendees.map((key) => `${org(key).shortName ?? org(key).name} ${head(key)}`).join('；'),
      minutes: WUXI_MEETING.minutes,
      createdAt: meetingAt,
    },
  ];
  const taskRows: (typeof meetingTasks.$inferInsert)[] = WUXI_MEETING.tasks.map((t) => ({
    id: rng.uuid(meetingAt.getTime() + MINUTE),
    meetingId,
    title: t.title,
    ownerOrgId: orgId(t.owner),
    ownerName: head(t.owner),
    dueOn: t.dueOn,
    doneAt: null,
  }));

  return {
    partnerships: partnershipRows,
    partnershipMembers: memberRows,
    partnershipGoals: goalRows,
    activities: activityRows,
    activityOrganisers: organiserRows,
    activityPartnerships: linkRows,
    activityQuotes: quoteRows,
    signups: signupRows,
    meetings: meetingRows,
    meetingTasks: taskRows,
  };
}
