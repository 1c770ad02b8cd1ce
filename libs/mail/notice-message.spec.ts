import { plainItemLink, renderNotice } from './notice-message';
import type { NoticeEvent, NoticeInput } from '../cycle/activities-contract';

const base: NoticeInput = {
  cycleId: 'cycle/heyuan/annual/2022',
  department: 'city-health',
  audience: 'supervisor',
  event: 'submitted_for_review',
  seq: 1,
  deadline: Date.parse('2023-03-31T16:00:00Z'),
  at: 0,
  items: [
    {
      key: 'indicator-2',
      title: '人均预期寿命',
      status: 'submitted',
      warnings: [{ zh: '数值130不在合理范围0–120（岁）内', en: '130 is outside the plausible range 0–120 (years)' }],
    },
    { key: 'indicator-21', title: '5岁以下儿童死亡率', status: 'submitted', reason: '<script>alert(1)</script>' },
  ],
};
const ctx = {
  cycleTitle: { zh: '2022年年度监测分析', en: 'annual monitoring 2022' },
  departmentName: '市卫生健康局',
  recipientName: '市卫生健康局审核人',
  publicUrl: 'https://pg.example',
};

describe('renderNotice', () => {
  const n = renderNotice(base, ctx);

  it('names the cycle, the event and the department, in Chinese only', () => {
    expect(n.subject).toBe('【2022年年度监测分析】待审核：市卫生健康局（2项）');
    expect(n.text).toMatch(/^市卫生健康局审核人：\n/);
    expect(n.text).toContain('市卫生健康局以下事项已提交，请审核：\n');
    for (const part of [n.subject, n.text, n.html.replace(/<[^>]+>/g, '')])
      expect(part.replace(/https?:\S+|(&lt;|<)\/?script(&gt;|>)|alert/g, '')).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('lists each item with its status and its own link', () => {
    expect(n.text).toContain('- 人均预期寿命（待审核）\n');
    expect(n.text).toContain('https://pg.example/cycles/cycle%2Fheyuan%2Fannual%2F2022/items/indicator-2');
    expect(n.html).toContain('href="https://pg.example/cycles/cycle%2Fheyuan%2Fannual%2F2022/items/indicator-21"');
  });

  it('links through the builder it is given', () => {
    const signed = renderNotice(base, { ...ctx, itemLink: (key) => `https://pg.example/l/token-for-${key}` });
    expect(signed.text).toContain('https://pg.example/l/token-for-indicator-2');
    expect(signed.html).toContain('href="https://pg.example/l/token-for-indicator-21"');
    expect(plainItemLink('https://pg.example', 'a/b', 'task-1')).toBe('https://pg.example/cycles/a%2Fb/items/task-1');
  });

  it('shows the supervisor the data-quality warnings, in the mail’s language', () => {
    expect(n.text).toContain('数据质量提示：数值130不在合理范围0–120（岁）内');
    expect(renderNotice(base, { ...ctx, locale: 'en' }).text).toContain(
      'Data-quality warnings: 130 is outside the plausible range 0–120 (years)',
    );
    // Queued before warnings were kept in both languages: as they were.
    const older = { ...base, items: [{ ...base.items[0], warnings: ['数值130不在合理范围'] }] };
    expect(renderNotice(older, ctx).text).toContain('数据质量提示：数值130不在合理范围');
  });

  it('keeps markup as text in the HTML part, and as it was written in the text part', () => {
    expect(n.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(n.html).not.toContain('<script>');
    expect(n.text).toContain('原因：<script>alert(1)</script>');
  });

  it('is in English only for a recipient who reads English', () => {
    const en = renderNotice(base, {
      ...ctx,
      departmentName: 'Municipal Health Commission',
      recipientName: 'Health supervisor',
      locale: 'en',
    });
    expect(en.subject).toBe('[annual monitoring 2022] Waiting for your review: Municipal Health Commission (2 items)');
    expect(en.text).toMatch(/^Dear Health supervisor,\n/);
    expect(en.text).toContain('Municipal Health Commission submitted these items for your review:\n');
    expect(en.text).toContain('- 人均预期寿命 (waiting for review)');
    expect(en.text).toContain('Reason: <script>');
    expect(en.html).toContain('<html lang="en">');
    // The item titles are the caller's (the plan's English where it has them); nothing else is Chinese.
    for (const part of [en.subject, en.text.replace(/人均预期寿命|5岁以下儿童死亡率/g, '')])
      expect(part).not.toMatch(/[\u4e00-\u9fff]/);
  });

  // Every event: its subject, its opening line, the deadline it should show, complete parts, one language each.
  const events: Array<[NoticeEvent, string, string, string | null]> = [
    ['assignment', '填报任务', '以下事项请按时填报：', '截止时间：2023年4月1日 00:00'],
    ['contribution_request', '配合填报', '请为以下事项向牵头单位提供配合材料：', '截止时间：2023年4月1日 00:00'],
    ['reminder', '填报提醒', '以下事项尚未提交', '截止时间：2023年4月1日 00:00'],
    ['overdue', '逾期提醒', '以下事项已逾期，请尽快提交：', '截止时间（已过）：2023年4月1日 00:00'],
    ['escalate_supervisor', '逾期督办', '市卫生健康局以下事项逾期未交', '截止时间（已过）：2023年4月1日 00:00'],
    [
      'escalate_bureau',
      '逾期督办（统计局）',
      '市卫生健康局以下事项逾期已久仍未提交',
      '截止时间（已过）：2023年4月1日 00:00',
    ],
    ['submitted_for_review', '待审核', '市卫生健康局以下事项已提交，请审核：', null],
    ['review_reminder', '审核提醒', '市卫生健康局以下事项仍在等待您审核：', null],
    ['rejected', '已退回', '以下事项被审核人退回', '截止时间：2023年4月1日 00:00'],
    ['approved', '已通过审核', '以下事项已通过审核', null],
    ['reopened', '重新打开', '统计局重新打开了以下事项', '截止时间：2023年4月1日 00:00'],
    ['deadline_changed', '截止时间调整', '以下事项请在新的截止时间前提交：', '新的截止时间：2023年4月1日 00:00'],
    ['record_refused', '填报记录未能保存，需要处理', '市卫生健康局以下事项的操作已受理，但数据库拒绝保存其记录', null],
    ['cycle_cancelled', '评估已取消', '本轮评估已取消，以下事项无需再填报：', null],
    ['report_ready', '评估报告已生成', '本轮评估已结束，评估报告已生成', null],
  ];
  it.each(events)('renders %s: subject, opening, deadline, both parts', (event, subject, lead, deadline) => {
    const m = renderNotice({ ...base, event }, ctx);
    expect(m.subject).toContain(`】${subject}：市卫生健康局`);
    expect(m.text).toContain(lead);
    expect(m.html).toContain(lead);
    if (deadline) expect(m.text).toContain(deadline);
    else expect(m.text).not.toMatch(/截止时间/);
    for (const part of [m.text, m.html]) {
      expect(part).not.toMatch(/\{\{|\}\}|undefined|\[object/);
      expect(part).toContain('人均预期寿命');
      expect(part).toContain('2022年年度监测分析');
    }
    expect(`${m.subject}${m.text}`.replace(/https?:\S+|<\/?script>|alert/g, '')).not.toMatch(/[A-Za-z]{3,}/);
    const en = renderNotice(
      { ...base, event, items: base.items.map((i) => ({ ...i, title: `item ${i.key}` })) },
      { ...ctx, departmentName: 'Health Commission', recipientName: 'Ms Li', locale: 'en' },
    );
    expect(en.subject).toMatch(/^\[annual monitoring 2022\] [A-Z].+: Health Commission \(2 items\)$/);
    for (const part of [en.subject, en.text, en.html]) expect(part).not.toMatch(/[\u4e00-\u9fff]/);
    if (deadline) expect(en.text).toMatch(/[Dd]eadline.*: 1 April 2023 at 00:00, Beijing time\n/);
  });

  it('names the report and what is attached', () => {
    const m = renderNotice(
      { ...base, event: 'report_ready', items: [], reportPath: '/srv/reports/report-v1.json' },
      { ...ctx, attachments: ['report-v1.docx', 'report-v1.xlsx'] },
    );
    expect(m.subject).toBe('【2022年年度监测分析】评估报告已生成：市卫生健康局');
    expect(m.text).toContain('评估报告：/srv/reports/report-v1.json\n附件：report-v1.docx\n附件：report-v1.xlsx');
    expect(m.html).toContain('附件：report-v1.docx');
    expect(m.html).not.toContain('<ul>');
  });
});
