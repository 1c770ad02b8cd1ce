/**
 * Sessions that end and links that stop short, in a real browser (Debian's
 * Chromium driven by playwright-core) against the built portal and the real
 * API app over the test's PostgreSQL, time-skipping Temporal server and SMTP
 * server. A session that lapses (in the tab, or refused by the API) shows the
 * sign-in page saying 登录已过期, and signing in returns to the page the person
 * was on; a session opened from a mailed link that wanders off its item is
 * told why; every link page, good or not, offers 登录系统; 忘记密码 mails a
 * link that sets a new password.
 */
import type { Page } from 'playwright-core';
import { TokenSigner } from '@libs/access/tokens';
import { DAYS } from '../support/cycle-harness';
import { ACCOUNTS } from '../support/api-harness';
import { portalHarness } from '../support/portal-harness';

const enc = encodeURIComponent;
const SESSION_KEY = 'plan-eval.session';

/**
 * Reloads the page with its stored session changed. The change is written as the new document starts, not
 * before the reload: a request the old page still made with the changed session would be refused and end the
 * session (clearing it) before the reload, and the page would then open as if nobody had signed in.
 */
async function reloadWithSession(page: Page, change: Record<string, string>): Promise<void> {
  const stored = JSON.parse((await page.evaluate(`sessionStorage.getItem('${SESSION_KEY}')`)) ?? 'null') as object;
  expect(stored).not.toBeNull();
  const changed = JSON.stringify(JSON.stringify({ ...stored, ...change }));
  await page.addInitScript(`sessionStorage.setItem('${SESSION_KEY}', ${changed})`);
  await page.reload();
}

describe('lapsed sessions and link sessions in a real browser', () => {
  // A refused session or link (altered: 400) is a 4xx the browser logs as a failed resource.
  const h = portalHarness({ expectedErrors: (m) => /status of 40[013]/.test(m.text()) });
  let cycleId: string;

  beforeAll(async () => {
    await h.startWorker();
    ({ cycleId } = await h.launch({ deadlineInDays: 30, hardCloseInDays: 60 }));
    await h.env.sleep(DAYS(1));
  });
  const itemPage = (key: string) => `/cycles/${enc(cycleId)}/items/${enc(key)}`;

  it('a session lapsed in the tab says 登录已过期 and signs in back to the page the person was on', async () => {
    const page = await h.signIn('submitter');
    await page.goto(`${h.origin}${itemPage('indicator-1')}`);
    await page.getByRole('button', { name: '提交审核' }).waitFor();

    // The tab sat past the session's expiry.
    await reloadWithSession(page, { expiresAt: new Date(Date.now() - 1000).toISOString() });
    await page.getByRole('status').getByText('登录已过期，请重新登录').waitFor();
    await h.signIn('submitter', page);
    expect(new URL(page.url()).pathname).toBe(itemPage('indicator-1'));
    await page.getByRole('button', { name: '提交审核' }).waitFor();
  }, 120_000);

  it('a session the API finds expired says so on the next request, and signs in back to that page', async () => {
    const page = await h.signIn('submitter');
    // The server's clock is past the token's expiry, the tab's is not.
    const expired = h.app.get(TokenSigner).session({ ...(await me(h.tokens.submitter)), tokenVersion: 0 }, -60_000);
    // The next request the page makes (loading /inbox again) is refused.
    await reloadWithSession(page, { token: expired.token });
    await page.getByRole('status').getByText('登录已过期，请重新登录').waitFor();
    expect(new URL(page.url()).pathname).toBe('/inbox');
    await h.signIn('submitter', page);
    expect(new URL(page.url()).pathname).toBe('/inbox');
    expect(await page.getByRole('status').count()).toBe(0);
  }, 120_000);

  it('a link session that wanders is told why and offered 登录系统; every link page offers it', async () => {
    const [digest] = h.mailsTo(ACCOUNTS.submitter.email, '填报任务');
    const token = /http:\/\/portal\.test\/l\/([\w.-]+)/.exec(digest.text)![1];
    const page = await h.open();
    await page.goto(`${h.origin}/l/${token}`);
    await page.waitForURL(/\/cycles\/.+\/items\/.+$/);
    const item = new URL(page.url()).pathname;
    await page.getByRole('button', { name: '登录系统' }).waitFor();

    // Another page: the reason, the way back and the way in.
    await page.goto(`${h.origin}/inbox`);
    await page.getByText('邮件链接只能办理邮件中的事项').waitFor();
    await page.getByText(/您是通过通知邮件中的链接进入的，此次登录只能填报邮件所指的事项/).waitFor();
    await page.getByRole('link', { name: '返回邮件中的事项' }).click();
    expect(new URL(page.url()).pathname).toBe(item);
    // Another item of the same department is no more this link's than any other page.
    await page.goto(`${h.origin}${itemPage(item.endsWith('indicator-1') ? 'indicator-4' : 'indicator-1')}`);
    await page.getByText('邮件链接只能办理邮件中的事项').waitFor();
    await page.locator('.ant-result').getByRole('button', { name: '登录系统' }).click();
    await page.locator('#email').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');

    // The API's link pages, a good link's and an altered one's, each offer the way in without a link.
    for (const path of [`/l/${token}`, `/l/${token.slice(0, -4)}xxxx`]) {
      const res = await h.http().get(path);
      expect(res.text).toContain('<a id="sign-in" href="/login">登录系统');
    }
    const altered = await h.open();
    await altered.goto(`${h.origin}/l/${token.slice(0, -4)}xxxx`);
    await altered.getByRole('link', { name: /登录系统/ }).click();
    await altered.locator('#email').waitFor();
    expect(h.problems).toEqual([]);
  }, 120_000);

  it('忘记密码: the link by email sets a new password, refused in place when weak', async () => {
    const page = await h.open();
    await page.goto(`${h.origin}/login`);
    await page.getByRole('link', { name: '忘记密码' }).click();
    await page.locator('#email').fill(ACCOUNTS.otherSupervisor.email);
    await page.getByRole('button', { name: '发送重置链接' }).click();
    await page
      .getByRole('status')
      .getByText(/如果该邮箱已在系统中注册/)
      .waitFor();
    let mails = h.mailsTo(ACCOUNTS.otherSupervisor.email, '重新设置登录密码');
    for (let i = 0; i < 100 && !mails.length; i++) {
      await page.waitForTimeout(50);
      mails = h.mailsTo(ACCOUNTS.otherSupervisor.email, '重新设置登录密码');
    }
    const link = /https?:\/\/[^/\s]+(\/reset-password#\S+)/.exec(mails[0].text)![1];

    await page.goto(`${h.origin}${link}`);
    await page.locator('#password').fill('password123');
    // The link is a credential: out of the address bar once read.
    expect(new URL(page.url()).hash).toBe('');
    await page.locator('#confirm').fill('password123');
    await page.getByRole('button', { name: '设置新密码' }).click();
    await page
      .locator('#password_help')
      .getByText(/常见密码|太容易被猜到/)
      .waitFor();
    await page.locator('#password').fill('Dongjiang-river-lamp-2031');
    await page.locator('#confirm').fill('Dongjiang-river-lamp-2031');
    await page.getByRole('button', { name: '设置新密码' }).click();
    await page.getByText('新密码已设置，请用新密码登录').waitFor();
    await page.getByRole('button', { name: '登录系统' }).click();
    await page.locator('#email').fill(ACCOUNTS.otherSupervisor.email);
    await page.locator('#password').fill('Dongjiang-river-lamp-2031');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '退出' }).waitFor();
    expect(h.problems).toEqual([]);
  }, 120_000);

  const me = async (token: string) =>
    (await h.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200)).body;
});
