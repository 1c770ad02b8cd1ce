/**
 * TLS to the SMTP server from the `mail` configuration: required once any SMTP_TLS_* setting is
 * given (so a STARTTLS the server stops offering is a failed delivery, never mail sent in the
 * clear), checked against the CA given (else the system's roots), mutual with a client certificate.
 */
import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import type { Config } from '../config/config';

export function smtpTlsOptions(mail: Config<'mail'>): ConnectionOptions | undefined {
  const { SMTP_TLS_CA_PATH: ca, SMTP_TLS_CERT_PATH: cert, SMTP_TLS_KEY_PATH: key, SMTP_TLS_SERVER_NAME: name } = mail;
  if (!ca && !cert && !name) return undefined;
  return {
    ...(ca ? { ca: readFileSync(ca) } : {}),
    // The configuration has checked that the key comes with the certificate.
    ...(cert && key ? { cert: readFileSync(cert), key: readFileSync(key) } : {}),
    ...(name ? { servername: name } : {}),
  };
}
