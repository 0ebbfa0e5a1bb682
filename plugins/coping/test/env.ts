import { fakeAi } from './fakeAi';

/** Config for the shared test bot: the fake AI endpoint with a short timeout, and fast breathing pacing. */
export async function testEnv(): Promise<Record<string, string>> {
  return {
    AI_BASE_URL: await fakeAi.start(),
    AI_API_KEY: 'test-key-not-a-secret',
    AI_MODEL: 'fake-model',
    AI_TIMEOUT_MS: '300',
    COPING_BREATHING_SECOND_MS: '5',
    COPING_BREATHING_SESSION_SECONDS: '20',
  };
}

export async function stopTestEnv(): Promise<void> {
  await fakeAi.stop();
}
