import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from './client';

/**
 * Puts each field error of an RFC 9457 problem on the form field of that name, and answers what the form's
 * alert says: the problem's words, or the fallback for anything that is not a problem.
 */
export function formProblem<F extends FieldValues>(error: unknown, setError: UseFormSetError<F>, fallback: string): string {
  if (!(error instanceof ApiError)) return fallback;
  error.fieldErrors.forEach((e) => setError(e.field as Path<F>, { message: e.message }));
  return error.detail ?? error.title;
}
