/**
 * 运行异常 on a cycle's dashboard: each step stopped after its activity's
 * retries ran out, with its error, and (for the bureau) 重试 to run it again
 * once the cause is removed. Refreshed every 15 s while the cycle runs.
 */
import { useEffect } from 'react';
import { Alert, Button, Flex, Typography } from 'antd';
import { api, type Schemas } from '../api';
import { useAction, useLoad } from '../common';
import { useI18n } from '../i18n';
import { may, type Session } from '../session';

export function CycleProblemsAlert({
  base,
  session,
  nameOf,
}: {
  /** The cycle's API path. */
  base: string;
  session: Session;
  nameOf(department: string): string;
}) {
  const { t, when } = useI18n();
  const act = useAction();
  const problems = useLoad(() => api.get<Schemas['CycleProblemsView']>(`${base}/problems`), [base]);
  const { reload } = problems;
  useEffect(() => {
    const timer = setInterval(reload, 15_000);
    return () => clearInterval(timer);
  }, [reload]);
  const items = problems.data?.items ?? [];
  if (items.length === 0) return null;
  const retry = async (id: number) => {
    if (await act(() => api.post(`${base}/problems/${id}/retry`), t('已重试', 'Retried'))) reload();
  };
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t('运行异常', 'Cycle stopped at a step')}
      description={
        <Flex vertical gap={8}>
          <Typography.Text>
            {t(
              '以下步骤多次重试后仍然失败，已暂停；排除原因后请点“重试”。',
              'These steps kept failing after their retries and have stopped; remove the cause, then retry.',
            )}
          </Typography.Text>
          {items.map((p) => (
            <Flex key={p.id} justify="space-between" align="center" gap={12} wrap>
              <Typography.Text>
                {p.department ? `${nameOf(p.department)} · ` : ''}
                {p.step} · {when(p.at)} · {t(`已尝试 ${p.attempts} 次`, `${p.attempts} attempts`)}
                <br />
                <Typography.Text type="danger">{p.error}</Typography.Text>
              </Typography.Text>
              {may(session.user, 'cycle:manage') ? (
                <Button danger onClick={() => void retry(p.id)}>
                  {t('重试', 'Retry')}
                </Button>
              ) : null}
            </Flex>
          ))}
        </Flex>
      }
    />
  );
}
