/**
 * A report version's HTML view (fetched with the session, shown in a sandboxed frame) and its downloads; for the
 * bureau, beside it, the editor of the report's drafted text (报告文字).
 */
import { useState } from 'react';
import { Button, Card, Flex, Segmented, Space, Tabs } from 'antd';
import { api, enc } from '../api';
import { LoadError, useAction, useLoad } from '../common';
import { useI18n, type Locale } from '../i18n';
import { cyclePath, reviewPath } from '../labels';
import { Link } from '../router';
import { may, type Session } from '../session';
import { ReportTextEditor } from './ReportTextEditor';
import { AdjustmentSuggestions } from './AdjustmentSuggestions';

export function ReportPage({ cycleId, version, session }: { cycleId: string; version: number; session: Session }) {
  const { t, locale } = useI18n();
  const act = useAction();
  const [lang, setLang] = useState<Locale>(locale);
  const base = `/api/cycles/${enc(cycleId)}/reports/${version}`;
  const html = useLoad(() => api.text(`${base}/html${lang === 'en' ? '?lang=en' : ''}`), [base, lang]);
  const download = (format: string) =>
    void act(
      () => api.download(`${base}/${format}${lang === 'en' ? '?lang=en' : ''}`, `report-v${version}.${format}`),
      t('已开始下载', 'Download started'),
    );
  return (
    <Card
      title={t(`评估报告（第${version}版）`, `Evaluation report (version ${version})`)}
      extra={
        <Space wrap>
          <Link to={cyclePath(cycleId)}>{t('返回本轮评估', 'Back to the cycle')}</Link>
          <Link to={reviewPath(cycleId)}>{t('征求意见', 'Comments')}</Link>
          <Segmented
            aria-label={t('报告语言', 'Report language')}
            value={lang}
            onChange={(v) => setLang(v as Locale)}
            options={[
              { value: 'zh-CN', label: '中文' },
              { value: 'en', label: 'English' },
            ]}
          />
          <Button onClick={() => download('docx')}>{t('下载 Word', 'Download Word')}</Button>
          <Button onClick={() => download('xlsx')}>{t('下载 Excel', 'Download Excel')}</Button>
        </Space>
      }
    >
      <Tabs
        items={[
          {
            key: 'report',
            label: t('报告', 'Report'),
            children: (
              <>
                <LoadError error={html.error} />
                <AdjustmentSuggestions cycleId={cycleId} version={version} />
                <Flex>
                  <iframe
                    title={t('评估报告', 'Evaluation report')}
                    sandbox=""
                    srcDoc={html.data ?? ''}
                    style={{ width: '100%', height: '75vh', border: '1px solid #eee', background: '#fff' }}
                  />
                </Flex>
              </>
            ),
          },
          ...(may(session.user, 'cycle:manage')
            ? [
                {
                  key: 'text',
                  label: t('报告文字', 'Report text'),
                  children: <ReportTextEditor cycleId={cycleId} />,
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
