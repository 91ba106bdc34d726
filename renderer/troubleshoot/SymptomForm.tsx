import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  maxSymptomLength,
  recogniseAadsts,
  recogniseChoice,
  recogniseJobCode,
  recogniseSmtpReply,
  recogniseText,
  symptomChoices,
  type Recognition,
  type SymptomKind,
} from '../../shared/troubleshoot/recognise';

const kinds: SymptomKind[] = [
  'job-code',
  'printer-message',
  'web-config',
  'smtp-reply',
  'aadsts',
  'cannot-sign-in',
  'paste',
];

type PrinterMessageChoice = keyof (typeof symptomChoices)['printer-message'];
type WebConfigChoice = keyof (typeof symptomChoices)['web-config'];

/** What did you see? The answer is recognised here, in the window: nothing is sent anywhere. */
export function SymptomForm({
  onRecognised,
}: {
  onRecognised(recognition: Recognition, given: string): void;
}) {
  const { t } = useTranslation('troubleshoot');
  const [kind, setKind] = useState<SymptomKind>('job-code');
  const [code, setCode] = useState('');
  const [text, setText] = useState('');
  const [message, setMessage] = useState<PrinterMessageChoice>('must-sign-in');
  const [webConfig, setWebConfig] = useState<WebConfigChoice>('signed-in');
  const codeId = useId();
  const codeHintId = useId();
  const textId = useId();
  const textHintId = useId();

  const recognise = (): [Recognition, string] => {
    switch (kind) {
      case 'job-code': {
        const byCode = recogniseJobCode(code);
        return [byCode.as === 'nothing' && code.trim() ? recogniseText(code) : byCode, code];
      }
      case 'printer-message':
        return [recogniseChoice('printer-message', message), ''];
      case 'web-config':
        return [recogniseChoice('web-config', webConfig), ''];
      case 'cannot-sign-in':
        return [recogniseChoice('cannot-sign-in', 'cannot-sign-in'), ''];
      case 'smtp-reply':
        return [recogniseSmtpReply(text) ?? recogniseText(text), text];
      case 'aadsts':
        return [recogniseAadsts(text) ?? recogniseText(text), text];
      case 'paste':
        return [recogniseText(text), text];
    }
  };

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const [recognition, given] = recognise();
    onRecognised(recognition, given.trim());
  };

  return (
    <form onSubmit={submit} className="symptom-form">
      <fieldset className="field">
        <legend>{t('kind.legend')}</legend>
        {kinds.map((option) => (
          <label key={option} className="choice">
            <input
              type="radio"
              name="symptom-kind"
              value={option}
              checked={kind === option}
              onChange={() => setKind(option)}
            />
            <span className="choice-title">{t(`kind.${option}`)}</span>
          </label>
        ))}
      </fieldset>

      {kind === 'job-code' && (
        <div className="field">
          <label htmlFor={codeId} className="field-label">
            {t('jobCode.label')}
          </label>
          <input
            id={codeId}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            maxLength={40}
            value={code}
            aria-describedby={codeHintId}
            onChange={(event) => setCode(event.target.value)}
          />
          <p id={codeHintId} className="hint">
            {t('jobCode.hint')}
          </p>
        </div>
      )}

      {kind === 'printer-message' && (
        <fieldset className="field">
          <legend>{t('printerMessage.legend')}</legend>
          {(Object.keys(symptomChoices['printer-message']) as PrinterMessageChoice[]).map(
            (choice) => (
              <label key={choice} className="choice">
                <input
                  type="radio"
                  name="printer-message"
                  value={choice}
                  checked={message === choice}
                  onChange={() => setMessage(choice)}
                />
                <span className="choice-title">{t(`printerMessage.${choice}`)}</span>
              </label>
            ),
          )}
        </fieldset>
      )}

      {kind === 'web-config' && (
        <fieldset className="field">
          <legend>{t('webConfig.legend')}</legend>
          {(Object.keys(symptomChoices['web-config']) as WebConfigChoice[]).map((choice) => (
            <label key={choice} className="choice">
              <input
                type="radio"
                name="web-config"
                value={choice}
                checked={webConfig === choice}
                onChange={() => setWebConfig(choice)}
              />
              <span className="choice-title">{t(`webConfig.${choice}`)}</span>
            </label>
          ))}
        </fieldset>
      )}

      {(kind === 'smtp-reply' || kind === 'aadsts' || kind === 'paste') && (
        <div className="field">
          <label htmlFor={textId} className="field-label">
            {t(`text.${kind}`)}
          </label>
          <textarea
            id={textId}
            rows={4}
            maxLength={maxSymptomLength}
            spellCheck={false}
            value={text}
            aria-describedby={textHintId}
            onChange={(event) => setText(event.target.value)}
          />
          <p id={textHintId} className="hint">
            {t('text.hint')}
          </p>
        </div>
      )}

      <div className="actions">
        <button type="submit" className="primary">
          {t('explain')}
        </button>
      </div>
    </form>
  );
}
