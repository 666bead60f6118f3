/**
 * openid-client, loaded by the first single sign-on rather than at start: with jose it keeps
 * about 7 MiB resident, and most servers never configure a provider.
 * @module
 */
import type * as OpenidClient from 'openid-client';

let loading: Promise<typeof OpenidClient> | undefined;

/** The openid-client module, imported once. */
export function loadOpenidClient(): Promise<typeof OpenidClient> {
  loading ??= import('openid-client');
  return loading;
}
