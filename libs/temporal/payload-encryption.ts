/**
 * Every payload the worker, the API and the CLI hand to Temporal — submitted
 * values, reasons, names and email addresses in workflow inputs, updates and
 * activity results — is encrypted before it leaves the process, so histories
 * on the server (and its database and backups) hold ciphertext only.
 *
 * AES-256-GCM, a fresh 96-bit nonce per payload, the whole original payload
 * (metadata and data) sealed inside, and the key's id in the clear metadata.
 * The keyring's first key encrypts; every key in it decrypts, so a key is
 * rotated by putting a new one first and keeping the old ones until the
 * namespace's retention has dropped every history they sealed. Payloads
 * without our encoding pass through unchanged: histories recorded before
 * encryption was turned on still replay.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { METADATA_ENCODING_KEY, type Payload, type PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import type { PayloadKeyring } from './payload-keyring';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
export class PayloadDecryptionError extends Error {}

export class EncryptingPayloadCodec implements PayloadCodec {
  constructor(private readonly keyring: PayloadKeyring) {}

  async encode(payloads: Payload[]): Promise<Payload[]> {
    const { currentKeyId, keys } = this.keyring;
    const key = keys.get(currentKeyId)!;
    return payloads.map((payload) => {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      const sealed = Buffer.concat([
        nonce,
        cipher.update(temporal.api.common.v1.Payload.encode(payload).finish()),
        cipher.final(),
        cipher.getAuthTag(),
      ]);
      return {
        metadata: {
          [METADATA_ENCODING_KEY]: Buffer.from(ENCRYPTED_ENCODING),
          [KEY_ID_METADATA]: Buffer.from(currentKeyId),
        },
        data: sealed,
      };
    });
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      const encoding = payload.metadata?.[METADATA_ENCODING_KEY];
      if (!encoding || Buffer.from(encoding).toString() !== ENCRYPTED_ENCODING) return payload;
      const keyId = Buffer.from(payload.metadata?.[KEY_ID_METADATA] ?? []).toString();
      const key = this.keyring.keys.get(keyId);
      if (!key)
        throw new PayloadDecryptionError(`payload sealed with key ${keyId || '(none)'}, which is not in the keyring`);
      const sealed = Buffer.from(payload.data ?? []);
      if (sealed.length < NONCE_BYTES + TAG_BYTES) throw new PayloadDecryptionError('encrypted payload is truncated');
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, NONCE_BYTES));
      decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
      let plain: Buffer;
      try {
        plain = Buffer.concat([
          decipher.update(sealed.subarray(NONCE_BYTES, sealed.length - TAG_BYTES)),
          decipher.final(),
        ]);
      } catch {
        throw new PayloadDecryptionError(`encrypted payload fails authentication with key ${keyId}`);
      }
      return temporal.api.common.v1.Payload.decode(plain);
    });
  }
}
