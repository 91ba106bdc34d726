// Lint enforces the house rules of DESIGN.md section 3: who may import what, no raw IPC
// outside the shells, and no literal UI text in JSX (every string comes from a locale file).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = '^(node:.*|fs|path|os|http|https|net|dgram|child_process|crypto|events|url)$';
const forbid = (regex, message) => ({ regex, message });
const intoFolder = (...folders) => `(^|/)(${folders.join('|')})/`;
const electronOnlyInShell = {
  name: 'electron',
  message: 'Only electron/shell-electron/ may import electron; services run in plain Node.',
};
const outsideElectron = forbid(
  intoFolder('renderer', 'tests'),
  'electron/ imports shared/ and its own files only.',
);
/** Only electron/host.ts composes the practice world; everything else sees services and values. */
const practiceWorldOnlyInHost = forbid(
  intoFolder('simulator'),
  'Only electron/host.ts composes the practice world (electron/simulator/); take what it provides through a service or option instead.',
);
const rendererImports = [
  forbid(intoFolder('electron', 'tests'), 'renderer/ imports shared/ and its own files only.'),
  forbid(nodeBuiltins, 'The renderer is sandboxed: no Node.'),
  forbid('^electron$', 'The renderer is sandboxed: no Electron.'),
];

/** Raw IPC is the Electron shell's alone. */
const rawIpc = [
  {
    selector: "Identifier[name='ipcRenderer']",
    message: 'Raw IPC only in electron/shell-electron/.',
  },
  {
    selector: "Identifier[name='ipcMain']",
    message: 'Raw IPC only in electron/shell-electron/.',
  },
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'build/',
      'dist/',
      'artifacts/',
      'test-results/',
      'playwright-report/',
      '.cache/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid(intoFolder('electron', 'renderer', 'tests'), 'shared/ imports only shared/.'),
            forbid('^[^.]', 'shared/ is plain TypeScript: no Node, DOM, Electron or packages.'),
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/shell-electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message:
                'Only electron/shell-electron/ may import electron; services run in plain Node.',
            },
          ],
          patterns: [
            forbid(
              intoFolder('renderer', 'tests'),
              'electron/ imports shared/ and its own files only.',
            ),
          ],
        },
      ],
    },
  },
  {
    // Everything in electron/ but the host, the practice world itself and the Electron shell
    // (which has its own block): no import of the practice world.
    files: ['electron/**/*.ts'],
    ignores: ['electron/host.ts', 'electron/simulator/**', 'electron/shell-electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [electronOnlyInShell], patterns: [outsideElectron, practiceWorldOnlyInHost] },
      ],
    },
  },
  // The rooms inside electron/ (electron/README.md): services are the capabilities and know
  // nothing of who calls them; the practice world reuses services but never the wiring; the
  // small pieces in common/ depend on nothing of electron/.
  {
    files: ['electron/services/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell],
          patterns: [
            outsideElectron,
            forbid(
              `${intoFolder('simulator', 'handlers', 'shell-electron', 'shell-browser', 'startup')}|(^|/)(host|cli)$`,
              'A service runs in plain Node for whoever calls it: no practice world, handlers, host, start-up or shells (electron/README.md).',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['electron/simulator/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell],
          patterns: [
            outsideElectron,
            forbid(
              `${intoFolder('handlers', 'shell-electron', 'shell-browser', 'startup')}|(^|/)(host|cli)$`,
              'The practice world stands beneath the services: no handlers, host, start-up or shells (electron/README.md).',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['electron/handlers/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell],
          patterns: [
            outsideElectron,
            forbid(
              `${intoFolder('shell-electron', 'shell-browser', 'startup')}|(^|/)(host|cli)$`,
              'Handlers map the contract onto services; the host and the shells call them, not the other way round.',
            ),
            practiceWorldOnlyInHost,
          ],
        },
      ],
    },
  },
  {
    files: ['electron/common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInShell],
          patterns: [
            outsideElectron,
            forbid(
              '^\\.\\./[^.]',
              'electron/common/ holds small pieces every room uses: it imports only shared/ and packages.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['electron/shell-electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            forbid(
              intoFolder('renderer', 'tests'),
              'electron/ imports shared/ and its own files only.',
            ),
            practiceWorldOnlyInHost,
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { react, 'react-hooks': reactHooks },
    settings: { react: { version: '19' } },
    rules: {
      ...react.configs.flat.recommended.rules,
      ...react.configs.flat['jsx-runtime'].rules,
      ...reactHooks.configs.recommended.rules,
      'react/jsx-no-literals': [
        'error',
        { noStrings: true, ignoreProps: true, noAttributeStrings: false },
      ],
      'no-restricted-imports': ['error', { patterns: rendererImports }],
    },
  },
  {
    // Each step is a room: a step folder imports no other step. What two steps share lives in
    // renderer/components/, its own folder (printer-journey/) or steps/common/ (the frame).
    files: ['renderer/steps/*/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...rendererImports,
            forbid(
              '^\\.\\./(?!common/)[^./]',
              'A step imports no other step: move what they share to renderer/components/ or its own folder.',
            ),
            forbid('(^|/)steps/', 'A step imports no other step (nor the step registry).'),
          ],
        },
      ],
    },
  },
  {
    // Main-process and shared code in named parts: a factory whose closure grows past 200 lines
    // holds several things at once (the practice Web Config reached 417 before it was split).
    files: ['electron/**/*.ts', 'shared/**/*.ts'],
    rules: {
      'max-lines-per-function': [
        'error',
        { max: 200, skipBlankLines: true, skipComments: true, IIFEs: true },
      ],
    },
  },
  {
    // Raw IPC only in the Electron shell (and the harness's stand-in for Electron, which must
    // provide ipcMain to run the shell in CI).
    files: ['**/*.{ts,tsx,mjs}'],
    ignores: ['electron/shell-electron/**', 'tests/shell-harness/electron-stand-in.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...rawIpc],
    },
  },
  {
    // The renderer calls main from its one store (and the api client beneath it) only: screens
    // send intents through store actions and read what main pushes.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/store/**', 'renderer/api/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...rawIpc,
        {
          selector: "CallExpression[callee.property.name='invoke']",
          message:
            'Only renderer/store/ and renderer/api/ call main: add a store action (renderer/store/wizard-store.ts) and call that.',
        },
      ],
    },
  },
  {
    files: ['tests/**/*.ts', 'scripts/**/*.mjs', '*.mts', '*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  prettier,
);
