/**
 * Schemathesis fuzzes the running API from its own OpenAPI description,
 * signed in as the bureau (who may call everything), over the real
 * PostgreSQL, Temporal test server and SMTP server with a cycle running:
 * no input, however malformed, may get a 5xx answer. Findings are fixed and
 * kept as regression tests in test/api.
 *
 * What schemathesis does not generate is sent beside it to the main write
 * endpoints (sign-in, draft, submit, review, launch, plan import): lone
 * surrogates and NUL characters as JSON escapes, bodies nested 3,000 levels
 * deep and bodies over 100 KB, each answered 400 or 413 with the one error
 * body, never 5xx.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { createUser } from '@libs/access/users';
import { AccessRepository } from '@libs/persistence/repositories/access.repository';
import { DAYS } from '../support/cycle-harness';
import { createApiHarness, PASSWORD, type ApiHarness } from '../support/api-harness';
import { HEYUAN_PLAN_FILE } from '../support/plans';

const run = promisify(execFile);
const ST = process.env.SCHEMATHESIS_PATH ?? join(__dirname, '../../.tools/venv/bin/st');
const KB = 1024;
const DEPTH = 3_000;

/** A value no form sends, as the JSON text that carries it, and the answer it must get. */
const HOSTILE: Array<[string, string, number]> = [
  ['a lone high surrogate', '"x\\ud800y"', 400],
  ['a lone low surrogate', '"\\udc00"', 400],
  ['a NUL character', '"x\\u0000y"', 400],
  [`arrays nested ${DEPTH} deep`, `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`, 400],
  [`objects nested ${DEPTH} deep`, `${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}`, 400],
  ['a text making the body 150 KB', `"${'填'.repeat(50 * KB)}"`, 413],
  ['a text making the body 2 MB', `"${'x'.repeat(2048 * KB)}"`, 413],
];

describe('the API under fuzzing', () => {
  let h: ApiHarness;
  let stopWorker: () => Promise<void>;
  let cycleId: string;
  beforeAll(async () => {
    h = await createApiHarness();
    stopWorker = await h.startWorker();
    const { itemKinds, ...definition } = await h.definition({
      fromYear: 2022,
      toYear: 2022,
      deadlineInDays: 30,
      hardCloseInDays: 60,
    });
    cycleId = (
      await h
        .http()
        .post('/api/cycles')
        .set('Authorization', `Bearer ${h.tokens.admin}`)
        .send({ ...definition, itemKinds })
        .expect(201)
    ).body.cycleId;
    await h.env.sleep(DAYS(1));
    await h.app.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    // Only the listening socket: the app's own shutdown would close the harness's database and Temporal connection.
    await new Promise((resolve) => h?.app.getHttpServer().close(resolve));
    await stopWorker?.();
    await h?.close();
  });

  it('never answers 5xx', async () => {
    const { port } = h.app.getHttpServer().address() as AddressInfo;
    const args = [
      'run',
      `http://127.0.0.1:${port}/api/docs-json`,
      '--checks',
      'not_a_server_error',
      '--header',
      `Authorization: Bearer ${h.tokens.admin}`,
      '--phases',
      'examples,coverage,fuzzing',
      '--max-examples',
      '25',
      '--max-time',
      '90',
      '--workers',
      '1',
      // Two cores run the API, the worker and Temporal's test server: a slow answer is not a missing one.
      '--request-timeout',
      '30',
      '--no-color',
      '--seed',
      '20261129',
      // No example database left in the checkout: each run starts from the seed.
      '--generation-database',
      'none',
      // Signing out would end the bureau's session, and every later case would only meet 401.
      '--exclude-path',
      '/api/auth/logout',
    ];
    const result = await run(ST, args, { maxBuffer: 32 * 1024 * 1024, timeout: 240_000 }).then(
      (r) => ({ code: 0, out: r.stdout }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: `${e.stdout}\n${e.stderr}` }),
    );
    if (result.code !== 0) console.log(result.out);
    expect(result.code).toBe(0);
    // Every operation but sign-out was reached, with hundreds of cases, and every case passed.
    const [, selected, total] = /Selected: (\d+)\/(\d+)\s+Tested: \1/.exec(result.out) ?? [];
    expect(Number(selected)).toBe(Number(total) - 1);
    const [, generated, passed] = /(\d+) generated, (\d+) passed/.exec(result.out) ?? [];
    expect(Number(generated)).toBeGreaterThan(500);
    expect(passed).toBe(generated);
  }, 300_000);

  describe('bodies schemathesis does not send', () => {
    /** A bureau session of its own: schemathesis, calling everything, may have signed the harness's out or changed its account. */
    let admin: string;
    beforeAll(async () => {
      const email = 'hostile-bodies@heyuan.example';
      await createUser(new AccessRepository(h.db.dataSource), {
        email,
        name: '统计局（畸形请求）',
        role: 'admin',
        department: null,
        password: PASSWORD,
      });
      admin = (await h.http().post('/api/auth/login').send({ email, password: PASSWORD }).expect(200)).body.token;
    });
    const item = () => `/api/cycles/${encodeURIComponent(cycleId)}/items/indicator-1`;
    // Each endpoint's body as JSON text, the hostile value in one of its text fields.
    const endpoints: Array<[string, 'post' | 'put', () => string, 'admin' | null, (value: string) => string]> = [
      ['sign-in', 'post', () => '/api/auth/login', null, (v) => `{"email":"nobody@heyuan.example","password":${v}}`],
      [
        'save a draft',
        'put',
        () => `${item()}/draft`,
        'admin',
        (v) => `{"submission":{"kind":"indicator","value":1,"dataSource":${v}}}`,
      ],
      [
        'save a draft, signed out',
        'put',
        () => `${item()}/draft`,
        null,
        (v) => `{"submission":{"kind":"indicator","value":1,"dataSource":${v}}}`,
      ],
      [
        'submit',
        'post',
        () => `${item()}/submit`,
        'admin',
        (v) => `{"submission":{"kind":"indicator","value":1,"dataSource":"统计公报","reasons":${v}}}`,
      ],
      ['review', 'post', () => `${item()}/review`, 'admin', (v) => `{"decision":"reject","reason":${v}}`],
      [
        'launch',
        'post',
        () => '/api/cycles',
        'admin',
        (v) =>
          `{"planCode":${v},"kind":"annual","fromYear":2023,"toYear":2023,"deadline":"2030-03-31T18:00:00+08:00","hardClose":"2030-05-31T18:00:00+08:00"}`,
      ],
    ];
    const cases = endpoints.flatMap(([endpoint, method, path, who, body]) =>
      HOSTILE.filter(([, , status]) => who || status === 413 || endpoint === 'sign-in').map(
        ([value, json, status]) => ({ name: `${endpoint}: ${value}`, method, path, who, body: body(json), status }),
      ),
    );

    it.each(cases.map((c) => [c.name, c] as const))('answers %s as expected, never 5xx', async (_name, c) => {
      let request = h.http()[c.method](c.path()).set('Content-Type', 'application/json');
      if (c.who) request = request.set('Authorization', `Bearer ${admin}`);
      const answer = await request.send(c.body);
      expect(answer.status).toBeLessThan(500);
      expect({ status: answer.status, code: answer.body.code }).toEqual({
        status: c.status,
        code: c.status === 413 ? 'too_large' : 'invalid_request',
      });
      expect(answer.body).toMatchObject({ message: expect.any(String), messageEn: expect.any(String) });
    });

    it('answers a plan file carrying each of them below 500, and one over the upload limit 413', async () => {
      const plan = await readFile(HEYUAN_PLAN_FILE, 'utf8');
      // The plan's source (a text), the first "source" in the file, carries each value.
      const withSource = (json: string) => plan.replace(/"source"\s*:\s*"[^"]*"/, () => `"source": ${json}`);
      const files: Array<[string, Buffer]> = [
        ...HOSTILE.map(([value, json]) => [value, Buffer.from(withSource(json))] as [string, Buffer]),
        ['a file over the 10 MB limit', Buffer.from(withSource(`"${'x'.repeat(11 * KB * KB)}"`))],
      ];
      const answers: Array<[string, number]> = [];
      for (const [value, bytes] of files) {
        const answer = await h
          .http()
          .post('/api/plans/import')
          .set('Authorization', `Bearer ${admin}`)
          .attach('file', bytes, 'heyuan.json');
        answers.push([value, answer.status]);
      }
      expect(answers.filter(([, status]) => status >= 500)).toEqual([]);
      expect(answers.at(-1)).toEqual(['a file over the 10 MB limit', 413]);
    });
  });
});
