import assert from 'node:assert/strict';
import { container } from '@sapphire/framework';
import { coreEntities } from '../src/lib/database/entities';
import { createOrm } from '../src/lib/database/orm';
import { createLogger, setLogger, logger } from '../src/lib/logging/logger';
import { Redactor } from '../src/lib/logging/redact';
import { SystemLogService } from '../src/lib/logging/SystemLogService';
import { bot } from './setup/bot';

describe('logging', () => {
  it('GIVEN secrets in a message THEN the redactor removes known values and token-shaped strings', () => {
    const redactor = new Redactor(['hunter2-longer']);
    const token = `${'M'.repeat(26)}.GAbcde.${'x'.repeat(38)}`;
    const text = redactor.redact(
      `token ${token} url postgres://bot:pa55word@db/x password hunter2-longer auth Bearer abcdefghijkl`,
    );
    assert.equal(
      text,
      'token [redacted] url postgres://bot:[redacted]@db/x password [redacted] auth Bearer [redacted]',
    );
  });

  it('GIVEN the database is unreachable THEN system log events go to the log, and nothing throws', async () => {
    const url = new URL(bot().database.url);
    url.port = '1';
    const orm = await createOrm({ url: url.toString(), entities: coreEntities, connect: false });
    const lines: string[] = [];
    const previous = logger;
    const capture = createLogger('info', 'json');
    capture.on('data', (info: { message: string }) => lines.push(info.message));
    setLogger(capture);
    try {
      const service = new SystemLogService(orm);
      service.record({ type: 'plugin', title: 'Plugin dice disabled', guildId: '123456789012345678' });
      await service.stop();
    } finally {
      setLogger(previous);
      await orm.close();
    }
    assert.ok(lines.some((line) => line.includes('Could not write 1 system log events')));
    assert.ok(lines.some((line) => line.includes('[system-log] plugin: Plugin dice disabled')));
  });

  it('GIVEN an event with a token in it THEN the stored row is redacted', async () => {
    const token = `${'N'.repeat(24)}.Gxxxxx.${'y'.repeat(30)}`;
    container.mellow.systemLog.record({ type: 'error', title: `failed with ${token}`, description: `desc ${token}` });
    await container.mellow.systemLog.flush();
    const rows = await container.mellow.orm.em
      .getConnection()
      .execute<{ title: string; description: string }[]>(
        "select title, description from system_log where type = 'error' and title like 'failed with%'",
      );
    assert.deepEqual(rows, [{ title: 'failed with [redacted]', description: 'desc [redacted]' }]);
  });

  it('GIVEN events older than the retention period THEN pruning deletes them and keeps the rest', async () => {
    const connection = container.mellow.orm.em.getConnection();
    await connection.execute(
      "insert into system_log (type, title, created_at) values ('guild', 'prune: old', now() - interval '91 days'), ('guild', 'prune: recent', now() - interval '89 days')",
    );
    const service = new SystemLogService(container.mellow.orm, { retentionDays: 90 });
    assert.ok((await service.prune()) >= 1);
    const rows = await connection.execute<{ title: string }[]>(
      "select title from system_log where title like 'prune:%'",
    );
    assert.deepEqual(
      rows.map((row) => row.title),
      ['prune: recent'],
    );
  });
});
