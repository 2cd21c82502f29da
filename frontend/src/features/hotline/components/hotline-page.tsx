import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CallList } from '@/features/hotline/components/call-list';
import { HotlineDesk } from '@/features/hotline/components/hotline-desk';
import { hasRole, useMe } from '@/lib/session';

/** 热线受理 for acceptors: the desk for taking calls and the call list for callbacks (shift leaders see the list, phones masked). */
export function HotlinePage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const acceptor = hasRole(me.data, 'acceptor');
  const tab = params.get('tab') === 'callbacks' || !acceptor ? 'callbacks' : 'desk';
  const show = (next: string) => setParams(next === 'desk' ? {} : { tab: next }, { replace: true });
  return (
    <div className="hotline-page" data-testid="hotline-page">
      <Tabs
        activeKey={tab}
        onChange={show}
        items={[
          ...(acceptor
            ? [{ key: 'desk', label: <span data-testid="hotline-tab-desk">{t('hotline.tabDesk')}</span>, children: <HotlineDesk onShowCallbacks={() => show('callbacks')} /> }]
            : []),
          {
            key: 'callbacks',
            label: <span data-testid="hotline-tab-callbacks">{t('hotline.tabCallbacks')}</span>,
            children: <CallList canCallBack={acceptor} />,
          },
        ]}
      />
    </div>
  );
}
