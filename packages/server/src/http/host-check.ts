import type { Context, MiddlewareHandler } from 'hono';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';
import type { AppEnv } from './app-env.js';

/** Host headers served: these hostnames on any port, and these exact hosts. Or any at all. */
export type HostPolicy = { hostnames: readonly string[]; hosts: readonly string[] } | 'any';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

export function isLoopback(listenHost: string): boolean {
  return listenHost === 'localhost' || listenHost === '::1' || /^127(\.\d{1,3}){3}$/.test(listenHost);
}

/**
 * Against DNS rebinding: a page on a hostile name that resolves to 127.0.0.1 would reach the
 * app with that name as its Host. On loopback only the loopback names are ours; a hosted instance
 * knows its name from HIPWISE_PUBLIC_URL. Hosted without one, any name is served (and the start-up
 * log says so).
 */
export function hostPolicy(config: Pick<Config, 'host' | 'publicUrl'>): HostPolicy {
  const hosts = config.publicUrl ? [new URL(config.publicUrl).host] : [];
  if (isLoopback(config.host)) return { hostnames: LOOPBACK_NAMES, hosts };
  return hosts.length > 0 ? { hostnames: [], hosts } : 'any';
}

/** The host the client asked for: X-Forwarded-Host from a trusted proxy, else Host. */
export function requestHost(c: Context, trustProxy: boolean): string {
  const forwarded = trustProxy ? c.req.header('x-forwarded-host')?.split(',')[0]?.trim() : undefined;
  return (forwarded || c.req.header('host') || new URL(c.req.url).host).toLowerCase();
}

const hostnameOf = (host: string) =>
  host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]!;

export function hostCheck(policy: HostPolicy, trustProxy: boolean): MiddlewareHandler<AppEnv> {
  if (policy === 'any') return async (_c, next) => next();
  const hostnames = new Set(policy.hostnames);
  const hosts = new Set(policy.hosts.map((h) => h.toLowerCase()));
  return async (c, next) => {
    const host = requestHost(c, trustProxy);
    if (!hosts.has(host) && !hostnames.has(hostnameOf(host))) {
      throw new AppError(
        'misdirected',
        'unknown_host',
        `This server does not answer to the name ${host.slice(0, 100)}. Open it at its own address.`,
      );
    }
    await next();
  };
}
