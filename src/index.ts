import { config as loadDotenv } from 'dotenv';
import { ConfigError, loadConfig } from '../config';
import { logger } from './lib/logging/logger';
import { PieceNameCollisionError } from './lib/plugins/storeHooks';
import { startMellow } from './lib/runtime/startMellow';

/** Explains the failures an operator can fix, without a stack trace. */
function explainStartupFailure(error: unknown): string {
  if (error instanceof ConfigError || error instanceof PieceNameCollisionError)
    return `Mellow can't start: ${error.message.replace(/^Mellow can't start: /, '')}`;
  const message = error instanceof Error ? error.message : String(error);
  if (/TokenInvalid|invalid token|401/i.test(message)) {
    return "Mellow can't start: Discord rejected DISCORD_TOKEN. Copy the bot token again from the Developer Portal into .env.";
  }
  if (/ECONNREFUSED|ENOTFOUND|password authentication/i.test(message)) {
    return `Mellow can't start: could not reach a service (${message}). Check DATABASE_URL and REDIS_URL.`;
  }
  return '';
}

async function main(): Promise<void> {
  loadDotenv({ quiet: true });
  const mellow = await startMellow(loadConfig());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      mellow.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error('Shutdown failed', { error });
          process.exit(1);
        },
      );
    });
  }
}

main().catch((error: unknown) => {
  const explained = explainStartupFailure(error);
  if (explained) process.stderr.write(`${explained}\n`);
  else logger.error('Mellow could not start', { error });
  process.exit(1);
});
