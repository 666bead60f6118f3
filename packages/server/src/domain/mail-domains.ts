/**
 * Which mail domains an organization may claim when it is created.
 *
 * @module
 */
import { InvalidParameterException } from '../errors/index.js';
import { defaultMailDomainFor } from './organizations.js';

/** The parent of every organization's default domain `<alias>.awsapps.com`. */
const DEFAULT_DOMAIN_PARENT = 'awsapps.com';

/**
 * The organization's domains: its default domain first, then the requested ones, lowercased and
 * each once (a domain named twice, in any case, is one domain: mail domains are
 * case-insensitive and an organization holds a set of them). A name under awsapps.com other
 * than its own default domain is refused: that is another alias's default domain, taken now or
 * reserved for when that alias is created.
 */
export function mailDomainsFor(alias: string, requested: readonly string[]): string[] {
  const defaultMailDomain = defaultMailDomainFor(alias);
  const domains = new Set([defaultMailDomain]);
  for (const name of requested) {
    const domain = name.toLowerCase();
    if (domain.split('.').includes('')) {
      throw new InvalidParameterException(`The domain name ${name} has an empty label.`);
    }
    const underDefaultParent =
      domain === DEFAULT_DOMAIN_PARENT || domain.endsWith(`.${DEFAULT_DOMAIN_PARENT}`);
    if (underDefaultParent && domain !== defaultMailDomain) {
      throw new InvalidParameterException(
        `The domain ${name} is not available: ${DEFAULT_DOMAIN_PARENT} domains are the ` +
          `default domains of organization aliases.`,
      );
    }
    domains.add(domain);
  }
  return [...domains];
}
