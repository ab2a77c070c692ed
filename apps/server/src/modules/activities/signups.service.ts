import type { Signup, SignupStatus, signupRequestSchema, staffCheckinSchema } from '@youshe/shared';
import { uuidv7 } from '../../platform/ids.js';
import type { z } from 'zod';
import type { Db, Executor } from '../../db/client.js';
import type { Actor } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { maskPhone, randomToken, type FieldCrypto } from '../../platform/crypto.js';
import { AppError, invalidField, sqlStateOf } from '../../platform/errors.js';
import { createWriteBatcher } from '../../platform/write-batcher.js';
import type { Notifier } from '../../platform/notify.js';
import type { ActivitiesService } from './activities.service.js';
import { activitiesRepository, type ActivityRow } from './activities.repository.js';
import { attendanceOfActivity } from './attendance.js';
import { signupsRepository as repo, type SelfCheckInOutcome, type SignupRow } from './signups.repository.js';

const OPEN = ['published', 'in_progress'];
const LIVE = ['confirmed', 'waitlisted', 'offered'];

export interface SignupOptions {
  /** How long a freed place is held for the next person on the waiting list. */
  offerMinutes: number;
}

/** What a resident's own check-in answers. */
export interface SelfCheckInResult {
  name: string;
  method: 'self' | 'staff' | 'walkin';
  firstTime: boolean;
}

/** What staff at the door see: also the attendance now, counted from the check-ins. */
export interface CheckInResult extends SelfCheckInResult {
  attendanceCount: number;
}

export function createSignupsService(
  db: Db,
  crypto: FieldCrypto,
  activities: ActivitiesService,
  notifier: Notifier,
  options: SignupOptions = { offerMinutes: 120 },
) {
  async function openActivity(token: string): Promise<ActivityRow> {
    const activity = await activitiesRepository.findByToken(db, token);
    // A draft has no public page yet: for residents it does not exist.
    if (!activity || activity.status === 'draft') throw new AppError('not_found');
    return activity;
  }

  async function present(tx: Executor, row: SignupRow, activityToken: string): Promise<Signup> {
    return {
      code: row.code,
      status: row.status as SignupStatus,
      name: row.name,
      phoneMasked: row.phoneMasked ?? '',
      waitlistPosition: row.status === 'waitlisted' ? await repo.waitlistPosition(tx, row) : null,
      offerExpiresAt: row.status === 'offered' && row.offerExpiresAt ? row.offerExpiresAt.toISOString() : null,
      checkedIn: row.checkedInAt !== null,
      activityToken,
    };
  }

  /** A freed place goes to the next person waiting, held for a while; with nobody waiting it is simply free. */
  async function passPlaceOn(tx: Executor, activityId: string) {
    const next = await repo.nextWaiting(tx, activityId);
    if (!next) return repo.releasePlace(tx, activityId);
    const expiresAt = new Date(Date.now() + options.offerMinutes * 60_000);
    await repo.setStatus(tx, next.id, 'offered', expiresAt);
    if (next.phoneEnc) await tellOfOffer(tx, activityId, { ...next, phoneEnc: next.phoneEnc }, expiresAt);
  }

  /** The person next in line hears of the freed place by text message, with the link to take it up. */
  async function tellOfOffer(
    tx: Executor,
    activityId: string,
    to: { id: string; code: string; name: string; phoneEnc: string },
    until: Date,
  ) {
    const activity = (await activitiesRepository.findById(tx, activityId))!;
    const deadline = new Intl.DateTimeFormat('zh-CN', {
      timeZone: 'Asia/Shanghai',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    }).format(until);
    await notifier.enqueue(tx, [
      {
        kind: 'signup.offer',
        channel: 'webhook',
        to: crypto.decrypt(to.phoneEnc),
        toName: to.name,
        subject: `「${activity.title}」有空位了`,
        body: `${to.name}您好，您候补的活动「${activity.title}」有名额空出，为您保留到 ${deadline}，请打开链接确认参加。`,
        link: `/s/${to.code}`,
        orgId: activity.orgId,
        refType: 'signup',
        refId: to.id,
        // A sign-up is offered a place at most once.
        dedupeKey: `signup.offer:${to.id}`,
      },
    ]);
  }

  /** Offers nobody took up in time lapse, and their places move on down the list. */
  async function expireOffers(tx: Executor, activityId: string) {
    for (const offer of await repo.expiredOffers(tx, activityId)) {
      if (await repo.changeStatus(tx, offer.id, ['offered'], 'expired')) await passPlaceOn(tx, activityId);
    }
  }

  async function publicView(token: string) {
    const activity = await openActivity(token);
    await db.transaction((tx) => expireOffers(tx, activity.id));
    const a = await activities.getUnchecked(activity.id);
    return {
      title: a.title,
      kindName: a.kindName,
      startsAt: a.startsAt,
      endsAt: a.endsAt,
      location: a.location ?? a.placeName,
      description: a.description,
      organisers: a.organisers.map((o) => o.name),
      status: a.status,
      capacity: a.capacity,
      placesLeft: a.capacity === null ? null : Math.max(0, a.capacity - a.takenCount),
      waitlistCount: a.waitlistCount,
    };
  }

  async function signUp(token: string, input: z.infer<typeof signupRequestSchema>) {
    const activity = await openActivity(token);
    if (!OPEN.includes(activity.status)) throw invalidField('activity', 'custom', 'signup_closed');
    const phoneBidx = crypto.blindIndex('phone', input.phone);
    return db.transaction(async (tx) => {
      await expireOffers(tx, activity.id);
      const id = uuidv7();
      const code = randomToken().slice(0, 16);
      const inserted = await repo.insertIfNew(tx, {
        id,
        activityId: activity.id,
        code,
        name: input.name,
        phoneEnc: crypto.encrypt(input.phone),
        phoneBidx,
        phoneMasked: maskPhone(input.phone),
        status: 'waitlisted',
        consentAt: new Date(),
      });
      // The same phone again (a double tap, a retry after a dropped connection): the first sign-up stands.
      if (!inserted) return present(tx, (await repo.findLiveByPhone(tx, activity.id, phoneBidx))!, token);
      if (await repo.takePlace(tx, activity.id)) await repo.setStatus(tx, id, 'confirmed');
      await recordAudit(tx, null, { action: 'signup.create', entity: 'signup', entityId: id, details: { activityId: activity.id } });
      return present(tx, (await repo.findByCode(tx, code))!, token);
    });
  }

  async function mine(code: string) {
    const row = await repo.findByCode(db, code);
    if (!row) throw new AppError('not_found');
    const activity = (await activitiesRepository.findById(db, row.activityId))!;
    return db.transaction(async (tx) => {
      await expireOffers(tx, row.activityId);
      return present(tx, (await repo.findByCode(tx, code))!, activity.publicToken);
    });
  }

  async function cancel(code: string) {
    const row = await repo.findByCode(db, code);
    if (!row) throw new AppError('not_found');
    const activity = (await activitiesRepository.findById(db, row.activityId))!;
    await db.transaction(async (tx) => {
      await expireOffers(tx, row.activityId);
      if (await repo.changeStatus(tx, row.id, ['confirmed', 'offered'], 'cancelled')) await passPlaceOn(tx, row.activityId);
      else await repo.changeStatus(tx, row.id, ['waitlisted'], 'cancelled');
      await recordAudit(tx, null, { action: 'signup.cancel', entity: 'signup', entityId: row.id, details: { activityId: row.activityId } });
    });
    return mine(code).then((s) => ({ ...s, activityToken: activity.publicToken }));
  }

  /** Takes up a place offered from the waiting list, if the offer still stands. */
  async function accept(code: string) {
    const row = await repo.findByCode(db, code);
    if (!row) throw new AppError('not_found');
    const accepted = await db.transaction(async (tx) => {
      await expireOffers(tx, row.activityId);
      return repo.changeStatus(tx, row.id, ['offered'], 'confirmed');
    });
    if (!accepted) {
      const now = await mine(code);
      if (now.status !== 'confirmed') throw invalidField('code', 'custom', 'offer_not_open');
      return now;
    }
    return mine(code);
  }

  async function checkInRow(tx: Executor, row: SignupRow, method: 'staff' | 'walkin'): Promise<CheckInResult> {
    const firstTime = await repo.checkIn(tx, row.id, method);
    return { name: row.name, method, firstTime, attendanceCount: await attendanceOfActivity(tx, row.activityId) };
  }

  /**
   * Self check-ins arriving together (a queue at the door, all scanning the poster) share one
   * statement and one commit; between processes the statement itself settles who was first. One
   * batch at a time: a second lane made batches half as large and cost more than it overlapped
   * (bench:checkin: 17,201 and 17,813 scans a second with one, 15,985 and 15,835 with two, and at a
   * steady 6,600 a second 1.23–1.29 cores of the machine busy against 1.50).
   */
  const selfCheckIns = createWriteBatcher<{ token: string; code: string }, SelfCheckInResult>({
    maxItems: 256,
    async run(items) {
      for (let attempt = 1; ; attempt++) {
        try {
          return (await repo.selfCheckInBatch(db, items)).map(selfOutcome);
        } catch (err) {
          // A batch locks its sign-ups in one order, so two processes' batches queue rather than deadlock;
          // should the database still abort one as a deadlock, the whole statement simply runs again.
          if (sqlStateOf(err) !== '40P01' || attempt >= 5) throw err;
        }
      }
    },
  });

  function selfOutcome(o: SelfCheckInOutcome): SelfCheckInResult | AppError {
    // A draft has no public page yet: for residents it does not exist.
    if (o.activityStatus === null || o.activityStatus === 'draft') return new AppError('not_found');
    if (!OPEN.includes(o.activityStatus)) return invalidField('activity', 'custom', 'checkin_closed');
    if (o.status === null) return new AppError('not_found');
    if (o.status !== 'confirmed') return invalidField('code', 'custom', 'not_confirmed');
    return { name: o.name, method: 'self', firstTime: o.firstTime };
  }

  /** A resident scans the activity's QR poster with their own phone, which remembers their sign-up code. */
  function selfCheckIn(token: string, code: string): Promise<SelfCheckInResult> {
    return selfCheckIns.submit({ token, code });
  }

  /**
   * A resident whose phone lost the code (another phone, cleared storage) checks in with the name and
   * number they signed up with. Both must match; a mismatch reads as "no such sign-up".
   */
  async function selfCheckInByPhone(token: string, input: { name: string; phone: string }): Promise<SelfCheckInResult> {
    const activity = await openActivity(token);
    const row = await repo.findLiveByPhone(db, activity.id, crypto.blindIndex('phone', input.phone));
    if (!row || row.name.trim() !== input.name.trim()) throw new AppError('not_found');
    return selfCheckIn(token, row.code);
  }

  /** Staff scan a person's code, or record someone who just walked in. */
  async function staffCheckIn(actor: Actor, activityId: string, input: z.infer<typeof staffCheckinSchema>) {
    const { activity } = await activities.authorised(actor, activityId, 'activity.checkin');
    if (!OPEN.includes(activity.status)) throw invalidField('activity', 'custom', 'checkin_closed');
    return db.transaction(async (tx) => {
      let row: SignupRow | undefined;
      if ('code' in input) {
        row = await repo.findByCode(tx, input.code);
        if (!row || row.activityId !== activityId || !LIVE.includes(row.status)) throw new AppError('not_found');
      } else if (input.walkin.phone) {
        row = await repo.findLiveByPhone(tx, activityId, crypto.blindIndex('phone', input.walkin.phone));
      }
      if (!row) {
        const { name, phone } = 'walkin' in input ? input.walkin : { name: '', phone: null };
        const id = uuidv7();
        await repo.insertIfNew(tx, {
          id,
          activityId,
          code: randomToken().slice(0, 16),
          name,
          phoneEnc: phone ? crypto.encrypt(phone) : null,
          phoneBidx: phone ? crypto.blindIndex('phone', phone) : null,
          phoneMasked: phone ? maskPhone(phone) : null,
          status: 'confirmed',
          walkin: true,
        });
        row = (await tx.query.signups.findFirst({ where: (s, { eq }) => eq(s.id, id) }))!;
      }
      const result = await checkInRow(tx, row, 'code' in input ? 'staff' : 'walkin');
      if (result.firstTime)
        await recordAudit(tx, actor, {
          action: 'signup.checkin',
          entity: 'signup',
          entityId: row.id,
          details: { activityId, method: result.method },
        });
      return result;
    });
  }

  async function list(actor: Actor, activityId: string) {
    await activities.authorised(actor, activityId, 'activity.read');
    const rows = await repo.listForActivity(db, activityId);
    return {
      items: rows.map((r) => ({
        id: r.id,
        name: r.name,
        phoneMasked: r.phoneMasked,
        status: r.status as SignupStatus,
        createdAt: r.createdAt.toISOString(),
        checkedInAt: r.checkedInAt ? r.checkedInAt.toISOString() : null,
        walkin: r.walkin,
      })),
    };
  }

  return { publicView, signUp, mine, cancel, accept, selfCheckIn, selfCheckInByPhone, staffCheckIn, list, expireOffers };
}

export type SignupsService = ReturnType<typeof createSignupsService>;
