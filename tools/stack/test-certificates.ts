/**
 * Certificates a test makes for itself with the openssl command line (EC P-256, valid a day):
 * a CA, the Temporal nodes' certificate (server and client use, for 127.0.0.1 and localhost), a
 * client certificate for the apps, and an impostor's, signed by a CA of its own.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CertificatePair {
  cert: string;
  key: string;
}

export interface TestCertificates {
  /** The CA that signs the nodes' and the apps' certificates, and that both trust. */
  ca: string;
  node: CertificatePair;
  client: CertificatePair;
  /** Signed by another CA: a mutual-TLS server must refuse it. */
  impostor: CertificatePair;
}

const openssl = (args: string[]) => execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });

function makeCa(dir: string, name: string): CertificatePair {
  const pair = { cert: join(dir, `${name}.pem`), key: join(dir, `${name}-key.pem`) };
  openssl([
    ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '1'],
    ...['-keyout', pair.key, '-out', pair.cert, '-subj', `/CN=${name}`],
    ...['-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
  ]);
  return pair;
}

function makeLeaf(dir: string, name: string, ca: CertificatePair, usage: string): CertificatePair {
  const pair = { cert: join(dir, `${name}.pem`), key: join(dir, `${name}-key.pem`) };
  const csr = join(dir, `${name}.csr`);
  const extensions = join(dir, `${name}.ext`);
  writeFileSync(
    extensions,
    `basicConstraints=CA:FALSE\nsubjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=${usage}\n`,
  );
  openssl([
    ...['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'],
    ...['-keyout', pair.key, '-out', csr, '-subj', `/CN=${name}`],
  ]);
  openssl([
    ...['x509', '-req', '-in', csr, '-CA', ca.cert, '-CAkey', ca.key, '-CAcreateserial', '-days', '1'],
    ...['-out', pair.cert, '-extfile', extensions],
  ]);
  return pair;
}

export function createTestCertificates(dir: string): TestCertificates {
  const ca = makeCa(dir, 'plan-eval-test-ca');
  const otherCa = makeCa(dir, 'impostor-ca');
  return {
    ca: ca.cert,
    node: makeLeaf(dir, 'temporal-node', ca, 'serverAuth,clientAuth'),
    client: makeLeaf(dir, 'plan-eval-app', ca, 'clientAuth'),
    impostor: makeLeaf(dir, 'impostor', otherCa, 'clientAuth'),
  };
}

/** The settings the worker, the API and the CLI take (libs/config, as the temporal CLI names them). */
export function clientTlsEnv(ca: string, client?: CertificatePair): Record<string, string> {
  return {
    TEMPORAL_TLS_SERVER_CA_CERT_PATH: ca,
    ...(client ? { TEMPORAL_TLS_CLIENT_CERT_PATH: client.cert, TEMPORAL_TLS_CLIENT_KEY_PATH: client.key } : {}),
  };
}
