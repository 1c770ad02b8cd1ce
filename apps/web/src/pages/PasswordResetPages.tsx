/**
 * 忘记密码: asking for a link by email (/forgot-password), and setting the new
 * password with it (/reset-password#<token>; the token leaves the address bar
 * at once). Both answered by the API in words (libs/access/password-reset).
 */
import { useRef, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Form, Input, Result, Typography } from 'antd';
import { api, ApiError, type Schemas } from '../api';
import { useI18n } from '../i18n';
import { Link } from '../router';

type Answer = Schemas['MessageView'];

function Frame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f5f0ee' }}>
      <Card style={{ width: 420 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {title}
        </Typography.Title>
        {children}
      </Card>
    </main>
  );
}

/** Runs a request and keeps its answer or refusal in the page's language. */
function useRequest() {
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ text: string; field?: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = async (send: () => Promise<Answer>) => {
    setBusy(true);
    setError(null);
    try {
      const answer = await send();
      setDone(locale === 'en' ? answer.messageEn : answer.message);
    } catch (e) {
      setError(
        e instanceof ApiError
          ? { text: e.message, field: e.details[0]?.field }
          : { text: t('无法连接服务器，请稍后重试', 'Cannot reach the server; please try again') },
      );
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, done, run };
}

export function ForgotPasswordPage() {
  const { t } = useI18n();
  const { busy, error, done, run } = useRequest();
  return (
    <Frame title={t('忘记密码', 'Forgot your password')}>
      {done ? (
        <Alert type="success" showIcon title={done} role="status" style={{ marginBottom: 16 }} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            {t(
              '请输入登录邮箱，我们会把设置新密码的链接发到该邮箱。',
              'Enter the email you sign in with; we will mail it a link to set a new password.',
            )}
          </Typography.Paragraph>
          {error ? <Alert type="error" showIcon title={error.text} role="alert" style={{ marginBottom: 16 }} /> : null}
          <Form
            layout="vertical"
            onFinish={(v: { email: string }) => run(() => api.post<Answer>('/api/auth/password-reset', v))}
          >
            <Form.Item
              name="email"
              label={t('邮箱', 'Email')}
              rules={[{ required: true, type: 'email', message: t('请输入邮箱', 'Enter your email') }]}
            >
              <Input autoComplete="username" autoFocus />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('发送重置链接', 'Send the link')}
            </Button>
          </Form>
        </>
      )}
      <Link to="/login">{t('返回登录', 'Back to sign-in')}</Link>
    </Frame>
  );
}

export function ResetPasswordPage() {
  const { t } = useI18n();
  const { busy, error, done, run } = useRequest();
  // Read once, then out of the address bar: the link is a credential.
  const token = useRef<string | null>(null);
  if (token.current === null) {
    token.current = decodeURIComponent(location.hash.slice(1));
    history.replaceState(null, '', '/reset-password');
  }
  if (done)
    return (
      <Result
        status="success"
        title={done}
        extra={
          <Link to="/login">
            <Button type="primary">{t('登录系统', 'Sign in')}</Button>
          </Link>
        }
      />
    );
  return (
    <Frame title={t('设置新密码', 'Set a new password')}>
      {error && error.field !== 'password' ? (
        <Alert
          type="error"
          showIcon
          title={error.text}
          role="alert"
          style={{ marginBottom: 16 }}
          action={<Link to="/forgot-password">{t('重新申请', 'Ask again')}</Link>}
        />
      ) : null}
      <Form
        layout="vertical"
        onFinish={(v: { password: string }) =>
          run(() =>
            api.post<Answer>('/api/auth/password-reset/confirm', { token: token.current, password: v.password }),
          )
        }
      >
        <Form.Item
          name="password"
          label={t('新密码', 'New password')}
          extra={t(
            '至少10个字符，避免常见词、姓名、邮箱和键盘顺序；几个不相关的词组成的长密码最好记也最安全。',
            'At least 10 characters; avoid common words, names, the email and keyboard runs. Several unrelated words make a good one.',
          )}
          validateStatus={error?.field === 'password' ? 'error' : undefined}
          help={error?.field === 'password' ? error.text : undefined}
          rules={[{ required: true, message: t('请输入新密码', 'Enter the new password') }]}
        >
          <Input.Password autoComplete="new-password" autoFocus />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('再次输入新密码', 'The new password again')}
          dependencies={['password']}
          rules={[
            { required: true, message: t('请再次输入新密码', 'Enter the new password again') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('password')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('两次输入的密码不一致', 'The two passwords differ'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('设置新密码', 'Set the password')}
        </Button>
      </Form>
    </Frame>
  );
}
