import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { loadConfig } from '../config';
import { createLogger, logger, setLogger } from '../src/lib/logging/logger';
import { setupPlugins } from '../src/lib/plugins/setup';
import { createTestDatabase } from '../src/testkit/database';

describe('plugin setup', () => {
  it('GIVEN a plugin that stores data without export and delete hooks THEN the operator is warned', async () => {
    const database = await createTestDatabase();
    const lines: string[] = [];
    const previous = logger;
    const capture = createLogger('warn', 'json');
    capture.on('data', (info: { message: string }) => lines.push(info.message));
    setLogger(capture);
    try {
      const config = loadConfig({ DISCORD_TOKEN: 'unused', PLUGINS: resolve(__dirname, 'fixtures/plugins/hookless') });
      const { orm, registry } = await setupPlugins(config, database.url, { runLoadHooks: false });
      await orm.close();
      assert.equal(registry.get('hookless')?.status, 'loaded');
    } finally {
      setLogger(previous);
      await database.drop();
    }
    assert.ok(
      lines.some((line) => /Plugin hookless stores data but has no exportUserData\/deleteUserData hooks/.test(line)),
    );
  });
});
