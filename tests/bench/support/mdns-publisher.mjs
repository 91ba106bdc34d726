// Benchmark helper: a separate process that publishes N printers x the given service types
// on loopback with bonjour-service as it comes, when told "go" on stdin. Prints
// "announced <epoch ms>" once every publish call has been made.
import Bonjour from 'bonjour-service';

const [count = '1', runId = 'bench', types = 'ipp,ipps,http,uscan', immediate = ''] =
  process.argv.slice(2);
const bonjour = new Bonjour.Bonjour({ interface: '127.0.0.1', bind: '0.0.0.0' }, () => undefined);

function publishAll() {
  for (let index = 0; index < Number(count); index += 1) {
    const hex = (index + 1).toString(16).padStart(12, '0');
    for (const type of types.split(',')) {
      bonjour.publish({
        name: `Bench ${runId} ${index}`,
        type,
        port: 631,
        host: `${runId}-${index}.local`,
        txt: {
          ty: `Bench ${runId} Model ${index}`,
          UUID: `be4c0000-0000-4000-8000-${hex}`,
          note: `Floor ${index % 12}`,
          rp: 'ipp/print',
        },
        probe: false,
        disableIPv6: true,
      });
    }
  }
  process.stdout.write(`announced ${Date.now()}\n`);
}

if (immediate) publishAll();
process.stdin.on('data', (chunk) => {
  if (chunk.toString().includes('go')) publishAll();
});
process.stdin.on('end', () => process.exit(0));
process.stdout.write('ready\n');
