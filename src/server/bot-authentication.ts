import type { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { AppConfig } from '../config';
import { ConfigError } from '../errors';
import { ReusingBotFrameworkAuthentication } from './reusing-bot-authentication';

export type AuthSettings = AppConfig['auth'];

/** How the server treats inbound requests. */
export type AuthMode = 'authenticated' | 'anonymous';

/** True for hosts only this machine can reach: 127.0.0.0/8, ::1, localhost. */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/**
 * Decides whether the server may start. With an app id, channel JWTs are validated. Without one,
 * anyone who can reach the port can talk to the bot, so that is allowed only on a loopback host
 * or when ALLOW_ANONYMOUS is set; otherwise this throws a `ConfigError`.
 */
export function resolveAuthMode(host: string, auth: AuthSettings): AuthMode {
  if (auth.appId) return 'authenticated';
  if (isLoopbackHost(host) || auth.allowAnonymous) return 'anonymous';
  throw new ConfigError([
    `HOST=${host} is reachable from other machines but MicrosoftAppId is not set: requests would ` +
      'not be authenticated. Set MicrosoftAppId/MicrosoftAppPassword, bind to 127.0.0.1, or set ' +
      'ALLOW_ANONYMOUS=true if another layer authenticates callers.',
  ]);
}

/**
 * Builds the Bot Framework authentication from the settings (reusing its outbound clients across
 * turns: see `ReusingBotFrameworkAuthentication`); bad settings give a ConfigError.
 */
export function createBotAuthentication(
  auth: AuthSettings,
): ConfigurationBotFrameworkAuthentication {
  try {
    return new ReusingBotFrameworkAuthentication({
      MicrosoftAppId: auth.appId,
      MicrosoftAppPassword: auth.appPassword,
      MicrosoftAppType: auth.appType,
      MicrosoftAppTenantId: auth.tenantId,
    });
  } catch (err) {
    throw new ConfigError([`Bot Framework authentication: ${(err as Error).message}`]);
  }
}
