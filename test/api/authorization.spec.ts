/**
 * The authorization matrix: every endpoint × every role, own department and
 * another's, plus a session opened from an email link and no session at all.
 * Allowed means the request gets past authorization (any answer but 401/403:
 * some are 400/404/409 because the body or state is deliberately not right);
 * refused means exactly 403 with a reason; no session means 401.
 */
import { DAYS } from '../support/cycle-harness';
import { createApiHarness, OWN, type AccountName, type ApiHarness } from '../support/api-harness';

type Role = AccountName | 'link';
const ROLES: Role[] = [
  'admin',
  'viewer',
  'approver',
  'submitter',
  'supervisor',
  'otherSubmitter',
  'otherSupervisor',
  'link',
];
const ALL_SIGNED_IN: Role[] = [
  'admin',
  'viewer',
  'approver',
  'submitter',
  'supervisor',
  'otherSubmitter',
  'otherSupervisor',
];
const READ_ITEM: Role[] = ['admin', 'viewer', 'approver', 'submitter', 'supervisor'];
/** Who comments on a report out for comments: the departments' people and the third-party evaluator. */
const COMMENT: Role[] = ['viewer', 'submitter', 'supervisor', 'otherSubmitter', 'otherSupervisor'];

interface Endpoint {
  name: string;
  method: 'get' | 'post' | 'put' | 'patch';
  path: (cycle: string) => string;
  body?: object;
  allowed: Role[];
}

const PLAN = 'heyuan-public-services-2021-2025';
const NO_PLAN = 'no-such-plan';
const item = (c: string, key = 'indicator-4') => `/api/cycles/${c}/items/${key}`;

// indicator-4 belongs to city-statistics (OWN); the link session is for indicator-1 only.
const ENDPOINTS: Endpoint[] = [
  { name: 'list plans', method: 'get', path: () => '/api/plans', allowed: ALL_SIGNED_IN },
  { name: 'plan indicators', method: 'get', path: () => `/api/plans/${PLAN}/indicators`, allowed: ALL_SIGNED_IN },
  { name: 'plan targets', method: 'get', path: () => `/api/plans/${PLAN}/targets`, allowed: ALL_SIGNED_IN },
  { name: 'plan tasks', method: 'get', path: () => `/api/plans/${PLAN}/tasks`, allowed: ALL_SIGNED_IN },
  { name: 'plan projects', method: 'get', path: () => `/api/plans/${PLAN}/projects`, allowed: ALL_SIGNED_IN },
  { name: 'export plan', method: 'get', path: () => `/api/plans/${PLAN}/export`, allowed: ALL_SIGNED_IN },
  { name: 'import plan', method: 'post', path: () => '/api/plans/import', allowed: ['admin'] },
  { name: 'service items', method: 'get', path: () => `/api/plans/${PLAN}/service-items`, allowed: ALL_SIGNED_IN },
  {
    name: 'assign service items',
    method: 'put',
    path: () => `/api/plans/${PLAN}/service-items/departments`,
    body: { assignments: [{ no: 1, department: OWN }] },
    allowed: ['admin'],
  },
  // An unknown plan (404 past authorization): this matrix runs on the time-skipping server, which has no schedules.
  { name: 'evaluation calendar', method: 'get', path: () => `/api/plans/${NO_PLAN}/calendar`, allowed: ALL_SIGNED_IN },
  { name: 'create the calendar', method: 'post', path: () => `/api/plans/${NO_PLAN}/calendar`, allowed: ['admin'] },
  {
    name: 'pause the calendar',
    method: 'post',
    path: () => `/api/plans/${NO_PLAN}/calendar/pause`,
    body: { reason: '规划调整' },
    allowed: ['admin'],
  },
  {
    name: 'resume the calendar',
    method: 'post',
    path: () => `/api/plans/${NO_PLAN}/calendar/resume`,
    body: { reason: '调整完成' },
    allowed: ['admin'],
  },
  // 规划调整: an unknown cycle (422) or adjustment (404), past authorization all the same.
  { name: 'plan adjustments', method: 'get', path: () => `/api/plans/${PLAN}/adjustments`, allowed: ALL_SIGNED_IN },
  { name: 'one adjustment', method: 'get', path: () => `/api/plans/${PLAN}/adjustments/999`, allowed: ALL_SIGNED_IN },
  {
    name: 'propose an adjustment',
    method: 'post',
    path: () => `/api/plans/${PLAN}/adjustments`,
    body: {
      cycleId: 'no-such-cycle',
      itemKind: 'indicator',
      itemNo: 4,
      adjustedTarget: '14',
      effectiveYear: 2024,
      reason: '调整',
    },
    allowed: ['admin'],
  },
  {
    name: 'decide on an adjustment',
    method: 'post',
    path: () => `/api/plans/${PLAN}/adjustments/999/decision`,
    body: { decision: 'approve' },
    allowed: ['supervisor', 'otherSupervisor', 'approver'],
  },
  {
    name: 'revise an adjustment',
    method: 'post',
    path: () => `/api/plans/${PLAN}/adjustments/999/revise`,
    body: { adjustedTarget: '14', effectiveYear: 2024, reason: '调整' },
    allowed: ['admin'],
  },
  { name: 'list departments', method: 'get', path: () => '/api/departments', allowed: ALL_SIGNED_IN },
  { name: 'one department', method: 'get', path: () => `/api/departments/${OWN}`, allowed: ALL_SIGNED_IN },
  {
    name: 'edit a contact',
    method: 'put',
    path: () => `/api/departments/${OWN}/contacts/submitter`,
    body: { name: '统计局填报人', email: `submitter@${OWN}.heyuan.example` },
    allowed: ['admin'],
  },
  {
    name: 'resolve a group',
    method: 'put',
    path: () => `/api/departments/${OWN}/members`,
    body: { members: [] },
    allowed: ['admin'],
  },
  { name: 'list delegations', method: 'get', path: () => '/api/delegations', allowed: ALL_SIGNED_IN },
  {
    name: 'delegate',
    method: 'post',
    path: () => '/api/delegations',
    body: {
      department: OWN,
      role: 'submitter',
      delegateName: '李四',
      delegateEmail: 'li@x.example',
      validFrom: '2026-02-01T00:00:00Z',
      validUntil: '2026-01-01T00:00:00Z',
    },
    allowed: ['admin', 'supervisor'],
  },
  { name: 'list users', method: 'get', path: () => '/api/users', allowed: ['admin'] },
  { name: 'create user', method: 'post', path: () => '/api/users', body: {}, allowed: ['admin'] },
  {
    name: 'change user',
    method: 'patch',
    path: () => '/api/users/00000000-0000-0000-0000-000000000000',
    body: {},
    allowed: ['admin'],
  },
  { name: 'launch', method: 'post', path: () => '/api/cycles', body: {}, allowed: ['admin'] },
  { name: 'preview a launch', method: 'post', path: () => '/api/cycles/preview', body: {}, allowed: ['admin'] },
  { name: 'list cycles', method: 'get', path: () => '/api/cycles', allowed: ALL_SIGNED_IN },
  { name: 'cycle state', method: 'get', path: (c) => `/api/cycles/${c}`, allowed: ALL_SIGNED_IN },
  { name: 'live state', method: 'get', path: (c) => `/api/cycles/${c}/live`, allowed: ALL_SIGNED_IN },
  { name: 'cycle overview (portal)', method: 'get', path: (c) => `/api/cycles/${c}/overview`, allowed: ALL_SIGNED_IN },
  {
    name: 'extend',
    method: 'post',
    path: (c) => `/api/cycles/${c}/extend`,
    body: { deadline: 'someday' },
    allowed: ['admin'],
  },
  {
    name: 'remind now',
    method: 'post',
    path: (c) => `/api/cycles/${c}/remind`,
    body: { department: OWN },
    allowed: ['admin'],
  },
  {
    name: 'reopen',
    method: 'post',
    path: (c) => `/api/cycles/${c}/reopen`,
    body: { itemKeys: ['indicator-4'], reason: '核实' },
    allowed: ['admin'],
  },
  { name: 'cancel', method: 'post', path: (c) => `/api/cycles/${c}/cancel`, body: {}, allowed: ['admin'] },
  { name: 'notices', method: 'get', path: (c) => `/api/cycles/${c}/notices`, allowed: ['admin', 'viewer'] },
  { name: 'stopped steps', method: 'get', path: (c) => `/api/cycles/${c}/problems`, allowed: ALL_SIGNED_IN },
  {
    name: 'retry a stopped step',
    method: 'post',
    path: (c) => `/api/cycles/${c}/problems/1/retry`,
    allowed: ['admin'],
  },
  { name: 'inbox', method: 'get', path: (c) => `/api/cycles/${c}/items`, allowed: ALL_SIGNED_IN },
  {
    name: 'inbox of a named department',
    method: 'get',
    path: (c) => `/api/cycles/${c}/items?department=${OWN}`,
    allowed: READ_ITEM,
  },
  // The bureau and viewers must name the department for role=cooperate (400): past authorization all the same.
  {
    name: 'inbox, items co-operated on',
    method: 'get',
    path: (c) => `/api/cycles/${c}/items?role=cooperate`,
    allowed: ALL_SIGNED_IN,
  },
  {
    name: 'items a named department co-operates on',
    method: 'get',
    path: (c) => `/api/cycles/${c}/items?role=cooperate&department=${OWN}`,
    allowed: READ_ITEM,
  },
  { name: 'item', method: 'get', path: (c) => item(c), allowed: READ_ITEM },
  {
    name: 'save draft',
    method: 'put',
    path: (c) => `${item(c)}/draft`,
    body: { submission: { kind: 'indicator', value: 12 } },
    allowed: ['admin', 'submitter'],
  },
  {
    name: 'submit',
    method: 'post',
    path: (c) => `${item(c)}/submit`,
    body: { submission: { kind: 'indicator' } },
    allowed: ['admin', 'submitter'],
  },
  {
    name: 'contribute (lead department)',
    method: 'post',
    path: (c) => `${item(c)}/contributions`,
    body: { text: '情况' },
    allowed: [],
  },
  {
    name: 'review',
    method: 'post',
    path: (c) => `${item(c)}/review`,
    body: { decision: 'approve' },
    allowed: ['admin', 'supervisor'],
  },
  {
    name: 'bulk approve',
    method: 'post',
    path: (c) => `/api/cycles/${c}/reviews/bulk-approve`,
    body: { department: OWN, itemKeys: ['indicator-4'] },
    allowed: ['admin', 'supervisor'],
  },
  { name: 'history', method: 'get', path: (c) => `${item(c)}/history`, allowed: READ_ITEM },
  { name: 'item guide (portal)', method: 'get', path: (c) => `${item(c)}/guide`, allowed: READ_ITEM },
  { name: 'upload evidence', method: 'post', path: (c) => `${item(c)}/evidence`, allowed: ['admin', 'submitter'] },
  {
    name: 'download evidence',
    method: 'get',
    path: (c) => `${item(c)}/evidence/00000000-0000-0000-0000-000000000000`,
    allowed: READ_ITEM,
  },
  { name: 'report versions', method: 'get', path: (c) => `/api/cycles/${c}/reports`, allowed: ALL_SIGNED_IN },
  { name: 'report file', method: 'get', path: (c) => `/api/cycles/${c}/reports/1/docx`, allowed: ALL_SIGNED_IN },
  { name: 'report text', method: 'get', path: (c) => `/api/cycles/${c}/report/text`, allowed: ALL_SIGNED_IN },
  {
    name: 'report text versions',
    method: 'get',
    path: (c) => `/api/cycles/${c}/report/text/recommendations.monitoring/versions`,
    allowed: ALL_SIGNED_IN,
  },
  {
    name: 'edit report text',
    method: 'put',
    path: (c) => `/api/cycles/${c}/report/text/recommendations.monitoring`,
    body: { text: '强化监测评估。', textEn: 'Keep monitoring.', baseVersion: 0 },
    allowed: ['admin'],
  },
  // The cycle runs: the review is refused (409 not closed, 404 or 409 not sent out), past authorization all the same.
  {
    name: 'send the report out for comments',
    method: 'post',
    path: (c) => `/api/cycles/${c}/review`,
    body: { deadline: '2030-01-01T00:00:00Z' },
    allowed: ['admin'],
  },
  { name: 'the review', method: 'get', path: (c) => `/api/cycles/${c}/review`, allowed: ALL_SIGNED_IN },
  {
    name: 'comment on the report',
    method: 'post',
    path: (c) => `/api/cycles/${c}/review/comments`,
    body: { section: 'summary', text: '意见' },
    allowed: COMMENT,
  },
  { name: 'no comment', method: 'post', path: (c) => `/api/cycles/${c}/review/no-comment`, allowed: COMMENT },
  {
    name: 'dispute a figure',
    method: 'post',
    path: (c) => `/api/cycles/${c}/review/disputes`,
    body: { itemKey: 'indicator-4', reason: '有误' },
    allowed: COMMENT,
  },
  {
    name: 'answer a comment',
    method: 'post',
    path: (c) => `/api/cycles/${c}/review/comments/c1/answer`,
    body: { accepted: true },
    allowed: ['admin'],
  },
  {
    name: 'decide a dispute',
    method: 'post',
    path: (c) => `/api/cycles/${c}/review/disputes/d1/decision`,
    body: { granted: false, reason: '数据无误' },
    allowed: ['admin'],
  },
  { name: 'finalise the report', method: 'post', path: (c) => `/api/cycles/${c}/review/finalise`, allowed: ['admin'] },
  {
    name: 'approve the final report',
    method: 'post',
    path: (c) => `/api/cycles/${c}/review/approval`,
    body: { approved: true },
    allowed: ['approver'],
  },
  // Before the close there is no assessment (404): past authorization all the same.
  {
    name: 'departments’ assessment',
    method: 'get',
    path: (c) => `/api/cycles/${c}/assessment`,
    allowed: ALL_SIGNED_IN,
  },
  {
    name: 'departments’ assessment workbook',
    method: 'get',
    path: (c) => `/api/cycles/${c}/assessment.xlsx`,
    allowed: ALL_SIGNED_IN,
  },
  { name: 'audit trail', method: 'get', path: () => '/api/audit', allowed: ['admin', 'viewer'] },
  { name: 'who am I', method: 'get', path: () => '/api/auth/me', allowed: [...ALL_SIGNED_IN, 'link'] },
];

describe('the authorization matrix', () => {
  let h: ApiHarness;
  let cycle: string;
  const tokens = {} as Record<Role, string>;
  let stopWorker: () => Promise<void>;

  beforeAll(async () => {
    h = await createApiHarness();
    Object.assign(tokens, h.tokens);
    stopWorker = await h.startWorker();
    const { itemKinds, ...definition } = await h.definition({
      fromYear: 2022,
      toYear: 2022,
      deadlineInDays: 30,
      hardCloseInDays: 60,
    });
    const launched = await h
      .http()
      .post('/api/cycles')
      .set('Authorization', `Bearer ${h.tokens.admin}`)
      .send({ ...definition, itemKinds })
      .expect(201);
    cycle = encodeURIComponent(launched.body.cycleId);
    await h.env.sleep(DAYS(1));
    const link = /http:\/\/portal\.test\/l\/([\w.-]+)/.exec(
      h.mailsTo(`submitter@${OWN}.heyuan.example`, '填报任务')[0].text,
    )![1];
    const opened = await h.http().post('/api/auth/link').send({ token: link }).expect(200);
    expect(opened.body.item.itemKey).toBe('indicator-1');
    tokens.link = opened.body.token;
  });
  afterAll(async () => {
    await stopWorker?.();
    await h?.close();
  });

  const cases = ENDPOINTS.flatMap((e) => ROLES.map((role) => [e.name, role, e.allowed.includes(role), e] as const));

  it.each(cases)('%s as %s: allowed=%s', async (_, role, allowed, e) => {
    const res = await h.http()[e.method](e.path(cycle)).set('Authorization', `Bearer ${tokens[role]}`).send(e.body);
    if (allowed) {
      expect([401, 403]).not.toContain(res.status);
      expect(res.status).toBeLessThan(500);
    } else {
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('forbidden');
      expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it.each(ENDPOINTS.map((e) => [e.name, e] as const))('%s without a session: 401', async (_, e) => {
    const res = await h.http()[e.method](e.path(cycle)).send(e.body);
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'unauthorized', message: '请先登录' });
  });
});
