import { WRISTBAND_CODE_LENGTH } from '@youshe/shared';
import type { careContacts, careRecipients, outboxMessages, wristbands, wristbandScans } from '../db/schema/index.js';
import { maskPhone, type FieldCrypto } from '../platform/crypto.js';
import { opened } from '../modules/care/contacts.js';
import { sealNames } from '../platform/notify.js';
import { DAY, DEMO_TODAY, DemoRandom, HOUR } from './random.js';
import { lookups, type DemoWorld } from './world.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * 五心苑社区's free yellow wristbands (防走失黄手环): a batch of 30, three worn by recipients with dementia or
 * frailty, and one found last week by a passer-by who pressed the button — the family's message is in the outbox.
 */
export function buildWristbands(
  seed: number,
  world: DemoWorld,
  crypto: FieldCrypto,
  care: { recipients: (typeof careRecipients.$inferInsert)[]; contacts: (typeof careContacts.$inferInsert)[] },
) {
  const rng = new DemoRandom(seed ^ 0x3a7c);
  const { orgId, accountId } = lookups(world);
  const org = orgId('czc-benniu');
  const at = DEMO_TODAY - 60 * DAY;
  const batch = {
    id: rng.uuid(at),
    orgId: org,
    label: '2024年冬季第一批',
    size: 30,
    createdBy: accountId('cz-community'),
    createdAt: new Date(at),
  };
  const used = new Set<string>();
  const code = () => {
    for (;;) {
      const c = Array.from({ length: WRISTBAND_CODE_LENGTH }, () => ALPHABET[rng.int(0, 31)]).join('');
      if (!used.has(c)) return (used.add(c), c);
    }
  };
  const bands: (typeof wristbands.$inferInsert)[] = Array.from({ length: batch.size }, (_, i) => ({
    id: rng.uuid(at + i + 1),
    code: code(),
    batchId: batch.id,
    orgId: org,
    status: 'unbound',
    createdAt: new Date(at),
    statusChangedAt: new Date(at),
  }));
  const wearers = care.recipients.slice(0, 3);
  wearers.forEach((r, i) =>
    Object.assign(bands[i]!, {
      status: 'bound',
      recipientId: r.id,
      boundAt: new Date(at + (i + 1) * DAY),
      statusChangedAt: new Date(at + (i + 1) * DAY),
    }),
  );

  const scans: (typeof wristbandScans.$inferInsert)[] = [];
  const messages: (typeof outboxMessages.$inferInsert)[] = [];
  const found = bands[0]!;
  const wearer = wearers[0];
  if (wearer) {
    const foundAt = DEMO_TODAY - 5 * DAY + 7 * HOUR;
    const callback = '13961234567';
    const scanId = rng.uuid(foundAt);
    scans.push({ id: rng.uuid(foundAt - 3 * DAY), wristbandId: found.id!, recipientId: wearer.id, scannedAt: new Date(foundAt - 3 * DAY) });
    scans.push({
      id: scanId,
      wristbandId: found.id!,
      recipientId: wearer.id,
      scannedAt: new Date(foundAt),
      notifiedAt: new Date(foundAt + 60_000),
      lat: 31.9131,
      lng: 119.8169,
      accuracyM: 20,
      callbackPhoneEnc: crypto.encrypt(callback),
      callbackPhoneMasked: maskPhone(callback),
      note: '老人在奔牛菜场门口，说找不到回家的路',
    });
    const where = '位置：https://uri.amap.com/marker?position=119.816900,31.913100&coordinate=wgs84（误差约 20 米）';
    care.contacts
      .filter((c) => c.recipientId === wearer.id && c.kind === 'family')
      .forEach((c, i) => {
        const name = opened(crypto, c.name, c.nameEnc ?? null);
        messages.push({
          id: rng.uuid(foundAt + 60_000 + i),
          kind: 'wristband.found',
          channel: c.channel,
          // The contact's address as the care module sealed it: the same key encrypts both.
          recipientEnc: c.addressEnc,
          recipientMasked: c.addressMasked,
          // Sealed as the notifier seals it: the name masked and encrypted, and out of the texts.
          ...sealNames(
            crypto,
            { toName: name },
            {
              subject: '【防走失手环】有人发现了您的家人，请尽快联系',
              body: `${name}您好：有好心人扫描了您家人佩戴的防走失手环并请求帮助。${where}对方留下了回电号码 ${maskPhone(callback)}，社区可在平台查看完整号码。留言：老人在奔牛菜场门口，说找不到回家的路。社区已同时收到通知。`,
            },
          ),
          orgId: wearer.orgId,
          refType: 'care_recipient',
          refId: wearer.id,
          dedupeKey: `wristband.found:${scanId}:family:${i}`,
          status: 'held',
          createdAt: new Date(foundAt + 60_000),
          nextAttemptAt: new Date(foundAt + 60_000),
        });
      });
  }
  return { batches: [batch], bands, scans, messages };
}
