import { type SecretBox } from './SecretBox';

export { DecryptionError, SecretBox, encryptionKey, type EncryptionKey } from './SecretBox';
export { loadKeys } from './keys';
export { parseKey } from './parseKey';

let box: SecretBox | undefined;

export function setSecretBox(next: SecretBox): void {
  box = next;
}

/** The process's SecretBox (set at startup from ENCRYPTION_KEY), for plugins' sensitive columns. */
export function secretBox(): SecretBox {
  if (!box) throw new Error('Encryption is not set up yet: the bot has not started');
  return box;
}
