import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { wristbands, wristbandScans } from '../../db/schema/index.js';

/**
 * A recipient's wristband scans, newest first, for the family's page: when, whether help was asked, where.
 * The finder's callback number is not included (the family got it masked; the community reveals it).
 */
export async function wristbandScansOf(executor: Executor, recipientId: string, limit = 20) {
  const rows = await executor
    .select({
      scannedAt: wristbandScans.scannedAt,
      notifiedAt: wristbandScans.notifiedAt,
      lat: wristbandScans.lat,
      lng: wristbandScans.lng,
    })
    .from(wristbandScans)
    .where(eq(wristbandScans.recipientId, recipientId))
    .orderBy(desc(wristbandScans.scannedAt))
    .limit(limit);
  return rows.map((r) => ({ scannedAt: r.scannedAt.toISOString(), helpAsked: r.notifiedAt !== null, lat: r.lat, lng: r.lng }));
}

/**
 * When consent is withdrawn or the data is deleted on request: the recipient's bands are retired (a scan then
 * alerts nobody) and the scans, which tell where they were, are deleted. Call it in the erasing transaction.
 */
export async function forgetRecipientWristbands(tx: Executor, recipientId: string): Promise<void> {
  await tx
    .update(wristbands)
    .set({ status: 'retired', recipientId: null, statusChangedAt: new Date() })
    .where(and(eq(wristbands.recipientId, recipientId), inArray(wristbands.status, ['bound', 'lost', 'unbound'])));
  await tx.delete(wristbandScans).where(eq(wristbandScans.recipientId, recipientId));
}
