/** The one function of dns-packet (no bundled types) the mDNS guard uses. */
declare module 'dns-packet' {
  export function encode(packet: unknown): Buffer;
}
