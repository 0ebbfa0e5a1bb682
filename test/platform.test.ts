import assert from 'node:assert/strict';
import { container } from '@sapphire/framework';
import { createWorld, eventually } from './setup/world';
import { bot } from './setup/bot';

describe('health, metrics and migrations', () => {
  let world: ReturnType<typeof createWorld>;
  before(() => (world = createWorld()));

  it('GIVEN everything is up THEN /health answers 200 with each component up', async () => {
    const response = await fetch(`${bot().httpUrl}/health`);
    assert.equal(response.status, 200);
    const body = (await response.json()) as Record<string, { up: boolean }> & { status: string };
    assert.equal(body.status, 'ok');
    assert.ok(body.gateway.up && body.database.up && body.scheduler.up);
  });

  it('GIVEN a command ran THEN /metrics counts it by command, plugin and outcome', async () => {
    await world.bob.slash(world.general, 'ping');
    await world.bob.slash(world.general, 'roll', { dice: '2d6' });
    const text = await (await fetch(`${bot().httpUrl}/metrics`)).text();
    assert.match(text, /mellow_commands_total\{command="ping",plugin="core",outcome="success"\} [1-9]/);
    assert.match(text, /mellow_commands_total\{command="roll",plugin="dice",outcome="success"\} [1-9]/);
    assert.match(text, /mellow_command_duration_seconds_bucket/);
    assert.match(text, /mellow_plugin_load_failures 4/);
    assert.match(text, /nodejs_eventloop_lag_seconds/);
    assert.match(text, /mellow_gateway_ping_seconds/);
  });

  it('GIVEN plugins with migrations THEN each is tracked on its own, and a failing one leaves nothing behind', async () => {
    const connection = container.mellow.orm.em.getConnection();
    const rows = await connection.execute<{ owner: string; name: string }[]>(
      "select owner, name from mellow_migrations where owner in ('core', 'gated', 'failing-migration') order by owner, name",
    );
    assert.deepEqual(rows, [
      { owner: 'core', name: 'Migration20261122000000_core' },
      { owner: 'gated', name: 'Migration20261122000000_gated' },
    ]);
    const tables = await connection.execute<{ table_name: string }[]>(
      "select table_name from information_schema.tables where table_schema = 'public' and table_name in ('gated_note', 'failing_first')",
    );
    assert.deepEqual(
      tables.map((row) => row.table_name),
      ['gated_note'],
    );
  });

  it('GIVEN the migrations ran THEN the entities match the schema exactly', async () => {
    const diff = await container.mellow.orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
    assert.equal(diff.trim(), '');
  });

  it('GIVEN a command THEN it is recorded in the system log', async () => {
    await world.carol.slash(world.general, 'help');
    await eventually(async () => {
      await container.mellow.systemLog.flush();
      const rows = await container.mellow.orm.em
        .getConnection()
        .execute<{ title: string }[]>(
          "select title from system_log where type = 'command' and guild_id = ? and user_id = ?",
          [world.guild.id, world.carol.id],
        );
      assert.deepEqual(
        rows.map((row) => row.title),
        ['help (success)'],
      );
    });
  });
});
