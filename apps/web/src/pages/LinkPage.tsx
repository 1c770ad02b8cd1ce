/** /link#<token>: the email link's token becomes a session for its one item (POST /api/auth/link), then the item opens. */
import { useEffect, useRef, useState } from 'react';
import { Button, Result, Spin } from 'antd';
import { api, ApiError } from '../api';
import { useI18n } from '../i18n';
import { saveSession, type Session } from '../session';
import { useRouter } from '../router';

export function LinkPage({ onSignedIn }: { onSignedIn(s: Session): void }) {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const token = decodeURIComponent(location.hash.slice(1));
    // The token leaves the address bar at once: a session, not a link, from here on.
    history.replaceState(null, '', '/link');
    if (!token) {
      setProblem(
        t(
          '链接不完整，请从通知邮件中完整复制链接，或登录系统处理。',
          'The link is incomplete: copy the whole link from the email, or sign in.',
        ),
      );
      return;
    }
    api
      .post<Session>('/api/auth/link', { token })
      .then((s) => {
        const session = { token: s.token, expiresAt: s.expiresAt, user: s.user };
        saveSession(session);
        onSignedIn(session);
      })
      .catch((e: unknown) =>
        setProblem(
          e instanceof ApiError
            ? e.message
            : t('无法连接服务器，请稍后重试', 'Cannot reach the server; please try again'),
        ),
      );
  }, [onSignedIn, t]);
  if (!problem) return <Spin fullscreen description={t('正在打开事项…', 'Opening the item…')} />;
  return (
    <Result
      status="warning"
      title={t('链接无法使用', 'This link cannot be used')}
      subTitle={problem}
      extra={
        <Button type="primary" onClick={() => navigate('/login')}>
          {t('登录系统', 'Sign in')}
        </Button>
      }
    />
  );
}
