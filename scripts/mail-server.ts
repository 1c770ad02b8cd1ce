/**
 * The demo's embedded mail server: accepts every message on SMTP_URL's port,
 * keeps it as an .eml file under MAIL_DIR (.data/mail), and serves a page to
 * read them on MAIL_PAGE_PORT (8025), until SIGTERM.
 */
import { resolve } from 'node:path';
import { loadConfig } from '@libs/config/config';
import { startMailPage } from '@libs/mail/mail-page';
import { MailStore } from '@libs/mail/mail-store';
import { LocalSmtpServer } from '@libs/mail/local-smtp-server';

async function main(): Promise<void> {
  // Port 0 (tests) picks a free port; the log line says which.
  const port = Number(new URL(loadConfig('mail').SMTP_URL).port || 25);
  const { MAIL_DIR, MAIL_PAGE_PORT } = loadConfig('mailbox');
  const dir = resolve(MAIL_DIR);
  const server = new LocalSmtpServer(port, dir);
  await server.start();
  const page = await startMailPage(new MailStore(dir), MAIL_PAGE_PORT);
  console.log(JSON.stringify({ level: 'info', msg: 'mail server listening', smtp: server.url, dir, page: page.url }));
  const stop = () => void Promise.all([server.stop(), page.close()]).then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
