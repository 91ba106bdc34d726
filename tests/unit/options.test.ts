import { describe, expect, it } from 'vitest';
import { parseOptions, UsageError } from '../../electron/startup/options';

describe('command-line flags', () => {
  it('defaults to the Electron app with a free port and a browser', () => {
    expect(parseOptions([])).toEqual({ web: false, demo: false, port: 0, open: true, help: false });
  });

  it('reads every flag, with --port in either form', () => {
    expect(parseOptions(['--web', '--demo', '--port', '8123', '--no-open'])).toEqual({
      web: true,
      demo: true,
      port: 8123,
      open: false,
      help: false,
    });
    expect(parseOptions(['--port=0']).port).toBe(0);
    expect(parseOptions(['-h']).help).toBe(true);
  });

  it.each([['--bogus'], ['demo'], ['--port'], ['--port', 'x'], ['--port', '70000'], ['--port=-1']])(
    'refuses %j with a usage error',
    (...argv) => {
      expect(() => parseOptions(argv)).toThrow(UsageError);
    },
  );
});
