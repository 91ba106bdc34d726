/** Reports what the wizard runs on: version, platform, shell, practice mode and the keychain. */
import os from 'node:os';
import type { AppInfo, KeychainStatus, ShellKind } from '../../shared/model';
import type { PracticePages } from '../../shared/practice';
import { probeKeychain, type SecretStore } from './keychain';

export interface AppInfoService {
  getAppInfo(): Promise<AppInfo>;
  checkKeychain(): Promise<KeychainStatus>;
}

export interface AppInfoOptions {
  name: string;
  version: string;
  shell: ShellKind;
  practice: boolean;
  /** The practice world's pages, in practice mode (composed by the host). */
  practiceWorld?: PracticePages;
  secretStore: () => SecretStore;
  /** process.versions of the running runtime (Electron adds `electron` and `chrome`). */
  versions?: NodeJS.ProcessVersions;
  /** The OS's preferred languages (Electron: app.getPreferredSystemLanguages). */
  preferredLanguages?: () => readonly string[];
}

export function createAppInfoService(options: AppInfoOptions): AppInfoService {
  const versions = options.versions ?? process.versions;
  let keychain: Promise<KeychainStatus> | null = null;
  const checkKeychain = (): Promise<KeychainStatus> => {
    keychain = probeKeychain(options.secretStore());
    return keychain;
  };
  return {
    checkKeychain,
    async getAppInfo() {
      return {
        name: options.name,
        version: options.version,
        shell: options.shell,
        practice: options.practice,
        platform: { os: os.platform(), release: os.release(), arch: os.arch() },
        runtime: {
          node: versions.node,
          electron: versions['electron'] ?? null,
          chrome: versions['chrome'] ?? null,
        },
        keychain: await (keychain ?? checkKeychain()),
        ...(options.practiceWorld ? { practiceWorld: { ...options.practiceWorld } } : {}),
        ...(options.preferredLanguages
          ? { preferredLanguages: [...options.preferredLanguages()] }
          : {}),
      };
    },
  };
}
