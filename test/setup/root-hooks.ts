import { bot, ensureBot, stopBot } from './bot';

/** One bot for the whole run; the emulator forgets messages and faults between tests. */
export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(120_000);
    await ensureBot();
  },
  beforeEach() {
    bot().emu.reset();
  },
  async afterAll(this: Mocha.Context) {
    this.timeout(30_000);
    await stopBot();
  },
};
