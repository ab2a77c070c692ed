// The outbox's data migrations, each on a database built as the versions before it left it: rows written the
// old way, then the migration, then what it left.
import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { migrate } from '../../db/migrate.js';
import { FieldCrypto, maskName } from '../../platform/crypto.js';
import { uuidv7 } from '../../platform/ids.js';
import { sealNames } from '../../platform/notify.js';
import { withDatabaseBefore } from '../../test/harness.js';

const crypto = new FieldCrypto(randomBytes(32), randomBytes(32));

it('migration 0036 masks the names already stored as maskName does, and takes them out of their texts', async () => {
  await withDatabaseBefore('0036_outbox_names_masked.sql', async (legacy) => {
    // Rows as the outbox kept them before: the name in clear, in its column and in the greeting.
    const names = [
      '王小明',
      '欧阳娜娜',
      '爱新觉罗启星',
      '李',
      ' 张三 ',
      '\u3000赵四\u00a0',
      '\ufeff孙五\n',
      '𠀋一郎',
      'Anna Li',
      ' ',
      '',
      null,
    ];
    const rows = names.map((name) => ({
      id: uuidv7(),
      name,
      subject: `给${name ?? ''}的探访报告`,
      body: `${name ?? ''}您好：今日探访一切正常`,
    }));
    await legacy.withConnection(async (query) => {
      for (const r of rows)
        await query(
          `insert into outbox_messages (id, kind, channel, recipient_enc, recipient_masked, recipient_name, subject, body)
           values ($1, 'care.visit_report', 'webhook', 'v1:x', '139****5678', $2, $3, $4)`,
          [r.id, r.name, r.subject, r.body],
        );
    });
    expect(await migrate(legacy)).toContain('0036_outbox_names_masked.sql');

    const after = await legacy.withConnection((query) => query('select * from outbox_messages'));
    for (const r of rows) {
      const stored = after.rows.find((a) => a.id === r.id);
      // What the notifier writes now, but for the encrypted name: the key is the app's, so old rows go without.
      const now = sealNames(crypto, { toName: r.name }, r);
      expect(stored, JSON.stringify(r.name)).toMatchObject({
        recipient_name_masked: r.name ? maskName(r.name) : null,
        recipient_name_enc: null,
        subject: now.subject,
        body: now.body,
      });
      expect(stored).not.toHaveProperty('recipient_name');
    }
  });
});

it('migration 0037 masks the elder’s name already stored in their messages, where the templates put it, and nothing else', async () => {
  await withDatabaseBefore('0037_outbox_about_names_masked.sql', async (legacy) => {
    const grid = uuidv7();
    const elder = uuidv7();
    // [ref_type, subject, body] as the care module wrote them before, and what the migration should leave.
    const cases: [string, string, string, string, string][] = [
      [
        'care_recipient',
        '张桂英的探访报告（12/7 18:18）',
        '{{toName}}您好：李建国于12/7 18:18探访了张桂英，上门见到了老人。',
        '张**的探访报告（12/7 18:18）',
        '{{toName}}您好：李建国于12/7 18:18探访了张**，上门见到了老人。',
      ],
      [
        'care_recipient',
        '【关爱提醒】张桂英需要关注',
        '{{toName}}您好：情况紧急。',
        '【关爱提醒】张**需要关注',
        '{{toName}}您好：情况紧急。',
      ],
      [
        'care_recipient',
        '【关爱提醒】请帮忙看看张桂英',
        '{{toName}}您好：您是张桂英登记的信任邻居。',
        '【关爱提醒】请帮忙看看张**',
        '{{toName}}您好：您是张**登记的信任邻居。',
      ],
      ['care_recipient', '【关爱提醒·紧急】五心苑 第一网格 张桂英', '情况紧急。', '【关爱提醒·紧急】五心苑 第一网格 张**', '情况紧急。'],
      // Escalations wrote the masked name already; a wristband message never named the elder.
      ['care_recipient', '【关爱提醒·留意】第一网格 张**', '无人确认', '【关爱提醒·留意】第一网格 张**', '无人确认'],
      ['care_recipient', '【防走失手环】手环刚被扫描', '张桂英', '【防走失手环】手环刚被扫描', '张桂英'],
      // A name that does not mask to the elder's masked name is not theirs; nor is a message of another kind of record.
      ['care_recipient', '李四的探访报告（12/7 18:18）', '探访了李四', '李四的探访报告（12/7 18:18）', '探访了李四'],
      ['signup', '张桂英的探访报告（12/7 18:18）', '探访了张桂英', '张桂英的探访报告（12/7 18:18）', '探访了张桂英'],
    ];
    const ids = cases.map(() => uuidv7());
    await legacy.withConnection(async (query) => {
      await query(`insert into orgs (id, path, depth, kind, side, name) values ($1, $2, 0, 'grid', 'community', '第一网格')`, [
        grid,
        `/${grid}/`,
      ]);
      await query(
        `insert into care_recipients (id, org_id, name_masked, circumstances, frequency, interval_days, help_wanted, extra_items, missed_after)
         values ($1, $2, '张**', '{}', 'weekly', 7, '{}', '{}', now())`,
        [elder, grid],
      );
      for (const [i, [refType, subject, body]] of cases.entries())
        await query(
          `insert into outbox_messages (id, kind, channel, recipient_enc, recipient_masked, subject, body, ref_type, ref_id)
           values ($1, 'care.alert', 'webhook', 'v1:x', '139****5678', $2, $3, $4, $5)`,
          [ids[i], subject, body, refType, elder],
        );
    });
    expect(await migrate(legacy)).toContain('0037_outbox_about_names_masked.sql');

    const after = await legacy.withConnection((query) => query('select * from outbox_messages'));
    for (const [i, [, subject, , wantSubject, wantBody]] of cases.entries())
      expect(
        after.rows.find((a) => a.id === ids[i]),
        subject,
      ).toMatchObject({ subject: wantSubject, body: wantBody, about_name_masked: null, about_name_enc: null });
  });
});
