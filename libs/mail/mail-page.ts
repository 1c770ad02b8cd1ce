/**
 * The page of the embedded mail server: every message kept, newest first,
 * and each one's text and HTML parts. Every value from a message is HTML
 * escaped; the HTML part is shown in a sandboxed frame (no scripts, no
 * requests), so a message can never act on the page.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { escapeHtml } from '../common/escape-html';
import type { MailStore, StoredMessage } from './mail-store';

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
const STYLE = `body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.4em .6em;text-align:left;vertical-align:top}
th{background:#f4f4f4}small{color:#666;font-weight:normal}pre{white-space:pre-wrap;background:#f8f8f8;padding:1em}
iframe{width:100%;height:30em;border:1px solid #ddd}`;

const when = (d: Date) =>
  new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'medium' }).format(d);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body>${body}</body></html>
`;
}

function listPage(store: MailStore, messages: Awaited<ReturnType<MailStore['list']>>): string {
  const rows = messages
    .map(
      (m) =>
        `<tr><td>${escapeHtml(when(m.date))}</td><td>${escapeHtml(m.from)}</td><td>${escapeHtml(m.to)}</td>` +
        `<td><a href="/messages/${encodeURIComponent(m.id)}">${escapeHtml(m.subject || '（无主题 no subject）')}</a></td></tr>`,
    )
    .join('\n');
  return page(
    '收到的邮件 (mail received)',
    `<h1>收到的邮件 <small>Mail received</small></h1>
<p>共 ${messages.length} 封，最新的在前 <small>(${messages.length} messages, newest first)</small> · <code>${escapeHtml(store.dir)}</code></p>
<table><thead><tr><th>时间 <small>Date</small></th><th>发件人 <small>From</small></th><th>收件人 <small>To</small></th><th>主题 <small>Subject</small></th></tr></thead>
<tbody>
${rows || '<tr><td colspan="4">还没有邮件 <small>(no mail yet)</small></td></tr>'}
</tbody></table>`,
  );
}

function messagePage(m: StoredMessage): string {
  const header = (zh: string, en: string, value: string) =>
    `<tr><th>${zh} <small>${en}</small></th><td>${escapeHtml(value)}</td></tr>`;
  const attachments = m.attachments.map((a) => `${a.filename} (${a.contentType}, ${a.size} bytes)`).join('\n');
  return page(
    m.subject || '（无主题 no subject）',
    `<p><a href="/">← 全部邮件 <small>all mail</small></a></p>
<h1>${escapeHtml(m.subject || '（无主题 no subject）')}</h1>
<table>
${header('发件人', 'From', m.from)}
${header('收件人', 'To', m.to)}
${header('时间', 'Date', when(m.date))}
${header('邮件标识', 'Message-ID', m.messageId ?? '')}
${m.attachments.length ? header('附件', 'Attachments', attachments) : ''}
</table>
<h2>纯文本 <small>Text part</small></h2>
<pre>${escapeHtml(m.text)}</pre>
<h2>HTML <small>HTML part</small></h2>
${m.html === null ? '<p>无 <small>(none)</small></p>' : `<iframe sandbox="" title="HTML" srcdoc="${escapeHtml(m.html)}"></iframe>`}`,
  );
}

function decodeURIComponentOrNull(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function send(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
  });
  res.end(html);
}

async function handle(store: MailStore, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' });
    return void res.end();
  }
  const path = new URL(req.url ?? '/', 'http://mail.local').pathname;
  if (path === '/') return send(res, 200, listPage(store, await store.list()));
  const match = /^\/messages\/([^/]+)$/.exec(path);
  const id = match ? decodeURIComponentOrNull(match[1]) : null;
  const message = id ? await store.read(id) : null;
  if (message) return send(res, 200, messagePage(message));
  send(
    res,
    404,
    page(
      '没有这封邮件 (not found)',
      '<h1>没有这封邮件 <small>No such message</small></h1><p><a href="/">← 全部邮件 <small>all mail</small></a></p>',
    ),
  );
}

/** Serves the page on `port` (0 picks a free one) until `close()`. */
export async function startMailPage(
  store: MailStore,
  port: number,
  host = '127.0.0.1',
): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    handle(store, req, res).catch((e: unknown) => {
      console.error(e);
      if (!res.headersSent)
        send(res, 500, page('出错了 (error)', '<h1>读取邮件出错 <small>Could not read the mail</small></h1>'));
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const url = `http://${host}:${(server.address() as AddressInfo).port}`;
  return {
    server,
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
