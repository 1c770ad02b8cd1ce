/**
 * How the worker, the API, the CLI and the demo reach the Temporal frontend: its address and,
 * when configured, TLS — mutual when a client certificate is given — from the validated
 * `temporal` configuration. Both the client's Connection and the worker's NativeConnection take this.
 */
import { readFileSync } from 'node:fs';
import type { DataConverter, TLSConfig } from '@temporalio/client';
import type { Config } from '../config/config';
import { EncryptingPayloadCodec } from './payload-encryption';
import { readPayloadKeyring } from './payload-keyring';

export interface TemporalConnectionOptions {
  address: string;
  tls?: TLSConfig;
}

export function temporalConnectionOptions(t: Config<'temporal'>): TemporalConnectionOptions {
  const ca = t.TEMPORAL_TLS_SERVER_CA_CERT_PATH;
  const cert = t.TEMPORAL_TLS_CLIENT_CERT_PATH;
  const key = t.TEMPORAL_TLS_CLIENT_KEY_PATH;
  const serverName = t.TEMPORAL_TLS_SERVER_NAME;
  // As the temporal CLI: any TLS setting turns TLS on; TEMPORAL_TLS=true alone uses the system's roots.
  if (t.TEMPORAL_TLS !== 'true' && !ca && !cert && !serverName) return { address: t.TEMPORAL_ADDRESS };
  return {
    address: t.TEMPORAL_ADDRESS,
    tls: {
      ...(serverName ? { serverNameOverride: serverName } : {}),
      ...(ca ? { serverRootCACertificate: readFileSync(ca) } : {}),
      // The configuration has checked that the key comes with the certificate.
      ...(cert && key ? { clientCertPair: { crt: readFileSync(cert), key: readFileSync(key) } } : {}),
    },
  };
}

/**
 * The data converter every client and worker of one installation shares: with
 * a keyring, payloads are encrypted on their way to Temporal and decrypted on
 * their way back; without one, the SDK's default.
 */
export function temporalDataConverter(t: Config<'temporal'>): DataConverter | undefined {
  if (!t.TEMPORAL_PAYLOAD_KEYS_FILE) return undefined;
  return { payloadCodecs: [new EncryptingPayloadCodec(readPayloadKeyring(t.TEMPORAL_PAYLOAD_KEYS_FILE))] };
}
