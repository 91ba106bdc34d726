/**
 * The functions of dns-packet (no bundled types) the wizard uses: encode for the mDNS guard,
 * decode and encode for the practice DNS server (electron/simulator/practice-dns.ts).
 */
declare module 'dns-packet' {
  export interface Question {
    name: string;
    type: string;
    class?: string;
  }
  export interface Packet {
    id?: number;
    type?: 'query' | 'response';
    flags?: number;
    questions?: Question[];
    answers?: unknown[];
  }
  export function encode(packet: unknown): Buffer;
  export function decode(buffer: Buffer): Packet;
  export const AUTHORITATIVE_ANSWER: number;
  export const RECURSION_DESIRED: number;
}
