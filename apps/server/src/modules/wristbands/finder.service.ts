import { and, eq, sql } from 'drizzle-orm';
import type { finderAlertSchema } from '@youshe/shared';
import { uuidv7 } from '../../platform/ids.js';
import type { z } from 'zod';
import type { Db, Executor } from '../../db/client.js';
import { wristbands, wristbandScans } from '../../db/schema/index.js';
import { maskPhone, type FieldCrypto } from '../../platform/crypto.js';
import type { Notifier, OutgoingMessage } from '../../platform/notify.js';
import { familyContactsOf, recipientOrgId } from '../care/contacts.js';
import { normaliseCode } from './codes.js';

/** Community partners whose grant covers the recipient's grid, reached through the SMS gateway at their phone. */
async function communityStaff(tx: Executor, gridOrgId: string) {
  const res = await tx.execute(sql`
    select distinct p.id, p.name, p.phone_enc from grants g
      join orgs go on go.id = g.org_id
      join orgs grid on grid.id = ${gridOrgId}
      join accounts ac on ac.id = g.account_id
      join persons p on p.id = ac.person_id
     where g.role = 'community_partner' and grid.path like go.path || '%' and ac.disabled_at is null and p.phone_enc is not null`);
  return (res as unknown as { rows: { id: string; name: string; phone_enc: string }[] }).rows;
}

const mapLink = (lat: number, lng: number) => `https://uri.amap.com/marker?position=${lng.toFixed(6)},${lat.toFixed(6)}&coordinate=wgs84`;

/**
 * The finder's side of a wristband: no account, no personal data out. A page view is a scan (logged, and the
 * family hears of it once an hour at most); the button notifies the family and the community at once.
 */
export function createFinderService(db: Db, crypto: FieldCrypto, notifier: Notifier) {
  async function bandOf(executor: Executor, raw: string) {
    const code = normaliseCode(raw);
    if (!code) return undefined;
    return executor.query.wristbands.findFirst({ where: eq(wristbands.code, code) });
  }

  async function scan(rawCode: string, ip: string | null) {
    const band = await bandOf(db, rawCode);
    // Unknown, unbound and retired codes all get the same friendly answer; nothing to log for codes that don't exist.
    if (!band) return { active: false, scanId: null };
    const active = band.status === 'bound' && band.recipientId !== null;
    const scanId = uuidv7();
    await db.transaction(async (tx) => {
      await tx.insert(wristbandScans).values({
        id: scanId,
        wristbandId: band.id,
        recipientId: band.recipientId,
        ipHash: ip ? crypto.blindIndex('scan-ip', ip) : null,
      });
      if (!active) return;
      const hour = new Date().toISOString().slice(0, 13);
      const gridOrgId = (await recipientOrgId(tx, band.recipientId!)) ?? band.orgId;
      const family = await familyContactsOf(tx, crypto, band.recipientId!);
      await notifier.enqueue(
        tx,
        family.map((f, i) => ({
          kind: 'wristband.scanned',
          channel: f.channel,
          to: f.to,
          toName: f.name,
          subject: '【防走失手环】手环刚被扫描',
          body: `${f.name}您好：您家人佩戴的防走失手环刚刚被人扫描。如果对方按下求助按钮，您会马上收到位置和联系方式。`,
          orgId: gridOrgId,
          refType: 'care_recipient',
          refId: band.recipientId,
          // One heads-up an hour: a finder reloading the page must not flood the family.
          dedupeKey: `wristband.scanned:${band.id}:${hour}:${i}`,
        })),
      );
    });
    return { active, scanId: active ? scanId : null };
  }

  async function alert(rawCode: string, input: z.infer<typeof finderAlertSchema>, ip: string | null) {
    const band = await bandOf(db, rawCode);
    if (!band || band.status !== 'bound' || !band.recipientId) return { notified: false };
    const recipientId = band.recipientId;
    const location = input.lat !== undefined && input.lng !== undefined ? { lat: input.lat, lng: input.lng } : null;
    return db.transaction(async (tx) => {
      // The press belongs to the page view it came from; a press without one (or of another band) is its own scan.
      const viewed = input.scanId
        ? await tx.query.wristbandScans.findFirst({
            where: and(eq(wristbandScans.id, input.scanId), eq(wristbandScans.wristbandId, band.id)),
          })
        : undefined;
      // A second press from the same page has already reached everyone: keep the first report as it was.
      if (viewed?.notifiedAt) return { notified: true };
      const scanId = viewed?.id ?? uuidv7();
      const facts = {
        notifiedAt: new Date(),
        lat: location?.lat ?? null,
        lng: location?.lng ?? null,
        accuracyM: input.accuracy !== undefined ? Math.round(input.accuracy) : null,
        callbackPhoneEnc: input.callbackPhone ? crypto.encrypt(input.callbackPhone) : null,
        callbackPhoneMasked: input.callbackPhone ? maskPhone(input.callbackPhone) : null,
        note: input.note ?? null,
      };
      if (viewed) await tx.update(wristbandScans).set(facts).where(eq(wristbandScans.id, scanId));
      else
        await tx.insert(wristbandScans).values({
          id: scanId,
          wristbandId: band.id,
          recipientId,
          ipHash: ip ? crypto.blindIndex('scan-ip', ip) : null,
          ...facts,
        });
      const where = location
        ? `位置：${mapLink(location.lat, location.lng)}${facts.accuracyM ? `（误差约 ${facts.accuracyM} 米）` : ''}`
        : '对方没有提供位置。';
      // The callback number is shown masked in messages (they are stored as sent); coordinators reveal it, audited.
      const callback = facts.callbackPhoneMasked ? `对方留下了回电号码 ${facts.callbackPhoneMasked}，社区可在平台查看完整号码。` : '';
      const note = facts.note ? `留言：${facts.note}。` : '';
      const gridOrgId = (await recipientOrgId(tx, recipientId)) ?? band.orgId;
      const messages: OutgoingMessage[] = (await familyContactsOf(tx, crypto, recipientId)).map((f, i) => ({
        kind: 'wristband.found',
        channel: f.channel,
        to: f.to,
        toName: f.name,
        subject: '【防走失手环】有人发现了您的家人，请尽快联系',
        body: `${f.name}您好：有好心人扫描了您家人佩戴的防走失手环并请求帮助。${where}${callback}${note}社区已同时收到通知。`,
        // Filed under the grid, so the community that acts on it sees it in its outbox.
        orgId: gridOrgId,
        refType: 'care_recipient',
        refId: recipientId,
        dedupeKey: `wristband.found:${scanId}:family:${i}`,
      }));
      for (const s of await communityStaff(tx, gridOrgId)) {
        messages.push({
          kind: 'wristband.found',
          channel: 'webhook',
          to: crypto.decrypt(s.phone_enc),
          toName: s.name,
          subject: '【防走失手环】辖区老人可能需要帮助',
          body: `有人扫描了辖区一位老人的防走失手环（编号尾号 ${band.code.slice(-4)}）并请求帮助。${where}${callback}${note}请在邮社共建平台“防走失手环”中查看并联系家属。`,
          link: `/wristbands/${band.id}`,
          orgId: gridOrgId,
          refType: 'care_recipient',
          refId: recipientId,
          dedupeKey: `wristband.found:${scanId}:staff:${s.id}`,
        });
      }
      await notifier.enqueue(tx, messages);
      return { notified: true };
    });
  }

  return { scan, alert };
}

export type FinderService = ReturnType<typeof createFinderService>;
