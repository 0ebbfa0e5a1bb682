import { config as loadDotenv } from 'dotenv';
import { ConfigError, loadConfig } from '../../../config';
import { logger } from '../logging/logger';
import { redactor } from '../logging/redact';
import { PieceNameCollisionError } from '../plugins/storeHooks';
import { type StartOptions, startMellow } from './startMellow';

/** Explains the failures an operator can fix, in one line and without a stack trace. */
function explainStartupFailure(error: unknown): string {
  if (error instanceof ConfigError || error instanceof PieceNameCollisionError) {
    return `Mellow can't start: ${error.message.replace(/^Mellow can't start: /, '')}`;
  }
  const message = redactor.redact(error instanceof Error ? error.message : String(error));
  if (/TokenInvalid|invalid token|401/i.test(message)) {
    return "Mellow can't start: Discord rejected DISCORD_TOKEN. Copy the bot token again from the Developer Portal into .env.";
  }
  if (/ECONNREFUSED|ENOTFOUND|password authentication/i.test(message)) {
    return `Mellow can't start: could not reach a service (${message}). Check DATABASE_URL and REDIS_URL.`;
  }
  return '';
}

/**
 * What `npm start` does: read .env and the environment, start everything, and shut down cleanly
 * on SIGINT or SIGTERM. A failed start exits 1 with an explanation.
 */
export async function runFromEnvironment(options: StartOptions = {}): Promise<void> {
  loadDotenv({ quiet: true });
  try {
    const mellow = await startMellow(loadConfig(), options);
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
  } catch (error) {
    const explained = explainStartupFailure(error);
    if (explained) process.stderr.write(`${explained}\n`);
    else logger.error('Mellow could not start', { error });
    process.exit(1);
  }
}
