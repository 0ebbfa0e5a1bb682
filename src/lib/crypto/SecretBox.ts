import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const PREFIX = 'enc:v1';
const IV_BYTES = 12;

export interface EncryptionKey {
  /** Short fingerprint stored with each value, so old keys can still open what they sealed. */
  id: string;
  key: Buffer;
}

export class DecryptionError extends Error {
  public constructor(reason: string) {
    super(`Could not decrypt a stored value: ${reason}`);
    this.name = 'DecryptionError';
  }
}

export function encryptionKey(key: Buffer): EncryptionKey {
  if (key.length !== 32) throw new Error('An encryption key must be 32 bytes');
  return { id: createHash('sha256').update(key).digest('hex').slice(0, 8), key };
}

/**
 * AES-256-GCM for sensitive user content at rest. A sealed value reads
 * `enc:v1:<key id>:<iv>:<tag>:<ciphertext>` (base64 parts). It seals with the current key and opens
 * with any key it knows, which is how keys are rotated. `context` (for example `coping_plan.text`)
 * is authenticated but not stored, so a value copied into another column fails to open.
 */
export class SecretBox {
  private readonly keys: Map<string, Buffer>;

  public constructor(
    private readonly current: EncryptionKey,
    previous: EncryptionKey[] = [],
  ) {
    this.keys = new Map([current, ...previous].map(({ id, key }) => [id, key]));
  }

  public get keyId(): string {
    return this.current.id;
  }

  public seal(plaintext: string, context = ''): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.current.key, iv);
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64'));
    return [PREFIX, this.current.id, ...parts].join(':');
  }

  public open(sealed: string, context = ''): string {
    const [scheme, version, keyId, iv, tag, body] = sealed.split(':');
    if (`${scheme}:${version}` !== PREFIX || body === undefined) throw new DecryptionError('not a sealed value');
    const key = this.keys.get(keyId!);
    if (!key) throw new DecryptionError(`it was sealed with key ${keyId}, which is not configured`);
    try {
      const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv!, 'base64'));
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(Buffer.from(tag!, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
    } catch {
      throw new DecryptionError('the value or its context does not match the key');
    }
  }

  /** Whether a value was sealed with an old key and should be sealed again with the current one. */
  public isStale(sealed: string): boolean {
    return sealed.split(':')[2] !== this.current.id;
  }

  public static isSealed(value: string): boolean {
    return value.startsWith(`${PREFIX}:`);
  }
}
