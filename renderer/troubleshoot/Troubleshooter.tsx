import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Recognition } from '../../shared/troubleshoot/recognise';
import { Diagnosis } from './Diagnosis';
import { GuideLinks } from './guides/GuideLinks';
import { GuidePage } from './guides/GuidePage';
import { SymptomForm } from './SymptomForm';
import { useTroubleshoot } from './troubleshoot-store';

/**
 * "Something stopped working": the user says what they see, the wizard recognises it and
 * explains it from the problem catalogue, with the buttons that check and fix it.
 */
export function Troubleshooter() {
  const view = useTroubleshoot((store) => store.view);
  const opening = useTroubleshoot((store) => store.opening);
  return view === 'troubleshoot' ? <Diagnose key={opening} /> : <GuidePage guide={view} />;
}

/** One diagnosis: what was recognised, from what, and its number (each one starts clean). */
interface Found {
  recognition: Recognition;
  given: string;
  number: number;
}

function Diagnose() {
  const { t } = useTranslation('troubleshoot');
  const hide = useTroubleshoot((store) => store.hide);
  const start = useTroubleshoot((store) => store.start);
  const heading = useRef<HTMLHeadingElement>(null);
  const [found, setFound] = useState<Found | null>(
    start ? { recognition: start, given: '', number: 0 } : null,
  );
  useEffect(() => heading.current?.focus(), []);
  return (
    <article className="step troubleshooter" aria-labelledby="troubleshoot-title">
      <h2 id="troubleshoot-title" ref={heading} tabIndex={-1}>
        {t('title')}
      </h2>
      <p className="step-purpose">{t('intro')}</p>
      <SymptomForm
        onRecognised={(recognition, given) =>
          setFound((before) => ({ recognition, given, number: (before?.number ?? 0) + 1 }))
        }
      />
      {/* A new diagnosis is a new element: no check result or open panel of the last one stays. */}
      {found && (
        <Diagnosis key={found.number} recognition={found.recognition} given={found.given} />
      )}
      <GuideLinks />
      <div className="step-nav">
        <button type="button" onClick={hide}>
          {t('close')}
        </button>
      </div>
    </article>
  );
}
