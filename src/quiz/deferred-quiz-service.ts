import type { QuizService } from './quiz-service';

/**
 * A {@link QuizService} usable before the real one exists: every call waits for `ready` (the
 * service built once the quiz bank and contests are loaded at start-up) and then delegates to it.
 * If `ready` rejects, every call rejects with the same error.
 */
export function deferQuizService(ready: Promise<QuizService>): QuizService {
  return {
    startPractice: async (user, topic) => (await ready).startPractice(user, topic),
    listContests: async (user) => (await ready).listContests(user),
    prepareContest: async (user, contestId) => (await ready).prepareContest(user, contestId),
    startContest: async (user, contestId) => (await ready).startContest(user, contestId),
    answer: async (user, input) => (await ready).answer(user, input),
    submit: async (user) => (await ready).submit(user),
    cancel: async (user) => (await ready).cancel(user),
    resume: async (user) => (await ready).resume(user),
    expireDue: async (now) => (await ready).expireDue(now),
    nextDeadline: async () => (await ready).nextDeadline(),
  };
}
