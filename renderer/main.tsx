import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { connectClient } from './api/client';
import { App, loadTroubleshooter } from './app/App';
import { firstLanguage, initI18n } from './i18n/index';
import { prefetchSteps } from './steps/registry';
import { useWizard } from './store/wizard-store';
import './styles.css';

/** Runs `work` once the page has nothing else to do (never before `ready` holds). */
function whenIdle(work: () => void): void {
  if ('requestIdleCallback' in window) window.requestIdleCallback(work, { timeout: 3000 });
  else setTimeout(work, 0);
}

/**
 * After the first screen is drawn: connects the store to main (its asks go out now, so none
 * delays that drawing) and, once main has answered and the page is idle, fetches the other
 * steps, the troubleshooter and every namespace's words before they are asked for.
 */
function AfterFirstScreen() {
  useEffect(() => {
    void useWizard
      .getState()
      .start(connectClient())
      .then(() =>
        whenIdle(() => {
          void prefetchSteps();
          void loadTroubleshooter();
        }),
      );
  }, []);
  return null;
}

async function boot(): Promise<void> {
  // The first screen's words: English is in this bundle; another language's come in small
  // chunks. Until main answers, the store draws a new journey's Welcome.
  await initI18n(firstLanguage(navigator.languages));
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <App />
      <AfterFirstScreen />
    </StrictMode>,
  );
}

void boot();
