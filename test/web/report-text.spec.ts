/**
 * 报告文字 in a real browser (Debian's Chromium driven by playwright-core)
 * against the built portal, the real API app, PostgreSQL and Temporal's test
 * server: on a closed cycle's report page the bureau sees each drafted
 * paragraph beside the text it edits; an empty text is refused at its field
 * before anything is sent; a save becomes version 1; a second tab that loaded
 * before it is refused, told who saved, keeps what was typed and saves it as
 * version 2 over the version it now shows; the history lists the drafted
 * text and both saves with who and when. The report itself (its figures) is
 * the other tab, read-only.
 */
import type { Page } from 'playwright-core';
import { DAYS } from '../support/cycle-harness';
import { portalHarness } from '../support/portal-harness';

const EDITED = '市退役军人事务局等部门未按要求报送，已发函督办。';
const SECOND = '部分部门未按期报送监测数据，市统计局已逐一督办。';

describe('the bureau edits the report’s text in a real browser', () => {
  // The stale save's 409 is the refusal the test asks for; the browser logs it as a failed resource.
  const h = portalHarness({ expectedErrors: (m) => m.text().includes('status of 409') });

  const textTab = async (page: Page, cycleId: string) => {
    await page.goto(`${h.origin}/cycles/${encodeURIComponent(cycleId)}/reports/1`);
    await page.getByRole('tab', { name: '报告文字' }).click();
    return page.getByTestId('section-problems.reporting');
  };

  it('edits a drafted paragraph, is refused over a stale version, and lists the versions', async () => {
    await h.startWorker();
    // Nobody reports: at the hard close the report drafts the departments that did not.
    const { cycleId } = await h.launch({ deadlineInDays: 30, hardCloseInDays: 60 });
    await h.env.sleep(DAYS(61));

    const page = await h.signIn('admin');
    const other = await h.signIn('admin');
    const section = await textTab(page, cycleId);
    const stale = await textTab(other, cycleId);
    await section.getByTestId('drafted').getByText('部分部门报送不够及时').waitFor();
    await section.getByText('草拟', { exact: true }).waitFor();
    // The report with its figures is the other tab, shown as compiled.
    await page.getByRole('tab', { name: '报告', exact: true }).waitFor();

    // Empty: refused at the field, nothing sent.
    await section.getByLabel('中文').fill('');
    await section.getByRole('button', { name: '保存' }).click();
    await section.getByText('请填写段落文字').waitFor();

    await section.getByLabel('中文').fill(EDITED);
    await section.getByRole('button', { name: '保存' }).click();
    await page.getByText('已保存为第1版').waitFor();
    await section.getByText('修改稿 第1版').waitFor();
    await section.getByText(/^第1版：admin，/).waitFor();

    // The other tab still shows the drafted text: its save is refused, saying who saved; what it typed stays.
    await stale.getByLabel('中文').fill(SECOND);
    await stale.getByRole('button', { name: '保存' }).click();
    await other.getByText('这一段已由admin修改为第1版，请在最新版本上修改后再保存').waitFor();
    await stale.getByText('修改稿 第1版').waitFor();
    expect(await stale.getByLabel('中文').inputValue()).toBe(SECOND);
    await stale.getByRole('button', { name: '保存' }).click();
    await other.getByText('已保存为第2版').waitFor();
    await stale.getByText('修改稿 第2版').waitFor();

    await stale.getByRole('button', { name: '修改记录（3）' }).click();
    const history = other.getByRole('dialog', { name: '修改记录' });
    await history.locator('tr', { hasText: '系统草拟' }).getByText('部分部门报送不够及时').waitFor();
    await history.locator('tr', { hasText: EDITED }).getByText('admin').waitFor();
    await history.locator('tr', { hasText: SECOND }).getByText('admin').waitFor();
    expect(h.problems).toEqual([]);
  }, 240_000);
});
