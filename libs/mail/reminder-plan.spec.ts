import { remindAnswer, type PlannedReminder } from './reminder-plan';

// 2026-03-10 14:05 in Beijing.
const LEAVES_BY = Date.parse('2026-03-10T06:05:00Z');
const education: PlannedReminder = {
  department: 'city-education',
  departmentName: '市教育局',
  departmentNameEn: 'Municipal Education Bureau',
  recipient: { name: '张三', email: 'zhang.san@jyj.heyuan.example' },
  items: 4,
  afterAssignment: false,
};
const dept = (n: number, extra: Partial<PlannedReminder> = {}): PlannedReminder => ({
  ...education,
  department: `d-${n}`,
  departmentName: `部门${n}`,
  departmentNameEn: `Department ${n}`,
  items: 1,
  ...extra,
});

describe('remindAnswer', () => {
  // reminders, departments in scope, what the Chinese says, what the English says
  const cases: Array<[string, PlannedReminder[], number, RegExp[], RegExp[]]> = [
    [
      'one department: who, how many, by when',
      [education],
      1,
      [/^已催办：市教育局填报人张三（zhang\.san@jyj\.heyuan\.example）4项。/, /最迟于3\/10 14:05（北京时间）前/],
      [
        /^Reminded: Municipal Education Bureau's submitter 张三 <zhang\.san@jyj\.heyuan\.example>, 4 items\./,
        /by 10 March at 14:05 Beijing time\.$/,
      ],
    ],
    [
      'nothing owed',
      [],
      1,
      [/^该部门没有待填报的事项，未发送催办。$/],
      [/^The department owes nothing, so no reminder was sent\.$/],
    ],
    ['nothing owed anywhere', [], 12, [/^没有部门有待填报的事项/], [/^No department owes anything/]],
    [
      'many departments: three named, the rest counted, those owing nothing said',
      [1, 2, 3, 4, 5].map((n) => dept(n)),
      7,
      [/部门1填报人张三.*、部门2.*、部门3.*1项等5个部门。/, /2个部门没有待填报的事项，未催办。$/],
      [/, 1 item and 2 more departments\./, / 2 departments owe nothing and were not reminded\.$/],
    ],
    [
      'an assignment not yet sent goes first',
      [dept(1, { afterAssignment: true })],
      1,
      [/；1个部门的填报任务通知尚未发出，催办在其后发出。$/],
      [/; 1 department still awaits its assignment notice, which goes first\.$/],
    ],
    [
      'a department without a submitter',
      [dept(1, { recipient: null })],
      1,
      [/部门1（无填报人）1项/],
      [/Department 1's submitter \(none on record\), 1 item/],
    ],
  ];
  it.each(cases)('%s', (_, reminders, departments, zh, en) => {
    const answer = remindAnswer({ reminders, departments }, LEAVES_BY);
    for (const pattern of zh) expect(answer.zh).toMatch(pattern);
    for (const pattern of en) expect(answer.en).toMatch(pattern);
    expect(answer.en.replace(/张三/g, '')).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
