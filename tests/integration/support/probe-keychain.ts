// Run in a child process (its own D-Bus environment): probes the OS keychain and prints JSON.
import { createKeytarStore, probeKeychain } from '../../../electron/services/keychain';

void probeKeychain(createKeytarStore({ timeoutMs: 3000 })).then((status) => {
  process.stdout.write(JSON.stringify(status));
});
