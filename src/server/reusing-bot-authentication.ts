import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';

type ClaimsIdentity = Parameters<
  ConfigurationBotFrameworkAuthentication['createUserTokenClient']
>[0];
type ConnectorFactory = ReturnType<
  ConfigurationBotFrameworkAuthentication['createConnectorFactory']
>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type UserTokenClient = Awaited<
  ReturnType<ConfigurationBotFrameworkAuthentication['createUserTokenClient']>
>;
type AuthenticateRequestResult = Awaited<
  ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>
>;

/** Distinct outbound clients kept; past it the oldest is dropped (a new one is built if needed). */
const MAX_CLIENTS = 200;

/**
 * The bot's own app id for a request, as botbuilder's factories compute it: the audience claim
 * for a channel's request, the app id claim for the emulator, none for an anonymous request.
 */
function botAppId(identity: ClaimsIdentity): string {
  return identity.getClaimValue('aud') ?? identity.getClaimValue('appid') ?? '';
}

/**
 * `ConfigurationBotFrameworkAuthentication` that reuses its outbound clients. botbuilder's
 * `CloudAdapter` asks for a new `ConnectorClient` and `UserTokenClient` on every turn, even when
 * the replies go back inline (`expectReplies`), and building one (an HTTP pipeline and its
 * policies) took about a tenth of a turn's CPU. The clients keep no per-request state (the older
 * `BotFrameworkAdapter` cached them the same way), so one per bot app id, service URL and audience
 * serves every turn; their credentials go on caching tokens as before. Authentication itself is
 * unchanged: every request is still validated by the base class.
 */
export class ReusingBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new Map<string, Promise<ConnectorClient>>();
  private readonly tokenClients = new Map<string, Promise<UserTokenClient>>();

  override async authenticateRequest(
    activity: Activity,
    authHeader: string,
  ): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    return result.connectorFactory
      ? {
          ...result,
          connectorFactory: this.reusing(result.connectorFactory, result.claimsIdentity),
        }
      : result;
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusing(super.createConnectorFactory(claimsIdentity), claimsIdentity);
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return cached(this.tokenClients, botAppId(claimsIdentity), () =>
      super.createUserTokenClient(claimsIdentity),
    );
  }

  private reusing(factory: ConnectorFactory, identity: ClaimsIdentity): ConnectorFactory {
    const appId = botAppId(identity);
    return {
      create: (serviceUrl: string, audience?: string) =>
        cached(this.connectors, JSON.stringify([appId, serviceUrl ?? '', audience ?? '']), () =>
          factory.create(serviceUrl, audience),
        ),
    };
  }
}

/** The value under `key`, made once; a failed make is forgotten so that the next call retries. */
function cached<T>(map: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let value = map.get(key);
  if (!value) {
    value = make();
    map.set(key, value);
    if (map.size > MAX_CLIENTS) map.delete(map.keys().next().value!);
    value.catch(() => {
      if (map.get(key) === value) map.delete(key);
    });
  }
  return value;
}
