import { FakeX, type FakeUser } from './fakeX/FakeX';

/** The fake X API of this test run, with the bot-wide account's app and tokens. */
export let fakeX: FakeX;
export let botAccount: FakeUser;

export const BOT_APP = { key: 'fake-consumer-key-mellow', secret: 'fake-consumer-secret-mellow' };

export async function testEnv(): Promise<Record<string, string>> {
  fakeX = await new FakeX().start();
  fakeX.addConsumer(BOT_APP.key, BOT_APP.secret);
  botAccount = fakeX.addUser('mellowbot', '4242424242');
  const { token, secret } = fakeX.grant(botAccount.id);
  return {
    TWITTER_API_URL: fakeX.url,
    TWITTER_API_KEY: BOT_APP.key,
    TWITTER_API_SECRET: BOT_APP.secret,
    TWITTER_ACCESS_TOKEN: token,
    TWITTER_ACCESS_SECRET: secret,
    // Short enough that tests see timeouts and retries without waiting long.
    TWITTER_TIMEOUT_MS: '1000',
    TWITTER_RETRY_DELAY_SECONDS: '1',
    TWITTER_DAILY_CAP: '1000',
    TWITTER_MIN_INTERVAL_MINUTES: '0',
    // The coping plugin's tests configure a fake AI; recurring tests here check the curated library.
    TWITTER_GENERATED_CONTENT: 'false',
  };
}

export async function stopTestEnv(): Promise<void> {
  await fakeX?.stop();
}
