import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDrawnLater } from './drawn-later';

/**
 * The end of Basic authentication for SMTP AUTH in plain words: what changes at the end of
 * December 2026, what a printer still sending with a password does then, and the ways out with
 * what each needs (Exchange Team blog, 27 January 2026; docs/troubleshoot.md). Shown on Welcome
 * and on Prepare Exchange Online.
 */
export function DeadlineNotice({
  children,
  folded = false,
}: {
  children?: ReactNode;
  /** Where the page is about something else: the step's own words show, the rest is folded. */
  folded?: boolean;
}) {
  const { t } = useTranslation('welcome');
  // The folded list of ways is filled in just after the first screen is drawn.
  const waysDrawn = useDrawnLater();
  const ways = waysDrawn && (
    <ul>
      <li>{t('deadline.oauth')}</li>
      <li>{t('deadline.hve')}</li>
      <li>{t('deadline.connector')}</li>
    </ul>
  );
  return (
    <section className="notice notice-warning deadline" aria-labelledby="deadline-title">
      <h3 id="deadline-title" className="notice-title">
        {t('deadline.title')}
      </h3>
      {folded ? (
        <>
          {children}
          <details>
            <summary>{t('deadline.waysTitle')}</summary>
            <p>{t('deadline.text')}</p>
            {ways}
          </details>
        </>
      ) : (
        <>
          <p>{t('deadline.text')}</p>
          {children}
          <details>
            <summary>{t('deadline.waysTitle')}</summary>
            {ways}
          </details>
        </>
      )}
    </section>
  );
}
