/**
 * Preloaded (`node --require tsx/cjs --require register.ts main.js`) in the process that runs
 * the shell's real compiled main entry: `require('electron')` gives the stand-in instead of the
 * runtime this machine cannot download. Nothing else about module loading changes.
 */
import Module from 'node:module';
import path from 'node:path';

const standIn = path.join(__dirname, 'electron-stand-in.ts');
const loader = Module as unknown as {
  _resolveFilename(request: string, ...rest: unknown[]): string;
};
const resolve = loader._resolveFilename;
loader._resolveFilename = function (request: string, ...rest: unknown[]): string {
  return request === 'electron' ? standIn : resolve.call(this, request, ...rest);
};
