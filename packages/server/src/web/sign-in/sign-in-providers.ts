/**
 * The single sign-on buttons of the sign-in page, and the IdP origins its forms may redirect to
 * (the page's CSP form-action must name them, or Chromium blocks the redirect to the provider).
 * @module
 */
import type { Store } from '../../storage/store.js';
import type { SingleSignOn } from '../single-sign-on/index.js';

/** The sign-in page's providers: one button per organization with an OIDC provider. */
export interface SignInProviders {
  providers: { id: string; name: string }[];
  formActionOrigins: string[];
}

/** Every live organization's provider, as `{ id: organizationId, name: providerName }`. */
export async function listSignInProviders(
  store: Store,
  singleSignOn: SingleSignOn,
): Promise<SignInProviders> {
  const records = await store.listOidcProviders();
  return {
    providers: records.map((p) => ({ id: p.organizationId, name: p.providerName })),
    formActionOrigins: await singleSignOn.formActionOrigins(records),
  };
}
