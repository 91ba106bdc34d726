/**
 * One throw-away certificate for every practice HTTPS/STARTTLS server (identity endpoints,
 * Exchange), made when the practice world starts and never written to disk. Only the wizard's
 * own clients trust it, and only in practice mode (it is the practice cloud profile's CA).
 */
import selfsigned from 'selfsigned';

export interface PracticeCertificate {
  /** PEM certificate: serve it, and trust it as the CA. */
  cert: string;
  key: string;
}

export async function createPracticeCertificate(): Promise<PracticeCertificate> {
  const pems = await selfsigned.generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    days: 7,
    extensions: [
      { name: 'basicConstraints', cA: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  } as never);
  return { cert: pems.cert, key: pems.private };
}
