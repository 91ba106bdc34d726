/**
 * The words that say how a test-message watch went: shown on both printer steps
 * (TestMessagePart) and read out from the status board (announce-test-messages), which is part
 * of the first screen and so must not wait for the delivery words.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TestWatch } from '../../shared/contract/delivery';

/** Time of day in the user's language and time zone (10:42). */
export function clockTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );
}

type OutcomeWords = (watch: TestWatch) => string | null;

function wordsFor(t: TFunction<'delivery'>, language: string): OutcomeWords {
  return (watch) => {
    const outcome = watch.outcome;
    switch (outcome.state) {
      case 'arrived':
        return t('result.arrived', {
          time: clockTime(outcome.message.receivedAt, language),
          from: outcome.message.from,
        });
      case 'wrong-sender':
        return t('result.wrongSender', {
          time: clockTime(outcome.message.receivedAt, language),
          from: outcome.message.from,
          expected: watch.expectedSender,
        });
      case 'nothing-arrived':
        return t('result.nothing', { count: outcome.minutes });
      case 'seen-by-person':
        return outcome.arrived ? t('result.seenArrived') : t('result.seenNotArrived');
      case 'stopped':
        return t('result.stopped');
      default:
        return null;
    }
  };
}

/** The words that say how a watch went, or null while it is still open. */
export function useOutcomeWords(): OutcomeWords {
  const { t, i18n } = useTranslation('delivery');
  return wordsFor(t, i18n.language);
}

/** The same, without waiting for the delivery words: null until they are loaded. */
export function useOutcomeWordsOnceLoaded(): OutcomeWords | null {
  const { t, i18n, ready } = useTranslation('delivery', { useSuspense: false });
  return ready ? wordsFor(t, i18n.language) : null;
}
