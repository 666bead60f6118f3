/**
 * Builds the web app's dependencies at server start: the session service and its cleanup, the
 * sign-in throttles and the known-device key (shared by every instance through the settings).
 * @module
 */
import type { WebSettings } from '../config/web-settings.js';
import type { Clock } from '../domain/clock.js';
import type { Logger } from '../logging/logger.js';
import type { Store } from '../storage/store.js';
import { DEVICE_COOKIE_MAX_AGE_MS, DEVICE_KEY_SETTING } from './constants.js';
import { WebSessionCleaner } from './sessions/session-cleaner.js';
import { WebSessionService } from './sessions/session-service.js';
import { KnownDevices, generateDeviceKey } from './sign-in/known-device.js';
import { SignInGuard } from './sign-in/sign-in-guard.js';
import { SingleSignOn } from './single-sign-on/index.js';
import type { WebDependencies } from './web-dependencies.js';

/** The web app of one server; start() and close() run the session cleanup. */
export interface WebApp {
  deps: WebDependencies;
  cleaner: WebSessionCleaner;
}

/** Reads (or creates) the device key and wires the web app's parts together. */
export async function createWebApp(options: {
  store: Store;
  clock: Clock;
  settings: WebSettings;
  tls: boolean;
  log: Logger;
  /** The single sign-on redirect URI (see singleSignOnRedirectUri). */
  redirectUri: () => string;
}): Promise<WebApp> {
  const { store, settings, log } = options;
  const deviceKey = await store.getOrCreateSetting(DEVICE_KEY_SETTING, generateDeviceKey);
  const lifetimes = { idleMs: settings.sessionIdleMs, maxMs: settings.sessionMaxMs };
  const singleSignOn = new SingleSignOn({ store, redirectUri: options.redirectUri });
  const devices = new KnownDevices(Buffer.from(deviceKey, 'base64'), DEVICE_COOKIE_MAX_AGE_MS);
  return {
    deps: {
      store,
      clock: options.clock,
      sessions: new WebSessionService(store, lifetimes),
      signInGuard: new SignInGuard(devices),
      singleSignOn,
      settings,
      tls: options.tls,
      log,
    },
    cleaner: new WebSessionCleaner(store, {
      ...lifetimes,
      log,
      pruneLoginStates: () => singleSignOn.pruneLoginStates(),
    }),
  };
}
