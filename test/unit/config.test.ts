import { loadConfig } from '../../src/config';
import { ConfigError } from '../../src/errors';

describe('loadConfig', () => {
  it('gives the embedded defaults for an empty environment', () => {
    const config = loadConfig({}, '/srv/bot');
    expect(config.port).toBe(3978);
    expect(config.host).toBe('127.0.0.1');
    expect(config.dataDir).toBe('/srv/bot/data');
    expect(config.knowledgeDir).toBe('/srv/bot/knowledge');
    expect(config.auth.allowAnonymous).toBe(false);
    expect(config.embedding).toBeUndefined();
  });

  it('lists every bad variable at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc', LOG_LEVEL: 'loud', ALLOW_ANONYMOUS: 'maybe' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/PORT/);
    expect(problems).toMatch(/LOG_LEVEL/);
    expect(problems).toMatch(/ALLOW_ANONYMOUS/);
  });

  it('rejects half-configured credentials and embeddings', () => {
    expect(() => loadConfig({ MicrosoftAppId: 'abc' })).toThrow(/MicrosoftAppPassword/);
    expect(() => loadConfig({ OPENAI_API_KEY: 'k' })).toThrow(/EMBEDDING_MODEL/);
    expect(() =>
      loadConfig({
        MicrosoftAppId: 'a',
        MicrosoftAppPassword: 'b',
        MicrosoftAppType: 'SingleTenant',
      }),
    ).toThrow(/MicrosoftAppTenantId/);
  });

  it('enables embeddings when key and model are given', () => {
    const config = loadConfig({
      OPENAI_API_KEY: 'k',
      EMBEDDING_MODEL: 'text-embedding-3-small',
      OPENAI_BASE_URL: 'http://127.0.0.1:9999/v1',
    });
    expect(config.embedding).toMatchObject({
      model: 'text-embedding-3-small',
      baseUrl: 'http://127.0.0.1:9999/v1',
    });
  });
});

describe('loadConfig: quizzes', () => {
  it('takes the quiz and contest folders from KNOWLEDGE_DIR and 10 practice questions by default', () => {
    const config = loadConfig({ KNOWLEDGE_DIR: '/data/kb' }, '/srv/bot');
    expect(config.quiz).toEqual({
      quizDir: '/data/kb/quiz',
      contestsDir: '/data/kb/contests',
      practiceQuestions: 10,
    });
  });

  it('reads QUIZ_DIR, CONTESTS_DIR (relative to the working directory) and PRACTICE_QUESTIONS', () => {
    const config = loadConfig(
      { QUIZ_DIR: 'bank', CONTESTS_DIR: '/tmp/contests', PRACTICE_QUESTIONS: '20' },
      '/srv/bot',
    );
    expect(config.quiz).toEqual({
      quizDir: '/srv/bot/bank',
      contestsDir: '/tmp/contests',
      practiceQuestions: 20,
    });
  });

  it.each(['0', '101', '2.5', 'ten'])('rejects PRACTICE_QUESTIONS=%s', (value) => {
    expect(() => loadConfig({ PRACTICE_QUESTIONS: value })).toThrow(/PRACTICE_QUESTIONS/);
  });
});
