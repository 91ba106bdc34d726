/**
 * The setup report's words for the changes the wizard made in Microsoft 365 ("Do it for me");
 * electron/services/setup-report.ts fills the placeholders with each change's own values.
 */
import type { TFunction } from 'i18next';
import type { ReportWords } from '../../shared/contract/printer';
import { mailboxSmtpAuthSettings } from '../../shared/model';

/** Placeholders stay as they are, for the main process to fill. */
const kept = Object.fromEntries(
  ['at', 'mailbox', 'target', 'member', 'before', 'after', 'by', 'undoneAt'].map((name) => [
    name,
    `{{${name}}}`,
  ]),
);

export function adminChangeReportWords(t: TFunction): ReportWords {
  const words: ReportWords = {
    'changes.title': t('exchange:doItForMe.report.title'),
    'changes.mailbox-smtp-auth': t('exchange:doItForMe.report.line', {
      ...kept,
      interpolation: { escapeValue: false },
    }),
    'changes.security-defaults': t('exchange:doItForMe.report.securityDefaults', {
      ...kept,
      interpolation: { escapeValue: false },
    }),
    'changes.group-created': t('exchange:doItForMe.report.group-created', {
      ...kept,
      interpolation: { escapeValue: false },
    }),
    'changes.group-member': t('exchange:doItForMe.report.group-member', {
      ...kept,
      interpolation: { escapeValue: false },
    }),
    'changes.policy-exclusion': t('exchange:doItForMe.report.policy-exclusion', {
      ...kept,
      interpolation: { escapeValue: false },
    }),
    'changes.undone': t('exchange:doItForMe.report.undone', {
      ...kept,
      interpolation: { escapeValue: false },
    }),
  };
  for (const setting of mailboxSmtpAuthSettings) {
    words[`changes.setting.${setting}`] = t(`exchange:doItForMe.setting.${setting}`);
  }
  return words;
}
