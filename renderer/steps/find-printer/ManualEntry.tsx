import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrinterEntry } from '../../../shared/printers';
import type { Problem } from '../../../shared/problem';
import { ProblemNotice } from '../../components/ProblemNotice';

interface ManualEntryProps {
  onAdd(
    address: string,
  ): Promise<{ ok: true; entry: PrinterEntry } | { ok: false; problem: Problem }>;
  onAdded(entry: PrinterEntry): void;
}

/** "Enter address": checks a typed IP address or host name and adds the printer to the list. */
export function ManualEntry({ onAdd, onAdded }: ManualEntryProps) {
  const { t } = useTranslation('discovery');
  const inputId = useId();
  const hintId = useId();
  const [address, setAddress] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [added, setAdded] = useState<PrinterEntry | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setProblem(null);
    setAdded(null);
    const result = await onAdd(address);
    setBusy(false);
    if (result.ok) {
      setAdded(result.entry);
      onAdded(result.entry);
    } else setProblem(result.problem);
  };

  return (
    <section className="manual-entry" aria-labelledby={`${inputId}-title`}>
      <h3 id={`${inputId}-title`}>{t('manual.title')}</h3>
      <form onSubmit={(event) => void submit(event)} className="manual-form">
        <label htmlFor={inputId}>{t('manual.label')}</label>
        <div className="manual-row">
          <input
            id={inputId}
            type="text"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            maxLength={300}
            value={address}
            onChange={(event) => setAddress(event.target.value)}
            aria-describedby={hintId}
          />
          <button type="submit" className="primary" disabled={busy || address.trim() === ''}>
            {t('manual.submit')}
          </button>
        </div>
        <p id={hintId} className="field-hint">
          {t('manual.hint')}
        </p>
      </form>
      <div aria-live="polite">
        {busy && <p>{t('manual.checking', { address: address.trim() })}</p>}
        {added && (
          <p className="manual-added">{t('manual.added', { name: added.model ?? added.name })}</p>
        )}
      </div>
      {problem && <ProblemNotice problem={problem} />}
    </section>
  );
}
