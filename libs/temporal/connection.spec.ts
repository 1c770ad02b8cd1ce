import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config/config';
import { temporalConnectionOptions } from './connection';

const dir = mkdtempSync(join(tmpdir(), 'plan-eval-tls-'));
const pem = (name: string) => {
  const path = join(dir, name);
  writeFileSync(path, `-----BEGIN ${name}-----\n${name}\n-----END ${name}-----\n`);
  return path;
};
const CA = pem('ca.pem');
const CERT = pem('client.pem');
const KEY = pem('client-key.pem');
const text = (b: Uint8Array | undefined) => (b ? Buffer.from(b).toString('utf8') : undefined);

describe('temporalConnectionOptions', () => {
  it.each<[string, NodeJS.ProcessEnv, object | undefined]>([
    ['plain gRPC when nothing is set', {}, undefined],
    ['plain gRPC when TLS is off', { TEMPORAL_TLS: 'false' }, undefined],
    ['TLS with the system roots', { TEMPORAL_TLS: 'true' }, {}],
    ['TLS against a private CA', { TEMPORAL_TLS_SERVER_CA_CERT_PATH: CA }, { ca: 'ca.pem' }],
    [
      'mutual TLS with a client certificate',
      { TEMPORAL_TLS_SERVER_CA_CERT_PATH: CA, TEMPORAL_TLS_CLIENT_CERT_PATH: CERT, TEMPORAL_TLS_CLIENT_KEY_PATH: KEY },
      { ca: 'ca.pem', crt: 'client.pem', key: 'client-key.pem' },
    ],
    [
      'TLS checking another name than the address’s host',
      { TEMPORAL_TLS_SERVER_NAME: 'temporal.heyuan.internal' },
      { serverName: 'temporal.heyuan.internal' },
    ],
  ])('%s', (_label, env, expected) => {
    const { address, tls } = temporalConnectionOptions(loadConfig('temporal', { TEMPORAL_ADDRESS: 'h:7233', ...env }));
    expect(address).toBe('h:7233');
    if (expected === undefined) return expect(tls).toBeUndefined();
    // Each file's own content, read at connection time (the PEM's body names its file here).
    const body = (b: Uint8Array | undefined) => text(b)?.split('\n')[1];
    expect({
      ...(tls!.serverRootCACertificate ? { ca: body(tls!.serverRootCACertificate) } : {}),
      ...(tls!.clientCertPair ? { crt: body(tls!.clientCertPair.crt), key: body(tls!.clientCertPair.key) } : {}),
      ...(tls!.serverNameOverride ? { serverName: tls!.serverNameOverride } : {}),
    }).toEqual(expected);
  });
});
