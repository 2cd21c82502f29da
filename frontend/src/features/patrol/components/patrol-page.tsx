import { Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MyReports } from '@/features/patrol/components/my-reports';
import { ReportForm } from '@/features/patrol/components/report-form';
import { ReportResult } from '@/features/patrol/components/report-result';
import type { CaseDto } from '@/lib/api-types';

/** The patroller's phone page: report a problem, and follow what was reported. */
export function PatrolPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState('report');
  const [created, setCreated] = useState<CaseDto | null>(null);
  return (
    <div className="patrol-page">
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'report',
            label: <span data-testid="tab-report">{t('patrol.tabReport')}</span>,
            children: created ? (
              <ReportResult created={created} onNext={() => setCreated(null)} />
            ) : (
              <ReportForm onCreated={setCreated} />
            ),
          },
          {
            key: 'mine',
            label: <span data-testid="tab-mine">{t('patrol.tabMine')}</span>,
            children: <MyReports active={tab === 'mine'} />,
          },
        ]}
      />
    </div>
  );
}
