/**
 * The release configuration (electron-builder.yml) without packaging, which needs an Electron
 * download this machine cannot make: electron-builder's own schema check, the fuses and
 * installer settings the issue asks for, the icons, and what the config would pack from the
 * build (`npm test` builds first), computed with electron-builder's own file matcher and its
 * own production-dependency collector.
 */
import { readFileSync, readdirSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { printerServiceTypes } from '../../shared/printers';

const root = path.resolve(__dirname, '..', '..');
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import * as fileMatchers from 'app-builder-lib/out/fileMatcher';
import { getCollectorByPackageManager, PM } from 'app-builder-lib/out/node-module-collector';
import { DebugLogger } from 'builder-util';
import { TmpDir } from 'temp-file';
import { iconDir, iconFiles } from '../../scripts/make-icons.mjs';
import { infoPlistStrings, lprojNames, macStringsDir } from '../../scripts/mac-info-strings.mjs';
import { supportedLanguages } from '../../shared/model';

type FileMatcher = fileMatchers.FileMatcher;
/** What electron-builder uses for the app's files (internal to app-builder-lib, so untyped). */
const { getFileMatchers, getMainFileMatchers } = fileMatchers as typeof fileMatchers & {
  getMainFileMatchers(
    appDir: string,
    destination: string,
    macroExpander: (pattern: string) => string,
    options: object,
    packager: object,
    outDir: string,
    isElectronCompile: boolean,
  ): FileMatcher[];
};

type Config = Awaited<ReturnType<typeof getConfig>>;
let config: Config;
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  name: string;
  main: string;
  devDependencies: Record<string, string>;
};

beforeAll(async () => {
  config = await getConfig(root, 'electron-builder.yml', null);
}, 30_000);

describe('electron-builder.yml', () => {
  it("passes electron-builder's own configuration check, and a wrong setting does not", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    const broken = { ...config, nsis: { ...config.nsis, perMachine: 'no' } } as unknown as Config;
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(
      /nsis\.perMachine should be a boolean/,
    );
  });

  it('sets the release fuses exactly as the issue lists them', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('Windows: an NSIS installer per user, never asking for administrator rights', () => {
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64', 'arm64'] }]);
    expect(config.nsis).toMatchObject({ perMachine: false, allowElevation: false });
  });

  it('macOS: a universal dmg, hardened runtime, entitlements in the repo, notarization on', () => {
    expect(config.mac?.target).toEqual([{ target: 'dmg', arch: ['universal'] }]);
    expect(config.mac).toMatchObject({ hardenedRuntime: true, notarize: true });
    const entitlements = readFileSync(path.join(root, String(config.mac?.entitlements)), 'utf8');
    const keys = [...entitlements.matchAll(/<key>([^<]+)<\/key>/g)].map((match) => match[1]);
    expect(keys).toEqual(['com.apple.security.cs.allow-jit']);
    expect(config.mac?.entitlementsInherit).toBe(config.mac?.entitlements);
  });

  it('macOS: the local-network prompt names every DNS-SD type discovery browses, in six languages', () => {
    const info = config.mac?.extendInfo as Record<string, unknown>;
    expect(info['NSBonjourServices']).toEqual(printerServiceTypes.map((type) => `_${type}._tcp`));
    const words = (language: string): string =>
      (
        JSON.parse(
          readFileSync(path.join(root, 'renderer', 'locales', language, 'common.json'), 'utf8'),
        ) as { desktop: { localNetworkUsage: string } }
      ).desktop.localNetworkUsage;
    expect(info['NSLocalNetworkUsageDescription']).toBe(words('en'));
    // …and in every language of the wizard, from the locale files, into the app's Resources.
    expect(config.mac?.extraResources).toEqual([
      { from: 'build/mac', to: '.', filter: ['**/InfoPlist.strings'] },
    ]);
    expect(Object.keys(lprojNames).sort()).toEqual([...supportedLanguages].sort());
    for (const [language, lproj] of Object.entries(lprojNames)) {
      const file = path.join(macStringsDir, `${lproj}.lproj`, 'InfoPlist.strings');
      expect(readFileSync(file, 'utf8'), file).toBe(infoPlistStrings(language));
      expect(infoPlistStrings(language)).toContain(words(language).replace(/"/g, '\\"'));
    }
  });

  it('Linux: AppImage and deb; the deb depends on libsecret-1-0 and recommends gnome-keyring', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    // electron-builder's own deb list (app-builder-lib FpmTarget) is kept: setting depends
    // replaces it.
    expect(config.deb?.depends).toEqual([
      'libgtk-3-0',
      'libnotify4',
      'libnss3',
      'libxss1',
      'libxtst6',
      'xdg-utils',
      'libatspi2.0-0',
      'libuuid1',
      'libsecret-1-0',
    ]);
    expect(config.deb?.recommends).toEqual(['gnome-keyring']);
  });

  it('publishes nothing and has no update feed unless a packager configures one', () => {
    expect(config.publish).toBeNull();
    expect(JSON.stringify(config)).not.toMatch(/autoUpdate|electron-updater/);
  });

  it('every platform icon is made from the one source image and is up to date', () => {
    expect(path.join(root, String(config.win?.icon))).toBe(path.join(iconDir, 'icon.ico'));
    expect(path.join(root, String(config.mac?.icon))).toBe(path.join(iconDir, 'icon.icns'));
    expect(path.join(root, String(config.linux?.icon))).toBe(iconDir);
    for (const [name, bytes] of iconFiles()) {
      const checkedIn = readFileSync(path.join(iconDir, name));
      expect(checkedIn.equals(Buffer.from(bytes)), `${name}: run node scripts/make-icons.mjs`).toBe(
        true,
      );
    }
    // Windows wants a 256 px entry; electron-builder refuses a smaller .ico.
    const ico = readFileSync(path.join(iconDir, 'icon.ico'));
    const widths = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + i * 16] || 256);
    expect(Math.max(...widths)).toBe(256);
  }, 30_000);
});

describe('what the config packs from a fresh build', () => {
  let appFiles: string[] = [];
  let productionModules: string[] = [];
  let unpacked: (relative: string) => boolean;

  beforeAll(async () => {
    const debugLogger = new DebugLogger(false);
    const packager = {
      info: {
        projectDir: root,
        buildResourcesDir: config.directories?.buildResources ?? 'build',
        isPrepackedAppAsar: false,
        config,
        debugLogger,
      },
    };
    const [matcher] = getMainFileMatchers(
      root,
      '/app',
      (pattern: string) => pattern,
      config,
      packager,
      path.join(root, 'dist'),
      false,
    );
    if (!matcher) throw new Error('no file matcher');
    const accept = matcher.createFilter();
    // As electron-builder walks the app folder: a folder is entered only if the filter lets it.
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        const stat: Stats = statSync(file);
        if (!accept(file, stat as never)) continue;
        if (stat.isDirectory()) walk(file);
        else appFiles.push(path.relative(root, file).split(path.sep).join('/'));
      }
    };
    walk(root);
    appFiles = appFiles.sort();

    const temporary = new TmpDir('release-config-test');
    try {
      const collector = getCollectorByPackageManager(PM.NPM, root, temporary);
      const { nodeModules } = await collector.getNodeModules({ packageName: manifest.name });
      const names = new Set<string>();
      const visit = (list: readonly { name: string; dependencies?: unknown[] }[] = []) => {
        for (const module of list) {
          names.add(module.name);
          visit(module.dependencies as typeof list);
        }
      };
      visit(nodeModules);
      productionModules = [...names].sort();
    } finally {
      await temporary.cleanup();
    }

    const [unpackMatcher] =
      getFileMatchers(config, 'asarUnpack', '/app', {
        macroExpander: (pattern: string) => pattern,
        customBuildOptions: config,
        globalOutDir: path.join(root, 'dist'),
        defaultSrc: root,
      }) ?? [];
    if (!unpackMatcher) throw new Error('no asarUnpack patterns');
    const unpack = unpackMatcher.createFilter();
    unpacked = (relative) =>
      unpack(path.join(root, relative), statSync(path.join(root, relative)) as never);
  }, 60_000);

  it('packs the main entry, the bundled preload, the renderer and the manifest', () => {
    expect(manifest.main).toBe('build/electron/shell-electron/main.js');
    expect(appFiles).toEqual(
      expect.arrayContaining([
        manifest.main,
        'build/electron/shell-electron/preload.js',
        'build/electron/host.js',
        'build/shared/contract.js',
        'build/renderer/index.html',
        'package.json',
      ]),
    );
    expect(appFiles.some((file) => /^build\/renderer\/assets\/index-.+\.js$/.test(file))).toBe(
      true,
    );
    // The preload that is packed is the bundle: it requires nothing but electron.
    const preload = readFileSync(
      path.join(root, 'build/electron/shell-electron/preload.js'),
      'utf8',
    );
    expect([...preload.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1])).toEqual([
      'electron',
    ]);
  });

  it('packs no tests, source maps, TypeScript sources or sources of any kind', () => {
    const unwanted = appFiles.filter(
      (file) =>
        /\.(map|ts|tsx|mts)$/.test(file) ||
        /^(tests|electron|renderer|shared|scripts|assets|docs|artifacts|dist)\//.test(file) ||
        /(^|\/)(tests?|__tests__)\//.test(file) ||
        /\.(test|spec)\.js$/.test(file),
    );
    expect(unwanted).toEqual([]);
    expect(appFiles.every((file) => file === 'package.json' || file.startsWith('build/'))).toBe(
      true,
    );
  });

  it('packs the production dependencies, keytar among them, and no dev dependency', () => {
    expect(productionModules).toEqual(expect.arrayContaining(['keytar', '@azure/msal-node']));
    const devOnly = Object.keys(manifest.devDependencies);
    expect(productionModules.filter((name) => devOnly.includes(name))).toEqual([]);
  });

  it("unpacks keytar's native module from the asar, and nothing else of the app", () => {
    const keytarRelease = 'node_modules/keytar/build/Release';
    const natives = readdirSync(path.join(root, keytarRelease)).filter((name) =>
      name.endsWith('.node'),
    );
    expect(natives).toEqual(['keytar.node']);
    expect(unpacked(`${keytarRelease}/keytar.node`)).toBe(true);
    expect(appFiles.filter((file) => unpacked(file))).toEqual([]);
  });
});
