import { lazy, Suspense, useEffect, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { matchLanguage } from '../../shared/model';
import { AboutButton } from '../components/AboutDialog';
import { Announcer } from '../components/Announcer';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { PracticeBanner } from '../components/PracticeBanner';
import { StatusBoard } from '../components/StatusBoard';
import { StepRail } from '../components/StepRail';
import { applyDocumentLanguage, firstLanguage, prefetchWords, switchLanguage } from '../i18n/index';
import { StepPlaceholder } from '../steps/common/StepPlaceholder';
import { stepScreens } from '../steps/registry';
import { TroubleshootButton } from '../troubleshoot/TroubleshootButton';
import { useTroubleshoot } from '../troubleshoot/troubleshoot-store';
import { useWizard } from '../store/wizard-store';

/** Opened from a button: fetched when first opened, or once the first screen is up. */
export const loadTroubleshooter = () =>
  Promise.all([import('../troubleshoot/Troubleshooter'), prefetchWords()]).then(([module]) => ({
    default: module.Troubleshooter,
  }));
const Troubleshooter = lazy(loadTroubleshooter);
// With the problem catalogue, which the first screen does not need.
const ProblemNotice = lazy(() =>
  import('../components/ProblemNotice').then((module) => ({ default: module.ProblemNotice })),
);

/** Moves focus to the step's heading (or the troubleshooter's), past the bar and the rail. */
function skipToContent(event: MouseEvent<HTMLAnchorElement>): void {
  event.preventDefault();
  const content = document.getElementById('step-content');
  const heading = content?.querySelector<HTMLElement>('h2[tabindex="-1"], h2, h3');
  if (heading && !heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  (heading ?? content)?.focus();
}

/**
 * The page. The frame, the rail and the step draw at once, while main's first answers travel:
 * until main's progress comes the store shows a new journey's (Welcome), and what only main
 * knows fills in as it arrives (the practice banner in its own row, the About facts).
 */
export function App() {
  const { t, i18n } = useTranslation();
  const state = useWizard((store) => store.state);
  // Until main's progress comes, the page stays in the language it started in (main.tsx).
  const chosen = state.phase === 'ready' ? state.progress.language : null;
  const system = state.phase === 'ready' ? state.appInfo.preferredLanguages : undefined;
  const decided = state.phase !== 'starting';
  // The troubleshooter reads main's progress: opened while starting, it shows once that comes.
  const troubleshooting = useTroubleshoot((store) => store.open) && state.phase === 'ready';

  useEffect(() => {
    const language = decided
      ? (chosen ?? matchLanguage(system ?? navigator.languages))
      : firstLanguage(navigator.languages);
    applyDocumentLanguage(language);
    if (i18n.language !== language) void switchLanguage(language);
  }, [decided, chosen, system, i18n]);

  useEffect(() => {
    document.title = t('app.title');
  }, [t, i18n.language]);

  if (state.phase === 'unreachable') {
    return (
      <main className="centered">
        <h1>{t('app.title')}</h1>
        <Suspense fallback={<p aria-busy="true" />}>
          <ProblemNotice problem={state.problem} />
        </Suspense>
      </main>
    );
  }
  const { step } = state.progress;
  // Before main's progress, only Welcome draws (from a new journey's choices); a step the user
  // opens meanwhile shows its frame until main answers.
  const Screen = state.phase === 'ready' || step === 'welcome' ? stepScreens[step] : null;
  const placeholder = <StepPlaceholder step={step} />;
  const onDone = step === 'done' && !troubleshooting;
  return (
    <div
      className={`layout${state.appInfo?.practice ? ' layout-practice' : ''}${onDone ? ' layout-no-board' : ''}`}
    >
      <a className="skip-link" href="#step-content" onClick={skipToContent}>
        {t('skip.toContent')}
      </a>
      <header className="topbar">
        <h1>{t('app.title')}</h1>
        <div className="topbar-tools">
          <LanguageSwitcher />
          <TroubleshootButton className="link-button" />
          <AboutButton />
        </div>
      </header>
      <PracticeBanner />
      <StepRail />
      <main className="content" id="step-content" tabIndex={-1}>
        {state.phase === 'ready' && state.saveProblem && (
          <Suspense fallback={null}>
            <ProblemNotice problem={state.saveProblem} />
          </Suspense>
        )}
        <Suspense fallback={troubleshooting ? null : placeholder}>
          {troubleshooting ? <Troubleshooter /> : Screen ? <Screen /> : placeholder}
        </Suspense>
      </main>
      {/* Done shows every check itself, with its problem: the board once, not twice. */}
      {!onDone && <StatusBoard />}
      <Announcer />
    </div>
  );
}
