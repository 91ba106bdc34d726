// The app icon for every platform from one source image, assets/web/icon.svg (also the
// favicon): assets/icons/<N>x<N>.png (Linux), icon.ico (Windows), icon.icns (macOS), written
// where electron-builder takes them as they are (it would otherwise download a converter).
// `node scripts/make-icons.mjs` writes them; `--check` only says whether the checked-in files
// are what the source gives now (exit 1 if not), as the release-config test does.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const iconSource = path.join(root, 'assets', 'web', 'icon.svg');
export const iconDir = path.join(root, 'assets', 'icons');
export const linuxSizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

function render(svg, size) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
}

/** Every output file and its bytes, computed from the source. */
export function iconFiles() {
  const svg = readFileSync(iconSource);
  const files = new Map();
  for (const size of linuxSizes) files.set(`${size}x${size}.png`, render(svg, size));
  const largest = files.get('1024x1024.png');
  // Windows: PNG-compressed entries up to 256 px, as executables expect; macOS: 16 to 1024 px.
  files.set('icon.ico', png2icons.createICO(largest, png2icons.BICUBIC2, 0, true, true));
  files.set('icon.icns', png2icons.createICNS(largest, png2icons.BICUBIC2, 0));
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  const stale = [];
  mkdirSync(iconDir, { recursive: true });
  for (const [name, bytes] of iconFiles()) {
    const file = path.join(iconDir, name);
    if (check) {
      let current = null;
      try {
        current = readFileSync(file);
      } catch {
        // missing counts as stale
      }
      if (!current || !current.equals(Buffer.from(bytes))) stale.push(name);
    } else {
      writeFileSync(file, bytes);
    }
  }
  if (check && stale.length > 0) {
    process.stderr.write(
      `Icons out of date (run node scripts/make-icons.mjs): ${stale.join(', ')}\n`,
    );
    process.exit(1);
  }
  process.stdout.write(check ? 'Icons are up to date.\n' : `Icons written to ${iconDir}\n`);
}
