import { lookup } from 'node:dns/promises';
import net from 'node:net';
import { badRequest } from '../platform/errors.ts';

/** What an IP address reaches; only `public` is a webhook target unless the operator allows more. */
export type AddressClass =
  | 'public'
  | 'private'
  | 'loopback'
  | 'link-local'
  | 'unique-local'
  | 'multicast'
  | 'unspecified'
  | 'reserved';

type Range = [network: bigint, prefix: number, kind: AddressClass];

const v4 = (text: string): bigint =>
  text.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);

// Special-purpose registries (RFC 6890 and successors); everything else is public.
const v4Ranges: Range[] = (
  [
    ['0.0.0.0', 8, 'unspecified'], // "this network": 0.0.0.0 reaches the local host
    ['10.0.0.0', 8, 'private'],
    ['100.64.0.0', 10, 'private'], // carrier-grade NAT, shared address space
    ['127.0.0.0', 8, 'loopback'],
    ['169.254.0.0', 16, 'link-local'], // cloud metadata services live here
    ['172.16.0.0', 12, 'private'],
    ['192.0.0.0', 24, 'reserved'],
    ['192.0.2.0', 24, 'reserved'],
    ['192.88.99.0', 24, 'reserved'],
    ['192.168.0.0', 16, 'private'],
    ['198.18.0.0', 15, 'reserved'],
    ['198.51.100.0', 24, 'reserved'],
    ['203.0.113.0', 24, 'reserved'],
    ['224.0.0.0', 4, 'multicast'],
    ['240.0.0.0', 4, 'reserved'], // includes 255.255.255.255, the broadcast address
  ] as const
).map(([a, p, k]) => [v4(a), p, k]);

function v6(text: string): bigint | undefined {
  let s = text.toLowerCase();
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  // A dotted IPv4 tail (::ffff:10.0.0.1) becomes two hextets.
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (dotted) {
    if (net.isIPv4(dotted[1]!) === false) return undefined;
    const n = v4(dotted[1]!);
    s = `${s.slice(0, -dotted[1]!.length)}${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const parts = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  let value = 0n;
  for (const part of parts) {
    if (!/^[0-9a-f]{1,4}$/.test(part)) return undefined;
    value = (value << 16n) | BigInt(parseInt(part, 16));
  }
  return value;
}

const v6Ranges: Range[] = (
  [
    ['::', 128, 'unspecified'],
    ['::1', 128, 'loopback'],
    ['::', 96, 'reserved'], // IPv4-compatible addresses, deprecated
    ['100::', 64, 'reserved'], // discard-only
    ['2001:db8::', 32, 'reserved'], // documentation
    ['fc00::', 7, 'unique-local'],
    ['fe80::', 10, 'link-local'],
    ['fec0::', 10, 'private'], // site-local, deprecated but still routed by some networks
    ['ff00::', 8, 'multicast'],
  ] as const
).map(([a, p, k]) => [v6(a)!, p, k]);

const inRange = (value: bigint, bits: number, [network, prefix]: Range) =>
  value >> BigInt(bits - prefix) === network >> BigInt(bits - prefix);

function classifyV4(value: bigint): AddressClass {
  return v4Ranges.find((r) => inRange(value, 32, r))?.[2] ?? 'public';
}

/**
 * Which kind of address an IP literal is: a pure function, tested as a table. IPv6 forms that
 * carry an IPv4 address (IPv4-mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16) are
 * judged by that address, so ::ffff:127.0.0.1 is loopback. Anything unparseable is `reserved`.
 */
export function classifyAddress(address: string): AddressClass {
  const literal = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  if (net.isIPv4(literal)) return classifyV4(v4(literal));
  if (!net.isIPv6(literal)) return 'reserved';
  const value = v6(literal);
  if (value === undefined) return 'reserved';
  if (value >> 32n === 0xffffn) return classifyV4(value & 0xffffffffn);
  if (value >> 32n === v6('64:ff9b::')! >> 32n) return classifyV4(value & 0xffffffffn);
  if (value >> 112n === 0x2002n) return classifyV4((value >> 80n) & 0xffffffffn);
  // Most specific first: ::1 and :: before ::/96.
  const ranges = [...v6Ranges].sort((a, b) => b[1] - a[1]);
  return ranges.find((r) => inRange(value, 128, r))?.[2] ?? 'public';
}

export interface AddressPolicy {
  /** The operator's COOP_WEBHOOKS_ALLOW_PRIVATE: a test or an intranet receiver. */
  allowPrivate: boolean;
}

/** Refused unless the operator allows private targets; the sentence names the address. */
export function refusedAddress(address: string, policy: AddressPolicy): string | undefined {
  const kind = classifyAddress(address);
  if (kind === 'public' || policy.allowPrivate) return undefined;
  return `${address} is a ${kind} address: webhooks go to public addresses only`;
}

/** Parses a webhook URL: http(s), no user name or password in it, a host. */
export function parseWebhookUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw badRequest('The URL is not valid.', [{ pointer: '/url', message: 'not a URL' }]).because(
      'webhook.url-invalid',
    );
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw badRequest('Webhooks are sent over HTTP or HTTPS.', [
      { pointer: '/url', message: 'must start with https:// or http://' },
    ]).because('webhook.url-scheme');
  if (parsed.username || parsed.password)
    throw badRequest('Put no user name or password in the URL; verify the signature instead.', [
      { pointer: '/url', message: 'must not contain credentials' },
    ]).because('webhook.url-credentials');
  return parsed;
}

const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

/**
 * Resolves the URL's host and refuses it when any of its addresses is not public: a host name
 * that resolves to 10.0.0.5 or 169.254.169.254 would let a member probe the co-op's network.
 */
export async function assertDeliverableUrl(url: string, policy: AddressPolicy): Promise<URL> {
  const parsed = parseWebhookUrl(url);
  const host = hostOf(parsed);
  let addresses: string[];
  if (net.isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
    } catch {
      throw badRequest(`The host ${host} could not be resolved.`, [
        { pointer: '/url', message: 'unknown host' },
      ]).because('webhook.host-unresolved', { host });
    }
  }
  for (const address of addresses) {
    const refused = refusedAddress(address, policy);
    if (refused)
      throw badRequest(`${host}: ${refused}.`, [{ pointer: '/url', message: refused }]).because(
        'webhook.address-refused',
        { host, address },
      );
  }
  return parsed;
}

/**
 * A `lookup` for node:http that checks each address it hands to the socket: the check and the
 * connection use the same answer, so a host that re-resolves to a private address between the
 * check and the connection (DNS rebinding) is still refused.
 */
export function guardedLookup(policy: AddressPolicy): net.LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { all: true, verbatim: true, family: options.family ?? 0 }).then(
      (answers) => {
        for (const { address } of answers) {
          const refused = refusedAddress(address, policy);
          if (refused) {
            callback(Object.assign(new Error(refused), { code: 'EADDRREFUSED' }), '', 4);
            return;
          }
        }
        if (options.all) callback(null, answers as never);
        else callback(null, answers[0]!.address, answers[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 4),
    );
  };
}

export const literalHost = (url: URL): string | undefined => {
  const host = hostOf(url);
  return net.isIP(host) ? host : undefined;
};
