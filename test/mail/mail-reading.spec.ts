/**
 * Reading the mail the embedded mail server kept: the server process itself
 * (scripts/mail-server.ts, on free ports) receiving real notices over SMTP,
 * its page listing and showing them with every value escaped, and
 * `plan-eval mail list` / `mail read` over the same folder.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { NoticeInput } from '@libs/cycle/activities-contract';
import { Mailer } from '@libs/mail/mailer';
import { renderNotice } from '@libs/mail/notice-message';

const ROOT = join(__dirname, '../..');
const run = promisify(execFile);
// The department's name carries markup and quotes: the page must show them as text.
const DEPARTMENT = '市卫生健康局<测试> & "合作"';
const ESCAPED = '市卫生健康局&lt;测试&gt; &amp; &quot;合作&quot;';

function notice(event: NoticeInput['event'], reason?: string): NoticeInput {
  return {
    cycleId: 'cycle/heyuan/annual/2021',
    department: 'city-health',
    audience: 'submitter',
    event,
    seq: 1,
    deadline: Date.parse('2022-03-31T16:00:00Z'),
    at: 0,
    items: [
      {
        key: 'indicator-2',
        title: '人均预期寿命',
        status: reason ? 'returned' : 'assigned',
        ...(reason ? { reason } : {}),
      },
    ],
  };
}
const ctx = {
  cycleTitle: { zh: '2021年年度监测分析', en: 'annual monitoring 2021' },
  departmentName: DEPARTMENT,
  recipientName: '张三',
  publicUrl: 'http://portal.test',
};

describe('reading the mail the embedded mail server kept', () => {
  let dir: string;
  let server: ChildProcess;
  let page: string;
  const env = () => ({ ...process.env, MAIL_DIR: dir });
  const planEval = async (...args: string[]) => {
    try {
      const { stdout } = await run('node', [join(ROOT, 'bin/plan-eval.js'), ...args], { env: env(), cwd: ROOT });
      return { code: 0, stdout, stderr: '' };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      return { code: err.code, stdout: err.stdout, stderr: err.stderr };
    }
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'plan-eval-mail-'));
    server = spawn('node', ['bin/ts-run.js', 'scripts/mail-server.ts'], {
      cwd: ROOT,
      env: { ...env(), SMTP_URL: 'smtp://127.0.0.1:0', MAIL_PAGE_PORT: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const ready = await new Promise<{ smtp: string; page: string }>((resolve, reject) => {
      let out = '';
      server.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const line = out.split('\n').find((l) => l.includes('mail server listening'));
        if (line) resolve(JSON.parse(line));
      });
      server.once('exit', (code) => reject(new Error(`mail server exited with ${code}: ${out}`)));
    });
    page = ready.page;
    const mailer = new Mailer(ready.smtp, '河源市统计局 <bureau@heyuan.example>');
    const send = async (n: NoticeInput, id: string) => {
      const r = renderNotice(n, ctx);
      await mailer.send({
        to: { name: '张三', address: 'zhang.san@wjj.heyuan.example' },
        subject: r.subject,
        text: r.text,
        html: r.html,
        messageId: `<${id}@plan-eval>`,
      });
    };
    await send(notice('assignment'), 'first');
    await send(notice('rejected', '<script>alert("口径")</script>请核实'), 'second');
    mailer.close();
  });

  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await exited;
    }
  });

  const get = async (path: string) => {
    const res = await fetch(page + path);
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      csp: res.headers.get('content-security-policy'),
      body: await res.text(),
    };
  };

  it('lists every message newest first, its Chinese subject escaped', async () => {
    const { status, type, csp, body } = await get('/');
    expect(status).toBe(200);
    expect(type).toBe('text/html; charset=utf-8');
    expect(csp).toContain("default-src 'none'");
    expect(body).toContain('共 2 封');
    const rejected = body.indexOf(`【2021年年度监测分析】已退回：${ESCAPED}（1项）`);
    const assigned = body.indexOf(`【2021年年度监测分析】填报任务：${ESCAPED}（1项）`);
    expect(rejected).toBeGreaterThan(0);
    expect(assigned).toBeGreaterThan(rejected);
    expect(body).not.toContain('<测试>');
    expect(body).toContain('河源市统计局 &lt;bureau@heyuan.example&gt;');
    expect(body).toContain('张三 &lt;zhang.san@wjj.heyuan.example&gt;');
  });

  it('opens a message from the list: its text part, and its HTML part in a sandboxed frame', async () => {
    const list = await get('/');
    const href = /<a href="(\/messages\/[^"]+)">【2021年年度监测分析】已退回/.exec(list.body)![1];
    const { status, body } = await get(href);
    expect(status).toBe(200);
    expect(body).toContain(`<h1>【2021年年度监测分析】已退回：${ESCAPED}（1项）</h1>`);
    expect(body).toContain('&lt;second@plan-eval&gt;');
    // The text part as sent, escaped on the page.
    expect(body).toContain('<pre>张三：\n');
    expect(body).toContain('原因：&lt;script&gt;alert(&quot;口径&quot;)&lt;/script&gt;请核实');
    // The HTML part (where the notice already escaped the reason) escaped once more into the frame's srcdoc.
    expect(body).toMatch(/<iframe sandbox="" title="HTML" srcdoc="&lt;!doctype html&gt;/);
    expect(body).toContain('原因：&amp;lt;script&amp;gt;');
    expect(body).not.toMatch(/<script/i);
  });

  it('answers 404 for a message it does not have, and never reads outside its folder', async () => {
    for (const path of ['/messages/nope', '/messages/..%2F..%2Fetc%2Fpasswd', '/messages/%E0%A4%A', '/elsewhere']) {
      const { status, body } = await get(path);
      expect(status).toBe(404);
      expect(body).toContain('没有这封邮件');
    }
    expect((await fetch(page + '/', { method: 'POST' })).status).toBe(405);
  });

  it('plan-eval mail list and mail read show the same messages', async () => {
    const list = await planEval('mail', 'list', '--format', 'json');
    expect(list.code).toBe(0);
    const messages: Array<{ id: string; subject: string; from: string; to: string }> = JSON.parse(list.stdout);
    expect(messages.map((m) => m.subject)).toEqual([
      `【2021年年度监测分析】已退回：${DEPARTMENT}（1项）`,
      `【2021年年度监测分析】填报任务：${DEPARTMENT}（1项）`,
    ]);
    expect(messages[0]).toMatchObject({
      from: '河源市统计局 <bureau@heyuan.example>',
      to: '张三 <zhang.san@wjj.heyuan.example>',
    });

    const table = await planEval('mail', 'list');
    expect(table.stdout).toContain('共 2 封 (2 messages)');
    expect(table.stdout).toContain(`${messages[1].id}\n`);

    const read = await planEval('mail', 'read', messages[0].id);
    expect(read.code).toBe(0);
    expect(read.stdout).toContain(`主题 (Subject): 【2021年年度监测分析】已退回：${DEPARTMENT}（1项）`);
    expect(read.stdout).toContain('收件人 (To): 张三 <zhang.san@wjj.heyuan.example>');
    expect(read.stdout).toContain('原因：<script>alert("口径")</script>请核实');
    expect(read.stdout).toContain('http://portal.test/cycles/');

    const missing = await planEval('mail', 'read', 'nope');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('没有编号为“nope”的邮件 (no message "nope")');
  });
});
