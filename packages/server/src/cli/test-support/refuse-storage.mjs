/**
 * `node --import` this file to make the storage drivers unloadable (see refuse-storage-hooks.mjs).
 * @module
 */
import { register } from 'node:module';

register('./refuse-storage-hooks.mjs', import.meta.url);
