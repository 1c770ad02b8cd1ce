import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Segmented, Typography } from 'antd';
import { api, ApiError } from '../api';
import { useI18n, type Locale } from '../i18n';
import { Link } from '../router';
import { saveSession, type Session } from '../session';

/** `notice`: why the person must sign in again (the session lapsed or was ended), shown above the form. */
export function LoginPage({ notice, onSignedIn }: { notice?: string | null; onSignedIn(s: Session): void }) {
  const { t, locale, setLocale } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: { email: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const s = await api.post<Session>('/api/auth/login', v);
      saveSession({ token: s.token, expiresAt: s.expiresAt, user: s.user });
      onSignedIn(s);
    } catch (e) {
      setError(
        e instanceof ApiError
          ? e.message
          : t('无法连接服务器，请稍后重试', 'Cannot reach the server; please try again'),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f0ee' }}>
      <Card style={{ width: 400 }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline' }}>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {t('规划监测评估系统', 'Plan evaluation portal')}
          </Typography.Title>
          <Segmented
            size="small"
            aria-label={t('语言', 'Language')}
            value={locale}
            onChange={(v) => setLocale(v as Locale)}
            options={[
              { label: '中文', value: 'zh-CN' },
              { label: 'EN', value: 'en' },
            ]}
          />
        </div>
        <Typography.Paragraph type="secondary">
          {t(
            '河源市公共服务“十四五”规划 · 监测评估',
            'Heyuan public services plan 2021–2025 · monitoring and evaluation',
          )}
        </Typography.Paragraph>
        {notice && !error ? (
          <Alert type="warning" showIcon title={notice} style={{ marginBottom: 16 }} role="status" />
        ) : null}
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" /> : null}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            name="email"
            label={t('邮箱', 'Email')}
            rules={[{ required: true, type: 'email', message: t('请输入邮箱', 'Enter your email') }]}
          >
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('密码', 'Password')}
            rules={[{ required: true, message: t('请输入密码', 'Enter your password') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('登录', 'Sign in')}
          </Button>
        </Form>
        <div style={{ marginTop: 12, textAlign: 'right' }}>
          <Link to="/forgot-password">{t('忘记密码', 'Forgot your password')}</Link>
        </div>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          {t(
            '收到通知邮件的同志可直接点击邮件中的链接办理，无需登录。',
            'If you received a notice by email, follow its link: no sign-in needed.',
          )}
        </Typography.Paragraph>
      </Card>
    </main>
  );
}
