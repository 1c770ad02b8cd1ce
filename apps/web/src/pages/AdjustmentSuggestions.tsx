/**
 * A report's 规划调整建议 (targets ahead of their pace or out of reach at it,
 * libs/rules/plan-adjustment.ts), each with the way to propose adjusting it:
 * the 规划调整 page's form, opened with this cycle and the indicator. Shown to
 * the bureau, on an annual or mid-term report that has suggestions.
 */
import { Alert, Space } from 'antd';
import type { AdjustmentProposal } from '@libs/rules/plan-adjustment';
import { api, enc } from '../api';
import { useLoad } from '../common';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { may, readSession } from '../session';

interface ReportJson {
  cycle: { kind: string };
  adjustments: AdjustmentProposal[];
  indicators: Array<{ no: number; name: string; nameEn: string | null; target: string }>;
}

export function AdjustmentSuggestions({ cycleId, version }: { cycleId: string; version: number }) {
  const { t } = useI18n();
  const user = readSession()?.user;
  const bureau = !!user && may(user, 'cycle:manage');
  const report = useLoad(
    () => (bureau ? api.get<ReportJson>(`/api/cycles/${enc(cycleId)}/reports/${version}/json`) : Promise.resolve(null)),
    [bureau, cycleId, version],
  ).data;
  if (!report || report.cycle.kind === 'final' || report.adjustments.length === 0) return null;
  const names = new Map(report.indicators.map((i) => [i.no, i]));
  return (
    <Alert
      type="info"
      style={{ marginBottom: 16 }}
      title={t('规划调整建议', 'Proposed adjustments to the plan')}
      description={
        <Space direction="vertical">
          {report.adjustments.map((a) => {
            const i = names.get(a.indicator);
            const why =
              a.kind === 'ahead'
                ? t('进度明显快于预期，目标可能偏低', 'well ahead of its path: the target may be low')
                : t('按现有进度难以实现', 'out of reach at its present pace');
            return (
              <span key={a.indicator}>
                {t(`指标${a.indicator}`, `Indicator ${a.indicator}`)} {t(i?.name ?? '', i?.nameEn ?? i?.name ?? '')}（
                {t('目标', 'target')} {i?.target}）：{why}{' '}
                <Link to={`/adjustments?cycle=${enc(cycleId)}&kind=indicator&no=${a.indicator}`}>
                  {t('提出调整', 'Propose an adjustment')}
                </Link>
              </span>
            );
          })}
        </Space>
      }
    />
  );
}
