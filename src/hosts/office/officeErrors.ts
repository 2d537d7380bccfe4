import { HostError } from '../host';

/** An error as Office.js reports it (OfficeExtension.Error): a code from Excel.ErrorCodes and a message. */
interface OfficeLikeError {
  code?: unknown;
  message?: unknown;
  debugInfo?: { errorLocation?: unknown };
}

/** Excel error codes, and what the user should do about each. */
const MESSAGES: Record<string, { code: string; message: string }> = {
  InvalidOperationInCellEditMode: {
    code: 'cell-edit-mode',
    message: 'Excel is editing a cell. Press Enter or Esc in the sheet, then try again.',
  },
  AccessDenied: {
    code: 'protected',
    message: 'A sheet or the workbook structure is protected. Unprotect it (Review → Unprotect Sheet / Protect Workbook), then try again.',
  },
  RequestPayloadSizeLimitExceeded: {
    code: 'payload-too-large',
    message: 'Excel refused a request as too large. Close other add-ins or try again; if it persists, the data is beyond what Excel on the web accepts in one request.',
  },
  ResponsePayloadSizeLimitExceeded: {
    code: 'payload-too-large',
    message: 'Excel refused to send back so much data at once. Reduce the size of the input sheets (remove unused rows and columns), then try again.',
  },
  ItemNotFound: {
    code: 'item-not-found',
    message: 'A sheet, table or name the add-in was using has been renamed or deleted meanwhile. Try again.',
  },
  ItemAlreadyExists: {
    code: 'name-clash',
    message: 'A sheet, table or name the add-in wanted to create already exists (it was added meanwhile). Try again.',
  },
  ApiNotFound: {
    code: 'unsupported',
    message: 'This version of Excel lacks an API the add-in needs. Update Excel, or use Excel on the web.',
  },
  NotImplemented: {
    code: 'unsupported',
    message: 'This version of Excel does not implement an operation the add-in needs. Update Excel, or use Excel on the web.',
  },
  RequestAborted: {
    code: 'aborted',
    message: 'Excel aborted the request (the workbook may have been closed or reloaded). Try again.',
  },
};

/** Error codes that mean "this Excel cannot do that", where the host degrades instead of failing. */
export const UNSUPPORTED_CODES = new Set(['ApiNotFound', 'NotImplemented', 'UnsupportedFeature', 'UnsupportedOperation', 'UnsupportedSheet']);

export function officeErrorCode(e: unknown): string | undefined {
  const code = (e as OfficeLikeError | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

export const isUnsupported = (e: unknown): boolean => UNSUPPORTED_CODES.has(officeErrorCode(e) ?? '');

/**
 * A HostError the task pane can show as is: Office's codes become plain advice; anything else keeps
 * Excel's own message, prefixed with what the add-in was doing. `sheet` names the sheet the call
 * changes, when it changes one: Excel's "protected sheet" message does not say which.
 */
export function toHostError(e: unknown, doing: string, sheet?: string): HostError {
  if (e instanceof HostError) return e;
  const err = (e ?? {}) as OfficeLikeError;
  const code = officeErrorCode(e);
  const text = typeof err.message === 'string' ? err.message : String(e);
  // Excel says "protected" under several codes; the protection advice fits them all.
  const protectedSheet = code === 'AccessDenied' || (!(code && MESSAGES[code]) && /protect/i.test(text));
  if (protectedSheet && sheet !== undefined) {
    return new HostError(`Could not ${doing}: the sheet "${sheet}" is protected. Unprotect it (Review → Unprotect Sheet), then try again.`, 'protected');
  }
  if (code && MESSAGES[code]) return new HostError(`Could not ${doing}: ${MESSAGES[code].message}`, MESSAGES[code].code);
  if (protectedSheet) return new HostError(`Could not ${doing}: ${MESSAGES.AccessDenied.message}`, 'protected');
  const where = typeof err.debugInfo?.errorLocation === 'string' ? ` at ${err.debugInfo.errorLocation}` : '';
  return new HostError(`Could not ${doing}: Excel reported "${text}"${code ? ` (${code}${where})` : ''}.`, 'excel-error');
}
