/**
 * The single sign-on buttons of the sign-in page, and the IdP origins its forms may redirect to
 * (the page's CSP form-action must name them).
 * @module
 */
import type { Store } from '../../storage/store.js';

/** The sign-in page's providers: one button per organization with an OIDC provider. */
export interface SignInProviders {
  providers: { id: string; name: string }[];
  formActionOrigins: string[];
}

/**
 * TODO(lead, single sign-on helper): list `store.listOidcProviders()` here as
 * `{ id: organizationId, name: providerName }`, with each issuer's origin in formActionOrigins.
 * Until then the page offers password sign-in only.
 */
export function listSignInProviders(_store: Store): Promise<SignInProviders> {
  return Promise.resolve({ providers: [], formActionOrigins: [] });
}
