/**
 * Accounts, through HTTP against the real app and PostgreSQL, and from the
 * command line over the same database: a password is refused when it is
 * common, easy to guess or longer than bcrypt reads, wherever it is set, with
 * a message naming the field; a change keeps the limits of a creation; an
 * account made with `plan-eval user-add` is audited like one made in the API.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BUREAU_EMAIL } from '../support/cycle-harness';
import { ACCOUNTS, createApiHarness, OWN, PASSWORD, type ApiHarness } from '../support/api-harness';

const run = promisify(execFile);
const BIN = join(__dirname, '../../bin/plan-eval.js');

describe('accounts and their passwords', () => {
  let h: ApiHarness;
  beforeAll(async () => (h = await createApiHarness()));
  afterAll(() => h?.close());

  const admin = () => ({
    post: (path: string, body: object) =>
      h.http().post(path).set('Authorization', `Bearer ${h.tokens.admin}`).send(body),
    patch: (path: string, body: object) =>
      h.http().patch(path).set('Authorization', `Bearer ${h.tokens.admin}`).send(body),
    get: (path: string) => h.http().get(path).set('Authorization', `Bearer ${h.tokens.admin}`),
  });
  const account = (email: string, password?: string) => ({
    email,
    name: '测试人员',
    role: 'submitter',
    department: OWN,
    ...(password === undefined ? {} : { password }),
  });

  it.each([
    ['a listed password', 'password123', '这是常见密码（在常用密码表中），请换一个', 'this is a common password'],
    [
      'an easily guessed one',
      'Password2024',
      '密码太容易被猜到（强度1/4，至少需要3）',
      'the password is too easy to guess',
    ],
    ['one of 73 bytes', 'Heyuan-2026-'.padEnd(73, 'x'), '密码过长：最多72个字节', 'at most 72 bytes in UTF-8'],
    ['25 Chinese characters (75 bytes)', `${'河源市统计局'.repeat(4)}评`, '此密码有75个字节', 'this one has 75'],
  ])('refuses %s on creation and on change, naming the field (422)', async (_label, password, zh, en) => {
    const created = await admin().post('/api/users', account('weak@x.example', password)).expect(422);
    expect(created.body).toMatchObject({
      code: 'invalid_user',
      message: expect.stringContaining(zh),
      messageEn: expect.stringContaining(en),
    });
    expect(created.body.details).toEqual([expect.objectContaining({ field: 'password' })]);
    const changed = await admin()
      .patch(`/api/users/${await idOf(ACCOUNTS.viewer.email)}`, { password })
      .expect(422);
    expect(changed.body.message).toContain(zh);
    // Nothing changed: the old password still signs in.
    await h.http().post('/api/auth/login').send({ email: ACCOUNTS.viewer.email, password: PASSWORD }).expect(200);
  });

  it('accepts a strong password of up to 72 bytes', async () => {
    const password = '河源市公共服务十四五规划监测评估年度中期总结指标'; // 24 characters, 72 bytes
    await admin().post('/api/users', account('strong@x.example', password)).expect(201);
    await h.http().post('/api/auth/login').send({ email: 'strong@x.example', password }).expect(200);
  });

  it('keeps the limits of a creation on a change', async () => {
    const id = await idOf(ACCOUNTS.viewer.email);
    const long = await admin()
      .patch(`/api/users/${id}`, { name: '长'.repeat(101) })
      .expect(400);
    expect(long.body.details).toEqual([expect.objectContaining({ field: 'name' })]);
    await admin().patch(`/api/users/${id}`, { name: '' }).expect(400);
    await admin()
      .patch(`/api/users/${id}`, { department: 'd'.repeat(101) })
      .expect(400);
    await admin()
      .post('/api/users', { ...account('long@x.example'), name: '长'.repeat(101) })
      .expect(400);
    await admin()
      .patch(`/api/users/${id}`, { name: '长'.repeat(100), locale: 'en' })
      .expect(200);
  });

  describe('plan-eval user-add', () => {
    const userAdd = async (email: string, password: string) => {
      const env = { ...process.env, DATABASE_URL: h.db.url, PLAN_EVAL_PASSWORD: password };
      const args = [BIN, 'user-add', '--email', email, '--name', '统计局管理员', '--role', 'admin'];
      return run('node', args, { env }).then(
        ({ stdout }) => ({ code: 0, stdout, stderr: '' }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
    };

    it('refuses the passwords the API refuses', async () => {
      const common = await userAdd('chief@x.example', 'password123');
      expect(common.code).toBe(1);
      expect(common.stderr).toContain('这是常见密码（在常用密码表中），请换一个');
      const long = await userAdd('chief@x.example', 'Heyuan-2026-'.padEnd(73, 'x'));
      expect(long.stderr).toContain('密码过长：最多72个字节');
    });

    it('audits the account it makes, as the API does, without its password', async () => {
      const added = await userAdd('chief@x.example', 'heyuan-demo-2026');
      expect(added.stdout).toContain('已创建 (created) chief@x.example · admin');
      const id = await idOf('chief@x.example');
      const audit = await admin().get(`/api/audit?entityType=user&entityId=${id}`).expect(200);
      expect(audit.body.items).toEqual([
        expect.objectContaining({
          action: 'create_user',
          actor: BUREAU_EMAIL,
          actorRole: 'admin',
          after: expect.objectContaining({ email: 'chief@x.example', role: 'admin', hasPassword: true }),
        }),
      ]);
      expect(JSON.stringify(audit.body.items)).not.toContain('heyuan-demo-2026');
      expect(JSON.stringify(audit.body.items)).not.toContain('passwordHash');
      await h
        .http()
        .post('/api/auth/login')
        .send({ email: 'chief@x.example', password: 'heyuan-demo-2026' })
        .expect(200);
    });
  });

  async function idOf(email: string): Promise<string> {
    const users = await admin().get('/api/users?pageSize=200').expect(200);
    return (users.body.items as Array<{ id: string; email: string }>).find((u) => u.email === email)!.id;
  }
});
