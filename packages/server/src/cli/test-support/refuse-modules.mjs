/**
 * `node --import` this file to make the packages named in MAILPAT_TEST_REFUSED_MODULES
 * (comma-separated specifiers) unloadable.
 * @module
 */
import { register } from 'node:module';

const refused = (process.env.MAILPAT_TEST_REFUSED_MODULES ?? '').split(',').filter(Boolean);
register('./refuse-modules-hooks.mjs', import.meta.url, { data: { refused } });
