import { useEffect, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { matchLanguage } from '../../shared/model';
import { AboutButton } from '../components/AboutDialog';
import { Announcer } from '../components/Announcer';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { PracticeBanner } from '../components/PracticeBanner';
import { ProblemNotice } from '../components/ProblemNotice';
import { StatusBoard } from '../components/StatusBoard';
import { StepRail } from '../components/StepRail';
import { applyDocumentLanguage, switchLanguage } from '../i18n/index';
import { stepScreens } from '../steps/registry';
import { Troubleshooter } from '../troubleshoot/Troubleshooter';
import { TroubleshootButton } from '../troubleshoot/TroubleshootButton';
import { useTroubleshoot } from '../troubleshoot/troubleshoot-store';
import { useWizard } from '../store/wizard-store';

/** Moves focus to the step's heading (or the troubleshooter's), past the bar and the rail. */
function skipToContent(event: MouseEvent<HTMLAnchorElement>): void {
  event.preventDefault();
  const content = document.getElementById('step-content');
  const heading = content?.querySelector<HTMLElement>('h2[tabindex="-1"], h2, h3');
  if (heading && !heading.hasAttribute('tabindex')) heading.tabIndex = -1;
  (heading ?? content)?.focus();
}

export function App() {
  const { t, i18n } = useTranslation();
  const state = useWizard((store) => store.state);
  const chosen = state.phase === 'ready' ? state.progress.language : null;
  const system = state.phase === 'ready' ? state.appInfo.preferredLanguages : undefined;
  const troubleshooting = useTroubleshoot((store) => store.open);

  useEffect(() => {
    const language = chosen ?? matchLanguage(system ?? navigator.languages);
    applyDocumentLanguage(language);
    if (i18n.language !== language) void switchLanguage(language);
  }, [chosen, system, i18n]);

  useEffect(() => {
    document.title = t('app.title');
  }, [t, i18n.language]);

  if (state.phase === 'starting') {
    return (
      <main className="centered" aria-busy="true">
        <h1>{t('app.title')}</h1>
        <p>{t('app.starting')}</p>
      </main>
    );
  }
  if (state.phase === 'unreachable') {
    return (
      <main className="centered">
        <h1>{t('app.title')}</h1>
        <ProblemNotice problem={state.problem} />
      </main>
    );
  }
  // Every other phase returned above: a new phase fails to compile here until it is handled.
  state.phase satisfies 'ready';
  const Screen = stepScreens[state.progress.step];
  const onDone = state.progress.step === 'done' && !troubleshooting;
  return (
    <div
      className={`layout${state.appInfo.practice ? ' layout-practice' : ''}${onDone ? ' layout-no-board' : ''}`}
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
        {state.saveProblem && <ProblemNotice problem={state.saveProblem} />}
        {troubleshooting ? <Troubleshooter /> : <Screen />}
      </main>
      {/* Done shows every check itself, with its problem: the board once, not twice. */}
      {!onDone && <StatusBoard />}
      <Announcer />
    </div>
  );
}
