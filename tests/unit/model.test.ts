import { describe, expect, it } from 'vitest';
import { cloudProfileFor, cloudProfiles } from '../../shared/cloud-profiles';
import { isStepId, journeySteps, matchLanguage, statusChecks } from '../../shared/model';

describe('language matching', () => {
  it.each([
    [['zh-TW'], 'zh-TW'],
    [['zh-HK'], 'zh-TW'],
    [['zh-Hant-CN'], 'zh-TW'],
    [['zh'], 'zh-CN'],
    [['zh-Hans-CN'], 'zh-CN'],
    [['uk-UA'], 'uk'],
    [['ca-ES-valencia'], 'ca'],
    [['ms_MY'], 'ms'],
    [['de-DE', 'ca'], 'ca'],
    [['de-DE', 'fr'], 'en'],
    [[], 'en'],
  ])('%j → %s', (preferred, expected) => {
    expect(matchLanguage(preferred)).toBe(expected);
  });
});

describe('journey and checks', () => {
  it('has the eight steps of the design and "Choose a way to keep sending", in order', () => {
    expect(journeySteps).toHaveLength(9);
    expect(journeySteps.indexOf('keep-sending')).toBe(journeySteps.indexOf('find-printer') + 1);
    expect(journeySteps[0]).toBe('welcome');
    expect(journeySteps.at(-1)).toBe('done');
    expect(isStepId('sign-in')).toBe(true);
    expect(isStepId('troubleshoot-me')).toBe(false);
  });

  it('gives every check a unique id and a real step', () => {
    const ids = statusChecks.map((check) => check.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const check of statusChecks) expect(isStepId(check.step)).toBe(true);
  });
});

describe('cloud profiles', () => {
  it('sends personal accounts to Outlook.com whatever cloud was picked', () => {
    expect(cloudProfileFor('personal', 'china').smtpHost).toBe('smtp-mail.outlook.com');
    expect(cloudProfileFor('work', 'global').smtpHost).toBe('smtp.office365.com');
  });

  it('uses https endpoints and port 587 everywhere', () => {
    for (const profile of Object.values(cloudProfiles)) {
      expect(profile.authorityHost).toMatch(/^https:\/\//);
      expect(profile.graphBaseUrl).toMatch(/^https:\/\//);
      expect(profile.smtpPort).toBe(587);
      expect(profile.smtpScope).toMatch(/^https:\/\/.+\/SMTP\.Send$/);
    }
  });
});
