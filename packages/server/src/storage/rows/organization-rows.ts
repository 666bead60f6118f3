/**
 * Organizations between their record and their row.
 * @module
 */
import type { OrganizationRecord, OrganizationState } from '../../domain/records.js';
import type { OrganizationsTable } from '../schema.js';
import type { OrganizationPatch } from '../store.js';

/** The row that stores an organization. */
export function organizationToRow(org: OrganizationRecord): OrganizationsTable {
  return {
    id: org.id,
    alias: org.alias,
    alias_lower: org.alias.toLowerCase(),
    state: org.state,
    default_mail_domain: org.defaultMailDomain,
    domains: JSON.stringify(org.domains),
    directory_id: org.directoryId,
    interoperability_enabled: org.interoperabilityEnabled ? 1 : 0,
    created_at: org.createdAt,
    deleted_at: org.deletedAt,
    ...patConfigurationColumns(org.patConfiguration),
    ...identityCenterColumns(org.identityCenter),
  };
}

/** The organization a row stores. */
export function organizationFromRow(row: OrganizationsTable): OrganizationRecord {
  return {
    id: row.id,
    alias: row.alias,
    state: row.state as OrganizationState,
    defaultMailDomain: row.default_mail_domain,
    domains: JSON.parse(row.domains) as string[],
    directoryId: row.directory_id,
    interoperabilityEnabled: row.interoperability_enabled !== 0,
    createdAt: row.created_at,
    deletedAt: row.deleted_at,
    patConfiguration:
      row.pat_status === null || row.pat_lifetime_in_days === null
        ? null
        : {
            status: row.pat_status as 'ACTIVE' | 'INACTIVE',
            lifetimeInDays: row.pat_lifetime_in_days,
          },
    identityCenter:
      row.idc_authentication_mode === null ||
      row.idc_instance_arn === null ||
      row.idc_application_arn === null
        ? null
        : {
            authenticationMode: row.idc_authentication_mode,
            instanceArn: row.idc_instance_arn,
            applicationArn: row.idc_application_arn,
          },
  };
}

/** The columns an OrganizationPatch changes; fields left undefined are not touched. */
export function organizationPatchToRow(patch: OrganizationPatch): Partial<OrganizationsTable> {
  const row: Partial<OrganizationsTable> = {};
  if (patch.patConfiguration !== undefined) {
    Object.assign(row, patConfigurationColumns(patch.patConfiguration));
  }
  if (patch.identityCenter !== undefined) {
    Object.assign(row, identityCenterColumns(patch.identityCenter));
  }
  return row;
}

function patConfigurationColumns(
  pat: OrganizationRecord['patConfiguration'],
): Pick<OrganizationsTable, 'pat_status' | 'pat_lifetime_in_days'> {
  return { pat_status: pat?.status ?? null, pat_lifetime_in_days: pat?.lifetimeInDays ?? null };
}

function identityCenterColumns(
  idc: OrganizationRecord['identityCenter'],
): Pick<
  OrganizationsTable,
  'idc_authentication_mode' | 'idc_instance_arn' | 'idc_application_arn'
> {
  return {
    idc_authentication_mode: idc?.authenticationMode ?? null,
    idc_instance_arn: idc?.instanceArn ?? null,
    idc_application_arn: idc?.applicationArn ?? null,
  };
}
