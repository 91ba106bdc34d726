import { describe, expect, it } from 'vitest';
import {
  accountStage,
  chosenAccount,
  sameMailbox,
  sendingMailbox,
} from '../../shared/account-story';
import { noPrinterAccount, type PrinterAccount } from '../../shared/model';

const own = (consentedBy: string | null = null): PrinterAccount => ({
  way: 'own-mailbox',
  mailbox: 'scanner@contoso.example',
  consentedBy,
});
const administrator: PrinterAccount = {
  way: 'administrator',
  mailbox: null,
  consentedBy: 'admin@contoso.example',
};

describe('the account story', () => {
  it('names one sending mailbox: the printer’s own, or the signed-in account in the guide’s way', () => {
    expect(sendingMailbox(own(), 'admin@contoso.example')).toBe('scanner@contoso.example');
    expect(sendingMailbox(own(), null)).toBe('scanner@contoso.example');
    expect(sendingMailbox(administrator, 'admin@contoso.example')).toBe('admin@contoso.example');
    expect(sendingMailbox(noPrinterAccount, 'admin@contoso.example')).toBe('admin@contoso.example');
    expect(sendingMailbox(noPrinterAccount, null)).toBeNull();
  });

  it('says which sign-in is still to do, in the order of the recommended way', () => {
    expect(accountStage(noPrinterAccount, 'admin@contoso.example')).toBe('choose');
    expect(accountStage(own(), null)).toBe('consent-first');
    // Someone who cannot consent signed in before any administrator did.
    expect(accountStage(own(), 'megan@contoso.example')).toBe('other-account');
    expect(accountStage(own('admin@contoso.example'), 'admin@contoso.example')).toBe(
      'sign-in-as-mailbox',
    );
    // Exchange compares addresses without case.
    expect(accountStage(own('admin@contoso.example'), 'Scanner@Contoso.example')).toBe('ready');
    expect(accountStage(administrator, 'admin@contoso.example')).toBe('ready');
    expect(accountStage(administrator, null)).toBe('consent-first');
  });

  it('keeps a mailbox only with the own-mailbox way', () => {
    expect(chosenAccount('own-mailbox', ' scanner@contoso.example ')).toEqual({
      way: 'own-mailbox',
      mailbox: 'scanner@contoso.example',
    });
    expect(chosenAccount('own-mailbox', '  ')).toEqual({ way: 'own-mailbox', mailbox: null });
    expect(chosenAccount('administrator', 'scanner@contoso.example')).toEqual({
      way: 'administrator',
      mailbox: null,
    });
    expect(sameMailbox('a@b.example', null)).toBe(false);
  });
});
