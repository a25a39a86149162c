/**
 * An error whose message is written for the user (in Chinese) and safe to show. Anything else that
 * escapes a server action is logged and replaced with a generic message: no stack trace reaches a user.
 */
export class PublicError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = 'PublicError';
  }
}

/** The object is missing or belongs to someone else; both look the same from outside (404). */
export class NotFoundError extends PublicError {
  constructor() {
    super('未找到该记录，或您无权访问。');
    this.name = 'NotFoundError';
  }
}

/** Someone else changed the record first (a stale tab, a second reviewer). */
export class ConflictError extends PublicError {
  constructor(message = '该记录已被他人处理，请刷新页面查看最新状态。') {
    super(message);
    this.name = 'ConflictError';
  }
}
