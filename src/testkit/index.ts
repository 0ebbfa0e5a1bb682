/**
 * The test kit for Mellow and its plugins: an emulated Discord, a real bot wired to it, and a
 * throwaway database and Redis prefix. Plugin authors import it as `mellow/testkit`.
 */
export * from './emulator';
export { startTestBot, type TestBot, type TestBotOptions } from './startTestBot';
export { createTestDatabase, testServerUrl, type TestDatabase } from './database';
export { clearRedisPrefix, newRedisPrefix } from './redis';
export { eventually } from './eventually';
