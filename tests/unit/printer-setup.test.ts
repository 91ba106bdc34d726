/** Vendor profiles and the status sheet rules. */
import { describe, expect, it } from 'vitest';
import {
  answersFromReading,
  judgeSheet,
  signInLapsesOn,
  statusFieldIds,
  type StatusExpectations,
} from '../../shared/printer-setup';
import { vendorProfileFor, vendorProfiles } from '../../shared/vendor-profiles';

const expectations: StatusExpectations = {
  personal: false,
  mailbox: 'scanner@contoso.com',
  smtpHost: 'smtp.office365.com',
  smtpPort: 587,
};
const good = {
  authenticationMethod: 'OAuth2',
  emailService: 'Microsoft Exchange Online',
  currentStatus: 'Signed in',
  authenticatedAccount: 'Scanner@contoso.com',
  senderAddress: 'scanner@contoso.com',
  smtpServer: 'smtp-mail.outlook.com',
  smtpPort: '587',
  secureConnection: 'STARTTLS',
  certificateValidation: 'Enable',
};

describe('vendor profiles', () => {
  it('recognises Epson from discovery, Canon and Lexmark from the model, else generic', () => {
    expect(vendorProfileFor({ vendor: 'epson', model: null, name: 'x' }).id).toBe('epson');
    expect(vendorProfileFor({ vendor: 'other', model: 'Canon iR-ADV C5535', name: 'x' }).id).toBe(
      'canon',
    );
    expect(vendorProfileFor({ vendor: 'other', model: null, name: 'Lexmark MX432' }).id).toBe(
      'lexmark',
    );
    expect(vendorProfileFor({ vendor: 'other', model: 'Brother MFC', name: 'Canonical' }).id).toBe(
      'generic',
    );
  });
  it('Epson follows the guide: Network > Email Server > Basic, OAuth2, Sign In, consent, OK', () => {
    const epson = vendorProfiles.epson;
    expect(epson.settingsPath).toEqual(['network', 'emailServer', 'basic']);
    expect(epson.steps.map((step) => step.id)).toEqual([
      'open',
      'login',
      'navigate',
      'method',
      'service',
      'signIn',
      'code',
      'account',
      'consent',
      'status',
      'ok',
    ]);
    expect(Object.keys(epson.statusFieldLabels)).toEqual([...statusFieldIds]);
  });
});

describe('status sheet', () => {
  it('passes a good sheet (the guide shows smtp-mail.outlook.com for Exchange Online)', () => {
    const answers = answersFromReading(good, expectations);
    expect(judgeSheet(answers).result).toEqual({ state: 'passed' });
  });
  it('names the fix of each mismatch; certificate validation off only needs attention', () => {
    const answers = answersFromReading(
      {
        ...good,
        senderAddress: 'boss@contoso.com',
        smtpPort: '25',
        certificateValidation: 'Disable',
      },
      expectations,
    );
    expect(answers['sender-address']).toBe('other-address');
    expect(answers['smtp-port']).toBe('25');
    const { verdicts, result } = judgeSheet(answers);
    expect(result).toEqual({ state: 'failed', problemId: 'printer-sender-mismatch' });
    expect(verdicts.find((v) => v.field === 'certificate-validation')?.state).toBe('attention');
    const onlyCertificate = answersFromReading(
      { ...good, certificateValidation: 'Disable' },
      expectations,
    );
    expect(judgeSheet(onlyCertificate).result?.state).toBe('attention');
  });
  it('waits for every line before judging', () => {
    expect(judgeSheet({ 'smtp-port': 'match' }).result).toBeNull();
  });
  it('a printer must sign in again 90 days after it last sent mail', () => {
    expect(signInLapsesOn('2026-11-23T12:00:00Z')).toBe('2027-02-21');
  });
});
