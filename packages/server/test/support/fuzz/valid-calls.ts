/**
 * Valid calls of every operation mailpat serves, over the live data (placeholders), with values
 * anywhere inside what the model allows, unicode included where the model has no pattern.
 * @module
 */
import fc from 'fast-check';
import type { OperationCall } from './operation-call.js';

const WM = 'WorkMailService.';
const MP = 'MailpatService.';
const json = (value: unknown) => JSON.stringify(value);

/** An index into the world's lists; resolved modulo their lengths. */
const pick = fc.nat({ max: 1000 });
const org = pick.map((o) => `⟦org:${o}⟧`);

/** Free text where the model allows any character: unicode, RTL, combining marks, NUL. */
export const freeText = (maxLength: number) =>
  fc.oneof(
    fc.string({ maxLength, unit: 'grapheme' }),
    fc.constantFrom('\u202egnp.exe', 'e\u0301\u0301', '\u0000', 'ß\uFB01', '𝕏😀', '\uFEFF'),
  );
const alnum = (min: number, max: number) =>
  fc.stringMatching(new RegExp(`^[a-z0-9]{${min},${max}}$`));
const maxResults = fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined });
const printable = fc.string({
  minLength: 8,
  maxLength: 40,
  unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)),
});

type Members = Record<string, unknown>;

/** Builds a call from members; `undefined` members are left out, strings with ⟦⟧ kept as is. */
function call(target: string, mutates: boolean, members: Members): OperationCall {
  const entries = Object.entries(members).filter(([, value]) => value !== undefined);
  return { target, mutates, members: entries.map(([name, value]) => [name, json(value)]) };
}

const read = (target: string, members: fc.Arbitrary<Members>) =>
  members.map((m) => call(target, false, m));
const write = (target: string, members: fc.Arbitrary<Members>) =>
  members.map((m) => call(target, true, m));

const orgAndUser = fc.tuple(pick, pick).map(([o, u]) => ({
  OrganizationId: `⟦org:${o}⟧`,
  UserId: `⟦user:${o}:${u}⟧`,
}));
const orgAndToken = fc.tuple(pick, pick).map(([o, t]) => ({
  OrganizationId: `⟦org:${o}⟧`,
  PersonalAccessTokenId: `⟦token:${o}:${t}⟧`,
}));
const cursor = fc.option(
  pick.map((n) => `⟦next:${n}⟧`),
  { nil: undefined },
);

/** Calls that read: any number of them leaves the data as it was. */
export function validReadCall(): fc.Arbitrary<OperationCall> {
  return fc.oneof(
    read(`${WM}ListOrganizations`, fc.record({ MaxResults: maxResults, NextToken: cursor })),
    read(
      `${WM}DescribeOrganization`,
      org.map((OrganizationId) => ({ OrganizationId })),
    ),
    read(
      `${WM}ListMailDomains`,
      fc.record({ OrganizationId: org, MaxResults: maxResults, NextToken: cursor }),
    ),
    read(
      `${WM}GetMailDomain`,
      fc.tuple(pick, fc.boolean()).map(([o, upper]) => ({
        OrganizationId: `⟦org:${o}⟧`,
        // The default domain, sometimes in capitals: the lookup is case-insensitive.
        DomainName: upper ? `⟦alias:${o}⟧.AWSAPPS.COM` : `⟦alias:${o}⟧.awsapps.com`,
      })),
    ),
    read(
      `${WM}ListUsers`,
      fc.record({ OrganizationId: org, MaxResults: maxResults, NextToken: cursor }),
    ),
    read(`${WM}DescribeUser`, orgAndUser),
    read(
      `${WM}DescribeIdentityProviderConfiguration`,
      org.map((OrganizationId) => ({ OrganizationId })),
    ),
    read(
      `${WM}ListPersonalAccessTokens`,
      fc
        .tuple(orgAndUser, fc.boolean(), maxResults, cursor)
        .map(([ids, byUser, MaxResults, NextToken]) => ({
          OrganizationId: ids.OrganizationId,
          UserId: byUser ? ids.UserId : undefined,
          MaxResults,
          NextToken,
        })),
    ),
    read(`${WM}GetPersonalAccessTokenMetadata`, orgAndToken),
    read(
      `${MP}ListPersonalAccessTokenEvents`,
      fc
        .tuple(orgAndToken, fc.boolean(), maxResults, cursor)
        .map(([ids, byToken, MaxResults, NextToken]) => ({
          OrganizationId: ids.OrganizationId,
          PersonalAccessTokenId: byToken ? ids.PersonalAccessTokenId : undefined,
          MaxResults,
          NextToken,
        })),
    ),
    read(
      `${MP}DescribeOpenIdConnectConfiguration`,
      org.map((OrganizationId) => ({ OrganizationId })),
    ),
  );
}

const IDENTITY_CENTER = {
  InstanceArn: 'arn:aws:sso:::instance/ssoins-1111111111111111',
  ApplicationArn:
    'arn:aws:sso::111122223333:application/ssoins-1111111111111111/apl-1111111111111111',
};

/** Calls that change data when they succeed; weighted so that the world neither empties nor explodes. */
export function validMutationCall(): fc.Arbitrary<OperationCall> {
  const entry = (weight: number, arbitrary: fc.Arbitrary<OperationCall>) => ({ weight, arbitrary });
  return fc.oneof(
    entry(
      1,
      write(
        `${WM}CreateOrganization`,
        alnum(4, 12).map((a) => ({ Alias: `fz-${a}` })),
      ),
    ),
    entry(
      1,
      write(
        `${WM}DeleteOrganization`,
        pick.map((o) => ({
          OrganizationId: `⟦fuzz-org:${o}⟧`,
          DeleteDirectory: true,
          ForceDelete: true,
        })),
      ),
    ),
    entry(
      3,
      write(
        `${WM}CreateUser`,
        fc.record({
          OrganizationId: org,
          Name: alnum(3, 20).map((n) => `fzu${n}`),
          DisplayName: freeText(256),
          Password: fc.option(printable, { nil: undefined }),
        }),
      ),
    ),
    entry(
      2,
      write(
        `${WM}UpdateUser`,
        fc.tuple(orgAndUser, freeText(256)).map(([ids, DisplayName]) => ({ ...ids, DisplayName })),
      ),
    ),
    entry(1, write(`${WM}DeleteUser`, orgAndUser)),
    entry(
      3,
      write(
        `${WM}RegisterToWorkMail`,
        fc.tuple(pick, pick).map(([o, u]) => ({
          OrganizationId: `⟦org:${o}⟧`,
          EntityId: `⟦user:${o}:${u}⟧`,
          Email: `⟦user-name:${o}:${u}⟧@⟦alias:${o}⟧.awsapps.com`,
        })),
      ),
    ),
    entry(
      1,
      write(
        `${WM}DeregisterFromWorkMail`,
        orgAndUser.map(({ OrganizationId, UserId }) => ({ OrganizationId, EntityId: UserId })),
      ),
    ),
    entry(
      1,
      write(
        `${WM}ResetPassword`,
        fc.tuple(orgAndUser, printable).map(([ids, Password]) => ({ ...ids, Password })),
      ),
    ),
    entry(
      2,
      write(
        `${WM}PutIdentityProviderConfiguration`,
        fc.tuple(org, fc.integer({ min: 1, max: 3653 })).map(([OrganizationId, days]) => ({
          OrganizationId,
          AuthenticationMode: 'IDENTITY_PROVIDER_AND_DIRECTORY',
          IdentityCenterConfiguration: IDENTITY_CENTER,
          PersonalAccessTokenConfiguration: { Status: 'ACTIVE', LifetimeInDays: days },
        })),
      ),
    ),
    entry(
      1,
      write(
        `${WM}DeleteIdentityProviderConfiguration`,
        org.map((OrganizationId) => ({ OrganizationId })),
      ),
    ),
    entry(
      1,
      write(
        `${MP}PutOpenIdConnectConfiguration`,
        fc.record({
          OrganizationId: org,
          ProviderName: fc.constantFrom('Example', 'Ünïcødé ‮IdP'),
          IssuerUrl: alnum(1, 10).map((p) => `https://idp.example.com/${p}`),
          ClientId: alnum(1, 20),
          ClientSecret: printable,
        }),
      ),
    ),
    entry(
      1,
      write(
        `${MP}DeleteOpenIdConnectConfiguration`,
        org.map((OrganizationId) => ({ OrganizationId })),
      ),
    ),
    entry(
      4,
      write(
        `${MP}CreatePersonalAccessToken`,
        fc
          .tuple(
            orgAndUser,
            freeText(64),
            fc.option(fc.integer({ min: 1, max: 3653 }), { nil: undefined }),
          )
          .map(([ids, name, ExpiresInDays]) => ({
            ...ids,
            // The model's pattern for a token name: no control characters, < > or \.
            Name: [...name].filter((c) => c >= ' ' && !'\x7f<>\\'.includes(c)).join('') || 'token',
            ExpiresInDays,
          })),
      ),
    ),
    entry(
      2,
      write(
        `${MP}RotatePersonalAccessToken`,
        fc
          .tuple(orgAndToken, fc.option(fc.integer({ min: 1, max: 3653 }), { nil: undefined }))
          .map(([ids, ExpiresInDays]) => ({ ...ids, ExpiresInDays })),
      ),
    ),
    entry(2, write(`${WM}DeletePersonalAccessToken`, orgAndToken)),
  );
}
