import { renderNotice } from './notice-message';
import type { NoticeInput } from '../cycle/activities-contract';

const base: NoticeInput = {
  cycleId: 'cycle/heyuan/annual/2022',
  department: 'city-health',
  audience: 'supervisor',
  event: 'submitted_for_review',
  seq: 1,
  deadline: Date.parse('2023-03-31T16:00:00Z'),
  at: 0,
  items: [
    { key: 'indicator-2', title: '人均预期寿命', status: 'submitted', warnings: ['数值130不在合理范围0–120（岁）内'] },
    { key: 'indicator-21', title: '5岁以下儿童死亡率', status: 'submitted', reason: '<script>alert(1)</script>' },
  ],
};
const ctx = { cycleTitle: { zh: '2022年年度监测分析', en: 'annual monitoring 2022' }, departmentName: '市卫生健康局', publicUrl: 'https://pg.example' };

describe('renderNotice', () => {
  const n = renderNotice(base, ctx);

  it('names the cycle, the event and the department, zh-CN first', () => {
    expect(n.subject).toBe('【2022年年度监测分析】待审核：市卫生健康局（2项） / Waiting for your review');
    expect(n.text.indexOf('以下事项已提交，请审核：')).toBeLessThan(n.text.indexOf('These items were submitted for your review:'));
  });

  it('lists each item with its deadline in Shanghai time and its own link', () => {
    expect(n.text).toContain('人均预期寿命（待审核 / waiting for review）截止 2023年4月1日 00:00');
    expect(n.text).toContain('https://pg.example/cycles/cycle%2Fheyuan%2Fannual%2F2022/items/indicator-2');
    expect(n.html).toContain('href="https://pg.example/cycles/cycle%2Fheyuan%2Fannual%2F2022/items/indicator-21"');
  });

  it('shows the supervisor the data-quality warnings', () => {
    expect(n.text).toContain('数据质量提示 (data-quality warnings)：数值130不在合理范围0–120（岁）内');
  });

  it('keeps markup as text in the HTML part', () => {
    expect(n.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(n.html).not.toContain('<script>');
  });

  it('puts English first for a recipient who prefers it', () => {
    const en = renderNotice(base, { ...ctx, locale: 'en' });
    expect(en.subject).toBe('[annual monitoring 2022] Waiting for your review: 市卫生健康局 (2 items) / 待审核');
    expect(en.text.indexOf('These items were submitted for your review:')).toBeLessThan(en.text.indexOf('以下事项已提交，请审核：'));
  });
});
