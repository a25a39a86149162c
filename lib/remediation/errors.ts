export type RemediationInputErrorCode =
  | 'UNKNOWN_FINDING'
  | 'UNKNOWN_INTENT'
  | 'UNKNOWN_NATURE'
  | 'UNKNOWN_PROVINCE'
  | 'MISSING_WEBSITE'
  | 'INVALID_COUNT'
  | 'UNKNOWN_MIIT_STATE';

/** Thrown when a plan is asked for with input the planner cannot honestly answer. */
export class RemediationInputError extends Error {
  readonly code: RemediationInputErrorCode;

  constructor(code: RemediationInputErrorCode, message: string) {
    super(message);
    this.name = 'RemediationInputError';
    this.code = code;
  }
}
