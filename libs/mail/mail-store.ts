/**
 * The messages the embedded mail server kept: one `.eml` file each in a
 * folder, parsed with mailparser. The ID of a message is its file name
 * without `.eml`; `plan-eval mail` and the mail page both read through here.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';

export interface StoredMessageSummary {
  id: string;
  from: string;
  to: string;
  subject: string;
  /** The Date header, else when the file was written. */
  date: Date;
}

export interface StoredMessage extends StoredMessageSummary {
  messageId: string | null;
  text: string;
  /** The HTML part as sent, or null for a text-only message. */
  html: string | null;
  attachments: Array<{ filename: string; contentType: string; size: number }>;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9@._-]*$/;

/** Display names and addresses as a reader expects them: `河源市统计局 <bureau@heyuan.example>`. */
function addresses(a: AddressObject | AddressObject[] | undefined): string {
  return (Array.isArray(a) ? a : a ? [a] : [])
    .flatMap((o) => o.value)
    .map((v) => (v.name ? `${v.name} <${v.address ?? ''}>` : (v.address ?? '')))
    .join(', ');
}

export class MailStore {
  constructor(readonly dir: string) {}

  /** Every message, newest first; an absent folder holds none. */
  async list(): Promise<StoredMessageSummary[]> {
    let names: string[];
    try {
      names = (await readdir(this.dir)).filter((n) => n.endsWith('.eml'));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
    const messages = await Promise.all(names.map((n) => this.read(n.slice(0, -'.eml'.length))));
    return messages
      .filter((m): m is StoredMessage => m !== null)
      .map(({ id, from, to, subject, date }) => ({ id, from, to, subject, date }))
      .sort((a, b) => b.date.getTime() - a.date.getTime() || b.id.localeCompare(a.id));
  }

  /** One message, or null when there is none with that ID (IDs never reach outside the folder). */
  async read(id: string): Promise<StoredMessage | null> {
    if (!ID.test(id)) return null;
    const path = join(this.dir, `${id}.eml`);
    let raw: Buffer;
    try {
      raw = await readFile(path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    const parsed: ParsedMail = await simpleParser(raw);
    return {
      id,
      from: addresses(parsed.from),
      to: addresses(parsed.to),
      subject: parsed.subject ?? '',
      date: parsed.date ?? (await stat(path)).mtime,
      messageId: parsed.messageId ?? null,
      text: parsed.text ?? '',
      html: typeof parsed.html === 'string' ? parsed.html : null,
      attachments: parsed.attachments.map((a) => ({
        filename: a.filename ?? '',
        contentType: a.contentType,
        size: a.size,
      })),
    };
  }
}
