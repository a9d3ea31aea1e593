/**
 * Typed errors shared by every area. Each carries a stable `name` and a message that is safe to
 * show to an operator; user-facing Vietnamese wording lives in `dialogs/`.
 */
export class AppError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The environment or a settings file is invalid; `problems` lists every bad variable. */
export class ConfigError extends AppError {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

/** Knowledge files failed validation; `problems` are `file:line: message` strings. */
export class KnowledgeError extends AppError {
  constructor(readonly problems: string[]) {
    super(`Invalid knowledge base (${problems.length} problem(s)):\n  ${problems.join('\n  ')}`);
  }
}

export class NotFoundError extends AppError {}

export class AccessDeniedError extends AppError {}

/** Input from a user or a client was rejected; nothing was changed. */
export class InvalidInputError extends AppError {}

/**
 * A write carried the key of an inbound activity whose effect is already recorded (a channel
 * delivered it twice): nothing was written.
 */
export class DuplicateActivityError extends AppError {
  constructor(
    readonly channelId: string,
    readonly activityId: string,
  ) {
    super(`activity ${channelId}/${activityId} was already handled`);
  }
}

/** A remote dependency (embedding server, Qdrant, LLM) failed or answered nonsense. */
export class UpstreamError extends AppError {
  constructor(
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
