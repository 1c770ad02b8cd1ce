/**
 * The mail relay's sending (Mailer, with the TLS settings of the `mail` configuration) against real
 * SMTP servers that require TLS, under certificates the test makes: with the apps' certificate a
 * notice goes through, over TLS from the start (smtps://) or after STARTTLS (smtp://); without a
 * certificate the server refuses it; and a server that offers no STARTTLS gets nothing in the clear.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { loadConfig } from '@libs/config/config';
import { Mailer, PermanentDeliveryError } from '@libs/mail/mailer';
import { smtpTlsOptions } from '@libs/mail/smtp-tls';
import { freePort } from '../../tools/stack/ports';
import { createTestCertificates } from '../../tools/stack/test-certificates';

const dir = mkdtempSync(join(tmpdir(), 'plan-eval-smtp-tls-'));
const certs = createTestCertificates(dir);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A server with the nodes' certificate that asks each client for one the CA signed. */
async function tlsServer(
  mode: 'implicit' | 'starttls' | 'plain',
): Promise<{ port: number; received: string[]; stop: () => Promise<void> }> {
  const received: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    logger: false,
    secure: mode === 'implicit',
    ...(mode === 'plain' ? { disabledCommands: ['STARTTLS'] } : {}),
    key: readFileSync(certs.node.key),
    cert: readFileSync(certs.node.cert),
    ca: [readFileSync(certs.ca)],
    requestCert: true,
    rejectUnauthorized: true,
    onData(stream, session, callback) {
      stream.resume();
      stream.on('end', () => {
        received.push(session.envelope.rcptTo.map((r) => r.address).join(','));
        callback();
      });
    },
  });
  // A client refused in the handshake is an error of the server's; the test looks at the client's side.
  server.on('error', () => undefined);
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  return { port, received, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const notice = {
  to: 'submitter@city-education.heyuan.example',
  subject: '填报任务',
  text: '请填报',
  html: '<p>请填报</p>',
  messageId: '<tls-test@plan-eval>',
};

describe('sending mail over TLS', () => {
  it.each<[string, 'implicit' | 'starttls' | 'plain', 'smtps' | 'smtp', boolean, 'delivered' | 'refused']>([
    ['delivers over TLS from the start, with the apps’ certificate', 'implicit', 'smtps', true, 'delivered'],
    ['delivers after STARTTLS, with the apps’ certificate', 'starttls', 'smtp', true, 'delivered'],
    ['is refused without a client certificate', 'implicit', 'smtps', false, 'refused'],
    ['sends nothing in the clear to a server that offers no STARTTLS', 'plain', 'smtp', true, 'refused'],
  ])('%s', async (_label, mode, scheme, withCertificate, outcome) => {
    const server = await tlsServer(mode);
    const mail = loadConfig('mail', {
      SMTP_URL: `${scheme}://127.0.0.1:${server.port}`,
      SMTP_TLS_CA_PATH: certs.ca,
      ...(withCertificate ? { SMTP_TLS_CERT_PATH: certs.client.cert, SMTP_TLS_KEY_PATH: certs.client.key } : {}),
    });
    const mailer = new Mailer(mail.SMTP_URL, mail.MAIL_FROM, smtpTlsOptions(mail));
    try {
      const sending = mailer.send(notice);
      if (outcome === 'delivered') {
        await sending;
        expect(server.received).toEqual([notice.to]);
      } else {
        // Refused by TLS, not by the address: the relay keeps it and tries again later.
        const error = await sending.then(
          () => null,
          (e: Error) => e,
        );
        expect(error?.message).toMatch(/certificate required|STARTTLS/);
        expect(error).not.toBeInstanceOf(PermanentDeliveryError);
        expect(server.received).toEqual([]);
      }
    } finally {
      mailer.close();
      await server.stop();
    }
  });
});
