import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../config';
import { secretsOf } from '../config/build';
import { DecryptionError, SecretBox, encryptionKey, loadKeys } from '../src/lib/crypto';

const newKey = () => encryptionKey(randomBytes(32));

describe('encryption at rest', () => {
  it('GIVEN a sealed value THEN it holds no plaintext and opens back to the same text, unicode included', () => {
    const box = new SecretBox(newKey());
    const text = 'call my sister 💙 before the exam — ça va';
    const sealed = box.seal(text, 'coping_plan.text');
    assert.ok(SecretBox.isSealed(sealed));
    assert.ok(!sealed.includes('sister'));
    assert.notEqual(box.seal(text, 'coping_plan.text'), sealed, 'every seal uses a fresh IV');
    assert.equal(box.open(sealed, 'coping_plan.text'), text);
  });

  it('GIVEN a value moved to another column or tampered with THEN it refuses to open', () => {
    const box = new SecretBox(newKey());
    const sealed = box.seal('private', 'coping_plan.text');
    assert.throws(() => box.open(sealed, 'coping_toolbox.note'), DecryptionError);
    const parts = sealed.split(':');
    parts[5] = Buffer.from('tampered').toString('base64');
    assert.throws(() => box.open(parts.join(':'), 'coping_plan.text'), DecryptionError);
    assert.throws(() => box.open('plain text'), DecryptionError);
  });

  it('GIVEN a rotated key THEN old values still open, are marked stale, and new ones use the new key', () => {
    const oldKey = newKey();
    const before = new SecretBox(oldKey).seal('kept through rotation');
    const rotated = new SecretBox(newKey(), [oldKey]);
    assert.equal(rotated.open(before), 'kept through rotation');
    assert.equal(rotated.isStale(before), true);
    assert.equal(rotated.isStale(rotated.seal('new')), false);
    assert.throws(() => new SecretBox(newKey()).open(before), /not configured/);
  });

  it('GIVEN no ENCRYPTION_KEY THEN one key is generated under DATA_DIR, private to the owner, and reused', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mellow-keys-'));
    try {
      const first = loadKeys(undefined, [], dataDir);
      const file = join(dataDir, 'encryption.key');
      assert.ok(existsSync(file));
      assert.equal(statSync(file).mode & 0o777, 0o600);
      assert.equal(loadKeys(undefined, [], dataDir).current.id, first.current.id);
      assert.equal(readFileSync(file, 'utf8').trim(), first.current.key.toString('hex'));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('GIVEN a malformed key THEN config names the key and how to make one, and keys are redacted', () => {
    assert.throws(
      () => loadConfig({ DISCORD_TOKEN: 'x'.repeat(10), ENCRYPTION_KEY: 'short', ENCRYPTION_OLD_KEYS: 'also-bad' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /ENCRYPTION_KEY .*openssl rand -hex 32/);
        assert.match(error.message, /ENCRYPTION_OLD_KEYS/);
        return true;
      },
    );
    const current = randomBytes(32).toString('hex');
    const [old1, old2] = [randomBytes(32).toString('base64'), randomBytes(32).toString('hex')];
    const env = { DISCORD_TOKEN: 'x'.repeat(10), ENCRYPTION_KEY: current, ENCRYPTION_OLD_KEYS: `${old1}, ${old2}` };
    const secrets = secretsOf(loadConfig(env));
    for (const key of [current, old1, old2]) assert.ok(secrets.includes(key));
  });
});
