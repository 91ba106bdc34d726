import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectClient } from './api/client';
import { App, loadTroubleshooter } from './app/App';
import { firstLanguage, initI18n } from './i18n/index';
import { prefetchSteps } from './steps/registry';
import { useWizard } from './store/wizard-store';
import './styles.css';

/** Runs `work` when the page is idle after its first paint (so it never delays that paint). */
function afterFirstPaint(work: () => void): void {
  requestAnimationFrame(() => {
    if ('requestIdleCallback' in window) window.requestIdleCallback(work, { timeout: 2000 });
    else setTimeout(work, 0);
  });
}

async function boot(): Promise<void> {
  // Ask main for its values first; the page draws without waiting for the answers (the store
  // shows a new journey's Welcome until main's progress comes).
  void useWizard.getState().start(connectClient());
  // The first screen's words: English is in this bundle; another language's come in small chunks.
  await initI18n(firstLanguage(navigator.languages));
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  // The other steps, the troubleshooter and every namespace's words, before they are asked for.
  afterFirstPaint(() => {
    void prefetchSteps();
    void loadTroubleshooter();
  });
}

void boot();
