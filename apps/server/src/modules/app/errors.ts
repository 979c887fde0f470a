import { type ApiErrorBody, type ErrorCode, errorCatalogue } from '@binhdang/contracts';

/** A failure with a stable code; mapped to HTTP status and a Vietnamese message once, in http.ts. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: Omit<ApiErrorBody['error'], 'code' | 'message'> = {},
  ) {
    super(code);
  }
}

export function errorBody(code: ErrorCode, details: AppError['details'] = {}): ApiErrorBody {
  return { error: { code, message: errorCatalogue[code].vi, ...details } };
}

export function errorStatus(code: ErrorCode): number {
  return errorCatalogue[code].status;
}
