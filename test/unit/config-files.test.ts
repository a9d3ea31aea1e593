import { ConfigError } from '../../src/errors';
import { loadConfig } from '../../src/config';

describe('loadConfig: signed download links', () => {
  it('defaults to 15 minutes, no public base URL and no secret (a random one per process)', () => {
    expect(loadConfig({}, '/srv/bot').files).toEqual({
      publicBaseUrl: undefined,
      secret: undefined,
      ttlMinutes: 15,
    });
  });

  it('reads PUBLIC_BASE_URL (without a trailing slash), FILE_LINK_SECRET and FILE_LINK_TTL_MINUTES', () => {
    const config = loadConfig(
      {
        PUBLIC_BASE_URL: 'https://trolycds.cantho.gov.vn/',
        FILE_LINK_SECRET: 's'.repeat(32),
        FILE_LINK_TTL_MINUTES: '5',
      },
      '/srv/bot',
    );
    expect(config.files).toEqual({
      publicBaseUrl: 'https://trolycds.cantho.gov.vn',
      secret: 's'.repeat(32),
      ttlMinutes: 5,
    });
  });

  it.each([
    [{ FILE_LINK_SECRET: 'short' }, 'FILE_LINK_SECRET'],
    [{ FILE_LINK_TTL_MINUTES: '0' }, 'FILE_LINK_TTL_MINUTES'],
    [{ FILE_LINK_TTL_MINUTES: 'soon' }, 'FILE_LINK_TTL_MINUTES'],
    [{ PUBLIC_BASE_URL: 'not a url' }, 'PUBLIC_BASE_URL'],
    [{ PUBLIC_BASE_URL: 'ftp://files.example.org' }, 'PUBLIC_BASE_URL'],
  ])('refuses %j', (env, name) => {
    expect(() => loadConfig(env, '/srv/bot')).toThrow(ConfigError);
    expect(() => loadConfig(env, '/srv/bot')).toThrow(name);
  });
});
