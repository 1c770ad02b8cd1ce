/** The portal's routes, by who is signed in: departments, supervisors, the bureau; a link session sees only its item. */
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { Button, Layout, Menu, Result, Segmented, Space, Spin, Tag, Typography } from 'antd';
import { useI18n, type Locale } from './i18n';
import { ROLE_LABELS, PURPOSE_LABELS, itemPath, reviewPath } from './labels';
import { Link, match, useRouter } from './router';
import { seesEveryDepartment } from '@libs/access/roles';
import { api, enc } from './api';
import { useLoad } from './common';
import { readSession, SESSION_LAPSED, sessionLapsed, SIGNED_OUT_EVENT, type Session } from './session';
import { LoginPage } from './pages/LoginPage';
import { LinkPage } from './pages/LinkPage';
import { opensTemporalUi, requestedUiPage, TEMPORAL_UI_SIGN_IN } from './temporal-ui-return';

// Each page is its own chunk, fetched when first opened: the sign-in page needs none of them.
const ForgotPasswordPage = lazy(() =>
  import('./pages/PasswordResetPages').then((m) => ({ default: m.ForgotPasswordPage })),
);
const ResetPasswordPage = lazy(() =>
  import('./pages/PasswordResetPages').then((m) => ({ default: m.ResetPasswordPage })),
);
const HomePage = lazy(() => import('./pages/HomePage').then((m) => ({ default: m.HomePage })));
const InboxPage = lazy(() => import('./pages/InboxPage').then((m) => ({ default: m.InboxPage })));
const ItemPage = lazy(() => import('./pages/ItemPage').then((m) => ({ default: m.ItemPage })));
const ReviewPage = lazy(() => import('./pages/ReviewPage').then((m) => ({ default: m.ReviewPage })));
const CyclesPage = lazy(() => import('./pages/CyclesPage').then((m) => ({ default: m.CyclesPage })));
const DashboardPage = lazy(() => import('./pages/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const ReportPage = lazy(() => import('./pages/ReportPage').then((m) => ({ default: m.ReportPage })));
const ReviewCommentsPage = lazy(() =>
  import('./pages/ReviewCommentsPage').then((m) => ({ default: m.ReviewCommentsPage })),
);
const CatalogPage = lazy(() => import('./pages/CatalogPage').then((m) => ({ default: m.CatalogPage })));
const DirectoryPage = lazy(() => import('./pages/DirectoryPage').then((m) => ({ default: m.DirectoryPage })));
const AdjustmentsPage = lazy(() => import('./pages/AdjustmentsPage').then((m) => ({ default: m.AdjustmentsPage })));

export function homeOf(session: Session): string {
  const { user } = session;
  // A comment link opens its department's part of the report out for comments, not one item.
  if (user.scope?.purpose === 'comment') return reviewPath(user.scope.cycleId);
  if (user.scope) return itemPath(user.scope.cycleId, user.scope.itemKey);
  // Where each role works; 首页 (/) sums up its 待办 and 已办 a click away.
  if (user.role === 'supervisor') return '/reviews';
  if (user.role === 'submitter') return '/inbox';
  return '/cycles';
}

export function App() {
  const { lx } = useI18n();
  const { path, navigate } = useRouter();
  const [session, setSession] = useState(readSession);
  // Why the sign-in page shows in place of the page asked for; null when nobody was signed in.
  const [endedBecause, setEndedBecause] = useState<string | null>(() => (sessionLapsed() ? lx(SESSION_LAPSED) : null));
  useEffect(() => {
    const onSignOut = (e: Event) => {
      setSession(null);
      setEndedBecause((e as CustomEvent<string>).detail);
    };
    window.addEventListener(SIGNED_OUT_EVENT, onSignOut);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, onSignOut);
  }, []);
  const signedIn = (s: Session, to = homeOf(s)) => {
    setSession(s);
    setEndedBecause(null);
    navigate(to, { replace: true });
  };

  if (path === '/link') return <LinkPage onSignedIn={signedIn} />;
  if (path === '/forgot-password' || path === '/reset-password')
    return (
      <Suspense fallback={<Spin fullscreen />}>
        {path === '/forgot-password' ? <ForgotPasswordPage /> : <ResetPasswordPage />}
      </Suspense>
    );
  if (!session || path === '/login') {
    // The sign-in page stands where the person was: signed in, they are back on that page.
    const back =
      path === '/login' || path === '/' || path === '' ? undefined : `${location.pathname}${location.search}`;
    // Sent here by the proxy from the Temporal UI: an administrator goes back to it (a page outside the portal).
    const uiPage = path === '/login' ? requestedUiPage(location.search) : null;
    return (
      <LoginPage
        notice={endedBecause ?? (uiPage ? lx(TEMPORAL_UI_SIGN_IN) : null)}
        onSignedIn={(s) => {
          if (uiPage && opensTemporalUi(s.user)) window.location.assign(uiPage);
          else signedIn(s, back ?? homeOf(s));
        }}
      />
    );
  }
  if ((path === '/' || path === '') && session.user.scope) return <Redirect to={homeOf(session)} />;
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
      <Suspense fallback={<Spin style={{ display: 'block', margin: '64px auto' }} />}>
        <Page path={path} session={session} />
      </Suspense>
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
  const admin = seesEveryDepartment(session.user.role);
  const { scope } = session.user;
  let m: Record<string, string> | null;
  if (
    (m = match('/cycles/:cycleId/items/:itemKey', path)) &&
    (!scope || itemPath(m.cycleId, m.itemKey) === homeOf(session))
  )
    return <ItemPage key={path} cycleId={m.cycleId} itemKey={m.itemKey} session={session} />;
  if ((m = match('/cycles/:cycleId/review', path)) && (!scope || reviewPath(m.cycleId) === homeOf(session)))
    return <ReviewCommentsPage cycleId={m.cycleId} session={session} />;
  if (scope) return <OutsideLink session={session} />;
  if (path === '/' || path === '') return <HomePage session={session} />;
  if (path === '/inbox') return <InboxPage session={session} />;
  if (path === '/reviews') return <ReviewPage session={session} />;
  if (path === '/catalog') return <CatalogPage session={session} />;
  if (path === '/directory') return <DirectoryPage session={session} />;
  if (path === '/adjustments') return <AdjustmentsPage session={session} />;
  if (path === '/cycles' && admin) return <CyclesPage session={session} />;
  if ((m = match('/cycles/:cycleId/reports/:version', path)))
    return <ReportPage cycleId={m.cycleId} version={Number(m.version)} session={session} />;
  if ((m = match('/cycles/:cycleId', path)) && admin)
    return <DashboardPage key={path} cycleId={m.cycleId} session={session} />;
  return (
    <Result
      status="404"
      title={t('没有这个页面', 'No such page')}
      extra={<Link to={homeOf(session)}>{t('返回首页', 'Back to the start page')}</Link>}
    />
  );
}

/** A link session elsewhere than its item: why it cannot go there, and the way back or on. */
function OutsideLink({ session }: { session: Session }) {
  const { t, lx } = useI18n();
  const { navigate } = useRouter();
  const purpose = lx(PURPOSE_LABELS[session.user.scope!.purpose]);
  return (
    <Result
      status="info"
      title={t('邮件链接只能办理邮件中的事项', 'An email link opens only the item it was sent for')}
      subTitle={t(
        `您是通过通知邮件中的链接进入的，此次登录只能${purpose}邮件所指的事项，不能查看其他页面。如需查看本部门的其他事项，请登录系统。`,
        `You came in through the link in a notice: this session may only ${purpose} the item the mail is about, and opens no other page. To see your department's other items, sign in.`,
      )}
      extra={[
        <Link key="item" to={homeOf(session)}>
          {t('返回邮件中的事项', 'Back to the item')}
        </Link>,
        <Button key="login" type="primary" onClick={() => navigate('/login')}>
          {t('登录系统', 'Sign in')}
        </Button>,
      ]}
    />
  );
}

/**
 * The person and their unit, each once: 张三 · 市教育局填报人; the bureau's own
 * account, often named after the bureau, reads 市统计局 alone.
 */
function SignedInAs({ session }: { session: Session }) {
  const { lx } = useI18n();
  const { name, role, department, scope } = session.user;
  // A link session reads no directory: its unit is in the mail it came from.
  const unit = useLoad(
    () =>
      department && !scope
        ? api.get<{ name: string; nameEn: string }>(`/api/departments/${enc(department)}`)
        : Promise.resolve(null),
    [department, scope],
  ).data;
  const roleLabel = lx(ROLE_LABELS[role]);
  const where =
    role === 'admin' ? roleLabel : unit ? `${lx({ zh: unit.name, en: unit.nameEn })} ${roleLabel}` : roleLabel;
  return <>{where.includes(name) ? where : name.includes(where) ? name : `${name} · ${where}`}</>;
}

function Shell({ session, onSignOut, children }: { session: Session; onSignOut(): void; children: ReactNode }) {
  const { t, lx, locale, setLocale } = useI18n();
  const { path, navigate } = useRouter();
  const { user } = session;
  const entries: Array<{ key: string; label: string }> = [];
  if (!user.scope) {
    entries.push({ key: '/', label: t('首页', 'Home') });
    if (seesEveryDepartment(user.role)) entries.push({ key: '/cycles', label: t('评估轮次', 'Cycles') });
    if (user.role === 'submitter' || user.role === 'supervisor')
      entries.push({ key: '/inbox', label: t('本部门事项', 'Our items') });
    if (user.role === 'supervisor' || user.role === 'admin')
      entries.push({ key: '/reviews', label: t('审核', 'Review') });
    // 规划调整: the bureau proposes, supervisors and the approver decide, viewers read.
    if (user.role !== 'submitter') entries.push({ key: '/adjustments', label: t('规划调整', 'Plan adjustments') });
    entries.push(
      { key: '/catalog', label: t('规划目录', 'Plan catalog') },
      { key: '/directory', label: t('部门名录', 'Departments') },
    );
  }
  const selected = entries.find((e) => path === e.key || (e.key !== '/' && path.startsWith(`${e.key}/`)))?.key;
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
            <>
              <Tag color="gold">
                {t('邮件链接：仅限此事项', 'Email link: this item only')} · {lx(PURPOSE_LABELS[user.scope.purpose])}
              </Tag>
              <Button size="small" onClick={() => navigate('/login')}>
                {t('登录系统', 'Sign in')}
              </Button>
            </>
          ) : null}
          <span aria-label={t('当前用户', 'Signed in as')}>
            <SignedInAs session={session} />
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
