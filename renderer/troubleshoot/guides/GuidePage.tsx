import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useTroubleshoot } from '../troubleshoot-store';
import { FaxGuide } from './FaxGuide';
import { PrintAdminGuide } from './PrintAdminGuide';

/** One of the guide's extra sections, with the way back. */
export function GuidePage({ guide }: { guide: 'fax' | 'print-admin' }) {
  const { t } = useTranslation('guides');
  const show = useTroubleshoot((store) => store.show);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [guide]);
  return (
    <article className="step guide" aria-labelledby="guide-title">
      <h2 id="guide-title" ref={heading} tabIndex={-1}>
        {t(guide === 'fax' ? 'fax.title' : 'printAdmin.title')}
      </h2>
      {guide === 'fax' ? <FaxGuide /> : <PrintAdminGuide />}
      <div className="step-nav">
        <button type="button" onClick={() => show('troubleshoot')}>
          {t('back')}
        </button>
      </div>
    </article>
  );
}
