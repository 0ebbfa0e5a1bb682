import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { logger } from '../logging/logger';
import { parseKey } from './parseKey';
import { type EncryptionKey, encryptionKey } from './SecretBox';

/**
 * The key from ENCRYPTION_KEY, or for a one-machine install a key generated once under DATA_DIR.
 * Several processes sharing a database must all set the same ENCRYPTION_KEY.
 */
export function loadKeys(configured: string | undefined, oldKeys: string[], dataDir: string) {
  const current = configured ? parseKey(configured) : keyFile(dataDir);
  if (!current) throw new Error('ENCRYPTION_KEY is not a 32-byte key');
  const previous: EncryptionKey[] = oldKeys.map((text) => {
    const key = parseKey(text);
    if (!key) throw new Error('ENCRYPTION_OLD_KEYS holds a value that is not a 32-byte key');
    return encryptionKey(key);
  });
  return { current: encryptionKey(current), previous };
}

function keyFile(dataDir: string): Buffer {
  const file = resolve(dataDir, 'encryption.key');
  if (existsSync(file)) {
    const key = parseKey(readFileSync(file, 'utf8'));
    if (!key) throw new Error(`${file} does not hold a 32-byte key`);
    return key;
  }
  mkdirSync(resolve(dataDir), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, `${key.toString('hex')}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  logger.warn(
    `Generated an encryption key in ${file}. Back it up with the database; set ENCRYPTION_KEY when running several processes.`,
  );
  return key;
}
