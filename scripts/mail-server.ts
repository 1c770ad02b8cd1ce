/**
 * The demo's embedded mail server: accepts every message on SMTP_URL's port and
 * keeps it as an .eml file under .data/mail (MAIL_DIR), until SIGTERM.
 */
import { join } from 'node:path';
import { loadConfig } from '@libs/config/config';
import { LocalSmtpServer } from '@libs/mail/local-smtp-server';

async function main(): Promise<void> {
  const port = Number(new URL(loadConfig('mail').SMTP_URL).port || 25);
  const dir = process.env.MAIL_DIR ?? join(__dirname, '../.data/mail');
  const server = new LocalSmtpServer(port, dir);
  await server.start();
  console.log(JSON.stringify({ level: 'info', msg: 'mail server listening', port, dir }));
  const stop = () => void server.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
