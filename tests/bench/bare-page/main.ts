/**
 * The renderer benchmark's anchor: the least a React 19 + zustand + react-i18next page does
 * to show a step rail and a step title (what the benchmark waits for in the wizard), built by
 * the same Vite and measured in the same Chromium. No main process, no locale files.
 */
import i18next from 'i18next';
import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
import { initReactI18next, useTranslation } from 'react-i18next';
import { create } from 'zustand';

const steps = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight'] as const;

const useSteps = create<{ current: (typeof steps)[number] }>(() => ({ current: 'one' }));

function Page() {
  const { t } = useTranslation();
  const current = useSteps((store) => store.current);
  return h(
    'div',
    null,
    h('h1', null, t('title')),
    h(
      'nav',
      null,
      steps.map((step) =>
        h('button', { key: step, type: 'button', className: 'rail-step' }, t(`steps.${step}`)),
      ),
    ),
    h('main', null, h('h2', { id: 'step-title' }, t(`steps.${current}`))),
  );
}

async function boot(): Promise<void> {
  await i18next.use(initReactI18next).init({
    lng: 'en',
    resources: {
      en: {
        translation: {
          title: 'Bare page',
          steps: Object.fromEntries(steps.map((step) => [step, `Step ${step}`])),
        },
      },
    },
  });
  const root = document.getElementById('root');
  if (root) createRoot(root).render(h(Page));
}

void boot();
