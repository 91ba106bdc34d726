import { useTranslation } from 'react-i18next';

/** The terms a person who is not an administrator meets, each explained in one sentence. */
export type Term = 'smtp-auth' | 'device-code' | 'conditional-access' | 'consent';

/** "What is this?" at the point of need: one plain sentence, folded until asked for. */
export function WhatIsThis({ term }: { term: Term }) {
  const { t } = useTranslation('common');
  return (
    <details className="what-is-this" data-term={term}>
      <summary>{t('whatIs.title', { term: t(`whatIs.terms.${term}.name`) })}</summary>
      <p>{t(`whatIs.terms.${term}.text`)}</p>
    </details>
  );
}
