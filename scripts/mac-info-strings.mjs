// The macOS app's local-network prompt in every language of the wizard: writes
// build/mac/<language>.lproj/InfoPlist.strings from the locale files (common.json,
// desktop.localNetworkUsage), which electron-builder.yml copies into the app's Resources.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const macStringsDir = path.join(root, 'build', 'mac');
/** Wizard language → macOS localization folder. */
export const lprojNames = {
  en: 'en',
  'zh-TW': 'zh_TW',
  'zh-CN': 'zh_CN',
  ms: 'ms',
  uk: 'uk',
  ca: 'ca',
};

const quote = (text) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

export function infoPlistStrings(language) {
  const common = JSON.parse(
    readFileSync(path.join(root, 'renderer', 'locales', language, 'common.json'), 'utf8'),
  );
  return `${quote('NSLocalNetworkUsageDescription')} = ${quote(common.desktop.localNetworkUsage)};\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [language, lproj] of Object.entries(lprojNames)) {
    const dir = path.join(macStringsDir, `${lproj}.lproj`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'InfoPlist.strings'), infoPlistStrings(language));
  }
}
