import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../config';
import { secretsOf } from '../config/build';
import { runTs } from './childProcess';

describe('configuration', () => {
  it('GIVEN several bad keys THEN one error names every key and the fix, without values', () => {
    const secret = 'postgres://mellow:hunter2-secret@db:5432/x';
    assert.throws(
      () =>
        loadConfig({
          DATABASE_URL: secret.replace('postgres:', 'mysql:'),
          HEALTH_PORT: 'abc',
          OWNER_IDS: '12,abc',
          COMMAND_SCOPE: 'everywhere',
        }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.deepEqual(
          error.problems.map((problem) => problem.split(' ')[0]),
          ['DISCORD_TOKEN', 'DATABASE_URL', 'HEALTH_PORT', 'OWNER_IDS', 'COMMAND_SCOPE'],
        );
        assert.match(error.message, /\.env\.example/);
        assert.doesNotMatch(error.message, /hunter2/);
        return true;
      },
    );
  });

  it('GIVEN only a token THEN the documented defaults apply', () => {
    const config = loadConfig({ DISCORD_TOKEN: 'x'.repeat(10) });
    assert.equal(config.redisUrl, 'redis://127.0.0.1:6379');
    assert.equal(config.healthPort, 8080);
    assert.equal(config.messagePrefix, '!');
    assert.equal(config.databaseUrl, undefined);
    assert.deepEqual(config.ownerIds, []);
  });

  it('GIVEN bad config THEN `npm start` exits non-zero with the message and no stack trace, before connecting', async () => {
    const child = runTs('src/index.ts', {
      DISCORD_TOKEN: '',
      HEALTH_PORT: '99999',
      REDIS_URL: 'http://nope',
      DATABASE_URL: '',
    });
    const code = await child.exit;
    assert.equal(code, 1);
    const output = child.output();
    assert.match(output, /Mellow can't start: 3 settings are wrong/);
    assert.match(output, /DISCORD_TOKEN is empty/);
    assert.match(output, /HEALTH_PORT must be a port number/);
    assert.match(output, /REDIS_URL must be a redis: or rediss: URL/);
    assert.doesNotMatch(output, /\n\s+at /, 'no stack trace');
  });

  it('GIVEN plugin secrets in the environment THEN they are treated as secrets too', () => {
    const config = loadConfig({
      DISCORD_TOKEN: 'discord-token-value',
      TWITTER_API_SECRET: 'twitter-secret-value',
      AI_API_KEY: 'ai-key-value',
      REDIS_URL: 'redis://:redis-password@127.0.0.1:6379',
      MESSAGE_PREFIX: '!!',
    });
    const secrets = secretsOf(config);
    for (const value of ['discord-token-value', 'twitter-secret-value', 'ai-key-value', 'redis-password']) {
      assert.ok(secrets.includes(value), value);
    }
    assert.ok(!secrets.includes('!!'));
  });
});
