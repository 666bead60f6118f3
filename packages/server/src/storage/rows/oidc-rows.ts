/**
 * OpenID Connect providers and login states between their records and their rows.
 * @module
 */
import type { OidcLoginStateRecord, OidcProviderRecord } from '../../domain/records.js';
import type { OidcLoginStatesTable, OidcProvidersTable } from '../schema.js';

/** The row that stores an organization's provider. */
export function oidcProviderToRow(provider: OidcProviderRecord): OidcProvidersTable {
  return {
    organization_id: provider.organizationId,
    provider_name: provider.providerName,
    issuer_url: provider.issuerUrl,
    client_id: provider.clientId,
    client_secret: provider.clientSecret,
    created_at: provider.createdAt,
    updated_at: provider.updatedAt,
  };
}

/** The provider a row stores. */
export function oidcProviderFromRow(row: OidcProvidersTable): OidcProviderRecord {
  return {
    organizationId: row.organization_id,
    providerName: row.provider_name,
    issuerUrl: row.issuer_url,
    clientId: row.client_id,
    clientSecret: row.client_secret,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The row that stores a pending authorization. */
export function oidcLoginStateToRow(state: OidcLoginStateRecord): OidcLoginStatesTable {
  return {
    state: state.state,
    organization_id: state.organizationId,
    code_verifier: state.codeVerifier,
    nonce: state.nonce,
    created_at: state.createdAt,
  };
}

/** The pending authorization a row stores. */
export function oidcLoginStateFromRow(row: OidcLoginStatesTable): OidcLoginStateRecord {
  return {
    state: row.state,
    organizationId: row.organization_id,
    codeVerifier: row.code_verifier,
    nonce: row.nonce,
    createdAt: row.created_at,
  };
}
