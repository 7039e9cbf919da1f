import { isIPv4, isIPv6 } from 'node:net';

/** [first address, prefix length] of the IPv4 ranges a webhook may not reach. */
const PRIVATE_V4: Array<[string, number]> = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved and broadcast
];

const PRIVATE_V6: Array<[string, number]> = [
  ['::', 128],
  ['::1', 128],
  ['::', 96], // IPv4-compatible (deprecated)
  ['100::', 64], // discard
  // Prefixes that carry an IPv4 address a gateway may forward to, private
  // ones included: refused whole, as real receivers do not sit behind them.
  ['64:ff9b:1::', 48], // local-use NAT64 (RFC 8215)
  ['2001::', 32], // Teredo
  ['2002::', 16], // 6to4
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
];

function v4ToBigInt(address: string): bigint {
  return address
    .split('.')
    .reduce((sum, part) => (sum << 8n) + BigInt(Number(part)), 0n);
}

/** Eight hextets as one 128-bit number; accepts `::` and a trailing dotted quad. */
function v6ToBigInt(address: string): bigint {
  let text = address.split('%')[0].toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const v4 = v4ToBigInt(dotted[1]);
    text =
      text.slice(0, -dotted[1].length) +
      `${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, ''];
  const headParts = head ? head.split(':') : [];
  const tailParts = tail ? tail.split(':') : [];
  const missing = 8 - headParts.length - tailParts.length;
  const parts = [
    ...headParts,
    ...Array<string>(missing).fill('0'),
    ...tailParts,
  ];
  return parts.reduce(
    (sum, part) => (sum << 16n) + BigInt(parseInt(part, 16)),
    0n,
  );
}

function inRanges(
  value: bigint,
  bits: number,
  ranges: Array<[string, number]>,
  toBigInt: (address: string) => bigint,
): boolean {
  return ranges.some(([first, prefix]) => {
    const shift = BigInt(bits - prefix);
    return value >> shift === toBigInt(first) >> shift;
  });
}

/**
 * Whether a webhook may be sent to this address: false for loopback,
 * private, link-local, multicast and reserved ranges, including those
 * reached through IPv4-mapped (::ffff:0:0/96) and NAT64 (64:ff9b::/96)
 * IPv6 addresses, and for the local-use NAT64, Teredo and 6to4 prefixes.
 * Not an IP address at all: false.
 */
export function isPublicAddress(address: string): boolean {
  if (isIPv4(address)) {
    return !inRanges(v4ToBigInt(address), 32, PRIVATE_V4, v4ToBigInt);
  }
  if (!isIPv6(address)) return false;
  const value = v6ToBigInt(address);
  const embeddedV4 = value & 0xffffffffn;
  const embedded = [0xffffn << 32n, 0x64ff9bn << 96n].some(
    (prefix) => value >> 32n === prefix >> 32n,
  );
  if (embedded) {
    return !inRanges(embeddedV4, 32, PRIVATE_V4, v4ToBigInt);
  }
  return !inRanges(value, 128, PRIVATE_V6, v6ToBigInt);
}
