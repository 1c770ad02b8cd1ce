import { validateContactEmail } from './contact-email';

describe('validateContactEmail', () => {
  it.each([
    'submitter@city-health.heyuan.example',
    'li.hua+plan@tjj.heyuan.gov.cn',
    "o'brien@example.org",
    'wang_fang@xn--fiqs8s.xn--fiqz9s',
  ])('accepts %s', (address) => {
    expect(validateContactEmail('市卫生健康局', 'submitter', address)).toBeNull();
  });

  it.each([
    ['', '邮箱为空', 'the address is empty'],
    ['wang＠wjj.heyuan.example', '含有全角字符', 'full-width characters'],
    ['wang@wjj。heyuan。example', '含有全角字符', 'full-width characters'],
    ['wang fang@wjj.heyuan.example', '含有空格', 'spaces'],
    ['王芳@wjj.heyuan.example', '非 ASCII', 'non-ASCII'],
    ['wang@wjj@heyuan.example', '恰好包含一个 @', 'exactly one @'],
    ['wjj.heyuan.example', '恰好包含一个 @', 'exactly one @'],
    ['@wjj.heyuan.example', '@ 前的用户名不合规', 'before the @'],
    ['wang..fang@wjj.heyuan.example', '@ 前的用户名不合规', 'before the @'],
    ['.wang@wjj.heyuan.example', '@ 前的用户名不合规', 'before the @'],
    [`${'w'.repeat(65)}@wjj.heyuan.example`, '@ 前的用户名不合规', 'before the @'],
    ['wang@localhost', '域名缺少后缀', 'no top-level part'],
    ['wang@wjj..example', '@ 后的域名不合规', 'domain after the @'],
    ['wang@-wjj.example', '@ 后的域名不合规', 'domain after the @'],
    ['wang@wjj.heyuan.c0m', '@ 后的域名不合规', 'domain after the @'],
    ['wang@wjj_heyuan.example', '@ 后的域名不合规', 'domain after the @'],
    [`wang@${'a'.repeat(250)}.cn`, '超过 254 个字符', 'longer than 254'],
  ])('refuses "%s", naming the department, the role and the address', (address, zh, en) => {
    const problem = validateContactEmail('市卫生健康局', 'supervisor', address);
    expect(problem?.zh).toBe(`市卫生健康局审核人的邮箱“${address}”格式不对：${problem?.zh.split('格式不对：')[1]}`);
    expect(problem?.zh).toContain(zh);
    expect(problem?.en).toContain(`市卫生健康局 supervisor: "${address}" is not a usable email address: `);
    expect(problem?.en).toContain(en);
  });
});
