import { checkPasswordStrength, hashPassword, PASSWORD_MAX_BYTES, verifyPassword } from './passwords';

describe('checkPasswordStrength', () => {
  const cjk = (n: number) => '河源市公共服务十四五规划监测评估年度中期总结指标任务项目数据'.slice(0, n);
  it.each<[string, string, string[], string | null]>([
    ['the demo’s password', 'heyuan-demo-2026', [], null],
    ['the tests’ password', 'Heyuan-2026-test', [], null],
    ['a passphrase of plain words', 'lantern orchard quietly', [], null],
    ['72 bytes of Chinese (24 characters)', cjk(24), [], null],
    ['too short', 'Ab3-x', [], '密码至少需要10个字符'],
    ['on the common-password list', 'password123', [], '这是常见密码（在常用密码表中），请换一个'],
    ['on the list whatever its case', 'QWERTY123456', [], '这是常见密码（在常用密码表中），请换一个'],
    ['a common word with a year', 'Password2024', [], '密码太容易被猜到（强度1/4，至少需要3）'],
    ['a keyboard run', 'asdfghjkl;123', [], '密码太容易被猜到'],
    ['a repeat', 'abcabcabcabc', [], '密码太容易被猜到'],
    [
      'the account’s own email',
      'wang.fang@wjj.heyuan.example',
      ['wang.fang@wjj.heyuan.example', '王芳'],
      '密码太容易被猜到',
    ],
    [
      '73 bytes',
      'x'.repeat(PASSWORD_MAX_BYTES + 1),
      [],
      '密码过长：最多72个字节（UTF-8 编码，一个汉字占3个字节），此密码有73个字节',
    ],
    ['25 Chinese characters (75 bytes)', cjk(25), [], '此密码有75个字节'],
  ])('%s', (_label, password, personal, refusal) => {
    const problem = checkPasswordStrength(password, personal);
    if (refusal === null) expect(problem).toBeNull();
    else expect(problem?.zh).toContain(refusal);
    if (problem) expect(problem.en.length).toBeGreaterThan(10);
  });
});

describe('verifyPassword', () => {
  it('matches the hashed password only, and is false without a hash', async () => {
    const hash = await hashPassword('Heyuan-2026-test');
    expect(await verifyPassword('Heyuan-2026-test', hash)).toBe(true);
    expect(await verifyPassword('Heyuan-2026-tess', hash)).toBe(false);
    expect(await verifyPassword('Heyuan-2026-test', null)).toBe(false);
  });
});
