/**
 * The keys that seal Temporal payloads (see payload-encryption.ts), read from
 * a secret file at start-up. The first key encrypts; all of them decrypt.
 */
import { readFileSync } from 'node:fs';

const KEY_BYTES = 32;
const KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;

export interface PayloadKeyring {
  /** The key that encrypts: the first in the file. */
  currentKeyId: string;
  keys: ReadonlyMap<string, Buffer>;
}

/**
 * The keyring file: one key per line, `id:base64-of-32-bytes` (e.g.
 * `2026-12:` followed by `openssl rand -base64 32`); blank lines and `#`
 * comments are skipped. Throws naming the line that is wrong.
 */
export function parsePayloadKeyring(text: string): PayloadKeyring {
  const keys = new Map<string, Buffer>();
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const at = `line ${index + 1}`;
    const colon = line.indexOf(':');
    const id = line.slice(0, colon);
    if (colon < 0 || !KEY_ID.test(id))
      throw new Error(`${at}: must be id:base64-key, the id of letters, digits, . _ -`);
    if (keys.has(id)) throw new Error(`${at}: key id ${id} appears twice`);
    const key = Buffer.from(line.slice(colon + 1), 'base64');
    if (key.length !== KEY_BYTES) throw new Error(`${at}: key ${id} must be ${KEY_BYTES} bytes in base64`);
    keys.set(id, key);
  });
  const [currentKeyId] = keys.keys();
  if (currentKeyId === undefined) throw new Error('holds no key');
  return { currentKeyId, keys };
}

export function readPayloadKeyring(path: string): PayloadKeyring {
  return parsePayloadKeyring(readFileSync(path, 'utf8'));
}
