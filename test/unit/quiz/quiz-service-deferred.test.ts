import { deferQuizService, type QuizService } from '../../../src/quiz';
import { userOf } from './quiz-service-setup';

describe('deferQuizService', () => {
  it('waits for the service and delegates every call to it', async () => {
    const calls: string[] = [];
    const record =
      (name: string) =>
      async (...args: unknown[]) => {
        calls.push(
          `${name}:${JSON.stringify(args.map((a) => (a as { userId?: string })?.userId ?? a))}`,
        );
        return { kind: 'duplicate' } as const;
      };
    const real = {
      startPractice: record('startPractice'),
      listContests: record('listContests'),
      prepareContest: record('prepareContest'),
      startContest: record('startContest'),
      answer: record('answer'),
      submit: record('submit'),
      cancel: record('cancel'),
      resume: record('resume'),
      expireDue: async () => [],
      nextDeadline: async () => 42,
    } as unknown as QuizService;
    let resolve!: (s: QuizService) => void;
    const deferred = deferQuizService(new Promise((r) => (resolve = r)));

    const user = userOf('loc');
    const pending = Promise.all([
      deferred.startPractice(user, 'a'),
      deferred.listContests(user),
      deferred.prepareContest(user, 'thu'),
      deferred.startContest(user, 'thu'),
      deferred.answer(user, { kind: 'text', text: 'A' }),
      deferred.submit(user),
      deferred.cancel(user),
      deferred.resume(user),
    ]);
    await Promise.resolve();
    expect(calls).toEqual([]);
    resolve(real);
    await pending;
    expect(calls).toEqual([
      'startPractice:["loc","a"]',
      'listContests:["loc"]',
      'prepareContest:["loc","thu"]',
      'startContest:["loc","thu"]',
      'answer:["loc",{"kind":"text","text":"A"}]',
      'submit:["loc"]',
      'cancel:["loc"]',
      'resume:["loc"]',
    ]);
    expect(await deferred.nextDeadline()).toBe(42);
    expect(await deferred.expireDue(0)).toEqual([]);
  });

  it('rejects every call when the service could not be built', async () => {
    const failed = Promise.reject(new Error('quiz/x.yaml:3: bad'));
    failed.catch(() => undefined);
    const deferred = deferQuizService(failed);
    await expect(deferred.submit(userOf('loc'))).rejects.toThrow('quiz/x.yaml:3: bad');
    await expect(deferred.nextDeadline()).rejects.toThrow('quiz/x.yaml:3: bad');
  });
});
