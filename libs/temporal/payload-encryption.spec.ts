import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import {
  EncryptingPayloadCodec,
  ENCRYPTED_ENCODING,
  KEY_ID_METADATA,
  PayloadDecryptionError,
} from './payload-encryption';
import { parsePayloadKeyring } from './payload-keyring';

const key = () => randomBytes(32).toString('base64');
const K1 = key();
const K2 = key();
const value = { department: '市教育局', reason: '学位建设滞后', value: 96.5 };
const plain = (): Payload => defaultPayloadConverter.toPayload(value);
const text = (b: Uint8Array | null | undefined) => Buffer.from(b ?? []).toString();

describe('parsePayloadKeyring', () => {
  it.each([
    ['one key', `k1:${K1}`, 'k1', ['k1']],
    [
      'the first key encrypts, comments and blank lines skipped',
      `# rotated 2026-12\nk2:${K2}\n\nk1:${K1}\n`,
      'k2',
      ['k2', 'k1'],
    ],
  ])('%s', (_, file, current, ids) => {
    const ring = parsePayloadKeyring(file);
    expect(ring.currentKeyId).toBe(current);
    expect([...ring.keys.keys()]).toEqual(ids);
  });

  it.each([
    ['an empty file', '# nothing\n', 'holds no key'],
    ['a line without an id', K1, 'line 1: must be id:base64-key'],
    ['an id with spaces', `my key:${K1}`, 'line 1: must be id:base64-key'],
    ['a key that is not 32 bytes', `k1:${randomBytes(16).toString('base64')}`, 'line 1: key k1 must be 32 bytes'],
    ['an id twice', `k1:${K1}\nk1:${K2}`, 'line 2: key id k1 appears twice'],
  ])('refuses %s, naming the fault', (_, file, message) => {
    expect(() => parsePayloadKeyring(file)).toThrow(message);
  });
});

describe('EncryptingPayloadCodec', () => {
  const codec = new EncryptingPayloadCodec(parsePayloadKeyring(`k1:${K1}`));

  it('seals the whole payload: nothing of the value or its encoding is readable, the key id is', async () => {
    const [sealed] = await codec.encode([plain()]);
    expect(text(sealed.metadata?.encoding)).toBe(ENCRYPTED_ENCODING);
    expect(text(sealed.metadata?.[KEY_ID_METADATA])).toBe('k1');
    expect(Object.keys(sealed.metadata ?? {})).toEqual(['encoding', KEY_ID_METADATA]);
    expect(Buffer.from(sealed.data!).includes(Buffer.from('学位建设滞后'))).toBe(false);
    expect(Buffer.from(sealed.data!).includes(Buffer.from('json/plain'))).toBe(false);
  });

  it('gives the same payload back, and a fresh nonce each time', async () => {
    const [a, b] = await codec.encode([plain(), plain()]);
    expect(Buffer.from(a.data!).equals(Buffer.from(b.data!))).toBe(false);
    const [back] = await codec.decode([a]);
    expect(defaultPayloadConverter.fromPayload(back)).toEqual(value);
  });

  it('after rotation, seals with the new key and still opens what the old key sealed', async () => {
    const [old] = await codec.encode([plain()]);
    const rotated = new EncryptingPayloadCodec(parsePayloadKeyring(`k2:${K2}\nk1:${K1}`));
    const [fresh] = await rotated.encode([plain()]);
    expect(text(fresh.metadata?.[KEY_ID_METADATA])).toBe('k2');
    const decoded = await rotated.decode([old, fresh]);
    expect(decoded.map((p) => defaultPayloadConverter.fromPayload(p))).toEqual([value, value]);
  });

  it('passes payloads it did not seal through unchanged (histories from before encryption replay)', async () => {
    const p = plain();
    expect(await codec.decode([p])).toEqual([p]);
  });

  it.each<[string, (p: Payload) => Payload]>([
    [
      'a key no longer in the keyring',
      (p) => ({ ...p, metadata: { ...p.metadata, [KEY_ID_METADATA]: Buffer.from('k0') } }),
    ],
    ['a flipped bit', (p) => ({ ...p, data: Buffer.from(p.data!).map((b, i) => (i === 20 ? b ^ 1 : b)) })],
    ['a truncated payload', (p) => ({ ...p, data: Buffer.from(p.data!).subarray(0, 20) })],
  ])('refuses %s', async (_, spoil) => {
    const [sealed] = await codec.encode([plain()]);
    await expect(codec.decode([spoil(sealed)])).rejects.toBeInstanceOf(PayloadDecryptionError);
  });
});
