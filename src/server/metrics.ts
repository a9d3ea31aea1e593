import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { AnswerMetrics, AnswerOutcome } from '../bot';

/** Activity types counted by name; anything else a client invents is counted as `other`. */
const KNOWN_TYPES = new Set([
  'message',
  'conversationUpdate',
  'contactRelationUpdate',
  'typing',
  'endOfConversation',
  'event',
  'invoke',
  'installationUpdate',
  'messageReaction',
  'messageUpdate',
  'messageDelete',
  'command',
  'commandResult',
]);

/** Prometheus metrics of the bot server; also the bot's {@link AnswerMetrics}. */
export interface BotMetrics extends AnswerMetrics {
  readonly registry: Registry;
  /** One processed turn: its activity type and how long it took, in seconds. */
  recordTurn(activityType: string, seconds: number): void;
}

/**
 * Registers the bot's metrics (turns by activity type, turn latency, answers by outcome) and the
 * default process metrics on `registry`. Call once per registry.
 */
export function createMetrics(registry: Registry = new Registry()): BotMetrics {
  collectDefaultMetrics({ register: registry });
  const turns = new Counter({
    name: 'bot_turns_total',
    help: 'Bot turns processed, by activity type',
    labelNames: ['activity_type'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'bot_turn_duration_seconds',
    help: 'Time to process one turn, including authentication and replies',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const answers = new Counter({
    name: 'bot_answers_total',
    help: 'Questions answered, by outcome',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  // Labelled children resolved once: `labels()` hashes its values on every call.
  const turnsByType = new Map(
    [...KNOWN_TYPES, 'other'].map((type) => [type, turns.labels(type)] as const),
  );
  const otherTurns = turnsByType.get('other')!;
  const answersByOutcome = {
    answered: answers.labels('answered'),
    not_found: answers.labels('not_found'),
  } satisfies Record<AnswerOutcome, unknown>;
  for (const counter of Object.values(answersByOutcome)) counter.inc(0);
  return {
    registry,
    recordTurn(activityType, seconds) {
      (turnsByType.get(activityType) ?? otherTurns).inc();
      latency.observe(seconds);
    },
    recordAnswer(outcome: AnswerOutcome) {
      answersByOutcome[outcome].inc();
    },
  };
}
