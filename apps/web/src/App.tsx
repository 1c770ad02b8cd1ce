/** The portal's routes, by who is signed in: departments, supervisors, the bureau; a link session sees only its item. */
import { useEffect, useState, type ReactNode } from 'react';
import { Button, Layout, Menu, Result, Segmented, Space, Tag, Typography } from 'antd';
import { useI18n, type Locale } from './i18n';
import { ROLE_LABELS, PURPOSE_LABELS, itemPath } from './labels';
import { Link, match, useRouter } from './router';
import { api } from './api';
import { readSession, type Session } from './session';
import { LoginPage } from './pages/LoginPage';
import { LinkPage } from './pages/LinkPage';
import { InboxPage } from './pages/InboxPage';
import { ItemPage } from './pages/ItemPage';
import { ReviewPage } from './pages/ReviewPage';
import { CyclesPage } from './pages/CyclesPage';
import { DashboardPage } from './pages/DashboardPage';
import { ReportPage } from './pages/ReportPage';
import { CatalogPage } from './pages/CatalogPage';
import { DirectoryPage } from './pages/DirectoryPage';

export function homeOf(session: Session): string {
  const { user } = session;
  if (user.scope) return itemPath(user.scope.cycleId, user.scope.itemKey);
  if (user.role === 'supervisor') return '/reviews';
  if (user.role === 'submitter') return '/inbox';
  return '/cycles';
}

export function App() {
  const { path, navigate } = useRouter();
  const [session, setSession] = useState(readSession);
  useEffect(() => {
    const onSignOut = () => setSession(null);
    window.addEventListener('plan-eval:signed-out', onSignOut);
    return () => window.removeEventListener('plan-eval:signed-out', onSignOut);
  }, []);
  const signedIn = (s: Session) => {
    setSession(s);
    navigate(homeOf(s), { replace: true });
  };

  if (path === '/link') return <LinkPage onSignedIn={signedIn} />;
  if (!session || path === '/login') return <LoginPage onSignedIn={signedIn} />;
  if (path === '/' || path === '') return <Redirect to={homeOf(session)} />;
  return (
    <Shell
      session={session}
      onSignOut={() =>
        void api.signOut().then(() => {
          setSession(null);
          navigate('/login');
        })
      }
    >
      <Page path={path} session={session} />
    </Shell>
  );
}

function Redirect({ to }: { to: string }) {
  const { navigate } = useRouter();
  useEffect(() => navigate(to, { replace: true }), [navigate, to]);
  return null;
}

function Page({ path, session }: { path: string; session: Session }) {
  const { t } = useI18n();
  const admin = session.user.role === 'admin' || session.user.role === 'viewer';
  let m: Record<string, string> | null;
  if ((m = match('/cycles/:cycleId/items/:itemKey', path)))
    return <ItemPage key={path} cycleId={m.cycleId} itemKey={m.itemKey} session={session} />;
  if (!session.user.scope) {
    if (path === '/inbox') return <InboxPage session={session} />;
    if (path === '/reviews') return <ReviewPage session={session} />;
    if (path === '/catalog') return <CatalogPage session={session} />;
    if (path === '/directory') return <DirectoryPage session={session} />;
    if (path === '/cycles' && admin) return <CyclesPage session={session} />;
    if ((m = match('/cycles/:cycleId/reports/:version', path)))
      return <ReportPage cycleId={m.cycleId} version={Number(m.version)} />;
    if ((m = match('/cycles/:cycleId', path)) && admin)
      return <DashboardPage key={path} cycleId={m.cycleId} session={session} />;
  }
  return (
    <Result
      status="404"
      title={t('没有这个页面', 'No such page')}
      extra={<Link to={homeOf(session)}>{t('返回首页', 'Back to the start page')}</Link>}
    />
  );
}

function Shell({ session, onSignOut, children }: { session: Session; onSignOut(): void; children: ReactNode }) {
  const { t, lx, locale, setLocale } = useI18n();
  const { path, navigate } = useRouter();
  const { user } = session;
  const entries: Array<{ key: string; label: string }> = [];
  if (!user.scope) {
    if (user.role === 'admin' || user.role === 'viewer')
      entries.push({ key: '/cycles', label: t('评估轮次', 'Cycles') });
    if (user.role === 'submitter' || user.role === 'supervisor')
      entries.push({ key: '/inbox', label: t('本部门事项', 'Our items') });
    if (user.role === 'supervisor' || user.role === 'admin')
      entries.push({ key: '/reviews', label: t('审核', 'Review') });
    entries.push(
      { key: '/catalog', label: t('规划目录', 'Plan catalog') },
      { key: '/directory', label: t('部门名录', 'Departments') },
    );
  }
  const selected = entries.find((e) => path === e.key || path.startsWith(`${e.key}/`))?.key;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{ display: 'flex', alignItems: 'center', gap: 24, paddingInline: 24, background: '#8e1b1b' }}
      >
        <Typography.Text strong style={{ color: '#fff', fontSize: 16, whiteSpace: 'nowrap' }}>
          {t('规划监测评估系统', 'Plan evaluation portal')}
        </Typography.Text>
        <Menu
          theme="dark"
          mode="horizontal"
          style={{ flex: 1, minWidth: 0, background: 'transparent' }}
          selectedKeys={selected ? [selected] : []}
          items={entries.map((e) => ({
            key: e.key,
            label: (
              <a
                href={e.key}
                onClick={(ev) => {
                  ev.preventDefault();
                  navigate(e.key);
                }}
              >
                {e.label}
              </a>
            ),
          }))}
        />
        <Space size="middle" style={{ color: '#fff' }}>
          {user.scope ? (
            <Tag color="gold">
              {t('邮件链接：仅限此事项', 'Email link: this item only')} · {lx(PURPOSE_LABELS[user.scope.purpose])}
            </Tag>
          ) : null}
          <span aria-label={t('当前用户', 'Signed in as')}>
            {user.name} · {lx(ROLE_LABELS[user.role])}
          </span>
          <Segmented
            size="small"
            aria-label={t('语言', 'Language')}
            value={locale}
            onChange={(v) => setLocale(v as Locale)}
            options={[
              { label: '中文', value: 'zh-CN' },
              { label: 'English', value: 'en' },
            ]}
          />
          <Button size="small" onClick={onSignOut}>
            {t('退出', 'Sign out')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: '20px 24px', maxWidth: 1360, width: '100%', margin: '0 auto' }}>
        {children}
      </Layout.Content>
    </Layout>
  );
}
