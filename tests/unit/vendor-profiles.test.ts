/**
 * The printer makes beyond Epson, as data: each make is recognised from what the printer
 * announces, and every step, label, note, password hint and status path a profile names has
 * words in all six languages, with every placeholder filled by a label of that profile.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { supportedLanguages } from '../../shared/model';
import { vendorProfileFor, vendorProfiles } from '../../shared/vendor-profiles';

const locales = path.resolve(__dirname, '..', '..', 'renderer', 'locales');
type VendorWords = {
  name: string;
  labels: Record<string, string>;
  steps: Record<string, string>;
  notes: Record<string, string>;
  passwordHints: Record<string, string>;
  statusPaths: Record<string, string>;
};
const vendorWords = (language: string, id: string): VendorWords =>
  JSON.parse(readFileSync(path.join(locales, language, 'printer.json'), 'utf8')).vendors[id];

describe('recognised makes', () => {
  it.each([
    ['SHARP BP-70C65', 'sharp'],
    ['Sharp MX-3071', 'sharp'],
    ['KONICA MINOLTA bizhub C451i', 'konica-minolta'],
    ['bizhub 651i', 'konica-minolta'],
    ['Canon iR-ADV C5535', 'canon'],
    ['Lexmark CX735', 'lexmark'],
    ['Kyocera TASKalfa 4054ci', 'generic'],
    ['Xerox AltaLink C8130', 'generic'],
    ['Sharpie label printer', 'generic'],
  ])('%s → %s', (model, id) => {
    expect(vendorProfileFor({ vendor: 'other', model, name: 'Office printer' }).id).toBe(id);
  });
});

describe.each(Object.values(vendorProfiles))('$id walkthrough', (profile) => {
  it.each(supportedLanguages)('has all its words in %s', (language) => {
    const words = vendorWords(language, profile.id);
    expect(words, `${language} ${profile.id}`).toBeDefined();
    const labels = new Set(Object.keys(words.labels));
    const filled = (text: string | undefined, where: string): void => {
      expect(text?.trim(), where).toBeTruthy();
      for (const [, name] of (text ?? '').matchAll(/\{\{(\w+)\}\}/g)) {
        expect(labels.has(name ?? ''), `${where}: {{${name}}}`).toBe(true);
      }
    };
    for (const step of profile.steps) {
      filled(words.steps[step.id], `step ${step.id}`);
      for (const label of step.labels) filled(words.labels[label], `label ${label}`);
    }
    for (const note of profile.notes) filled(words.notes[note], `note ${note}`);
    for (const hint of profile.passwordHints) filled(words.passwordHints[hint], `hint ${hint}`);
    for (const place of profile.statusPaths) filled(words.statusPaths[place], `status ${place}`);
    for (const key of [profile.webPageLabel, profile.signedInLabel, ...profile.settingsPath]) {
      filled(words.labels[key], `label ${key}`);
    }
    if (profile.openLabel) filled(words.labels[profile.openLabel], 'open label');
  });
});

describe('the sources the walkthroughs follow', () => {
  it('Sharp: SMTP tab, OAuth 2.0, Get Token, the token error it shows', () => {
    const sharp = vendorProfiles.sharp;
    expect(sharp.settingsPath).toEqual([
      'settingsAdministrator',
      'systemSettings',
      'networkSettings',
      'serviceSettings',
      'smtp',
    ]);
    const words = vendorWords('en', 'sharp');
    expect(words.labels['getToken']).toBe('Get Token');
    expect(words.labels['tokenUpdateFailed']).toBe(
      'Token update failed. Please delete the token and obtain it again.',
    );
  });
  it('Konica Minolta: Utility > Administrator > Network > E-mail Setting > E-mail TX (SMTP) > OAuth Settings', () => {
    const words = vendorWords('en', 'konica-minolta');
    expect(vendorProfiles['konica-minolta'].settingsPath.map((key) => words.labels[key])).toEqual([
      'Utility',
      'Administrator',
      'Network',
      'E-mail Setting',
      'E-mail TX (SMTP)',
      'OAuth Settings',
    ]);
  });
});
