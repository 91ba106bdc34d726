import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { matchLanguage } from '../shared/model';
import { connectClient } from './api/client';
import { App } from './app/App';
import { initI18n } from './i18n/index';
import { useWizard } from './store/wizard-store';
import './styles.css';

async function boot(): Promise<void> {
  // Ask main for its values first: the answers travel while the words load and React starts.
  const connected = useWizard.getState().start(connectClient());
  await initI18n(matchLanguage(navigator.languages));
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
  await connected;
}

void boot();
