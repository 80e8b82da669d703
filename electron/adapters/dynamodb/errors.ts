import { AppError } from '../../../shared/errors';
import { networkCause, networkCauseText } from '../network-cause';

const AUTH = new Set([
  'UnrecognizedClientException', 'InvalidSignatureException', 'AccessDeniedException', 'ExpiredTokenException',
  'MissingAuthenticationTokenException', 'IncompleteSignature', 'CredentialsProviderError', 'InvalidClientTokenId',
]);
const NETWORK = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'TimeoutError']);

interface SdkError {
  name?: string;
  code?: string;
  message?: string;
  host?: string;
  timeoutMs?: number;
  $metadata?: { httpStatusCode?: number };
  /** The raw answer, which the SDK attaches to its errors. */
  $response?: { statusCode?: number; headers?: Record<string, string> };
}

/**
 * What a non-DynamoDB answer was, in words, or undefined when the error came from DynamoDB
 * itself. The SDK reports these as a JSON SyntaxError or an "Unknown" error with the raw reply.
 */
function foreignAnswer(e: SdkError): string | undefined {
  if (e.code?.startsWith('HPE_')) return 'answered with bytes that are not HTTP';
  const status = e.$response?.statusCode ?? e.$metadata?.httpStatusCode;
  // DynamoDB's own errors are named exceptions; these names mean the SDK could not read the answer.
  const undecodable = e.name === 'SyntaxError' || e.name === 'Unknown' || /Deserialization error/.test(e.message ?? '');
  if (status === undefined || !undecodable) return undefined;
  const headers = e.$response?.headers ?? {};
  if (status >= 300 && status < 400) return `answered with a redirect (HTTP ${status}${headers.location ? ` to ${headers.location}` : ''}); DynamoDB never redirects`;
  if (/html/i.test(headers['content-type'] ?? '')) return `answered with an HTML page (HTTP ${status})`;
  if (status >= 500) return `answered with a server error (HTTP ${status}) that is not in DynamoDB's format`;
  return `answered HTTP ${status} with a body that is not DynamoDB's JSON`;
}

/** An answer DynamoDB would never give to `operation` (e.g. `{"TableNames":5}` to ListTables). */
export function unexpectedAnswer(where: string, operation: string): AppError {
  return new AppError('BAD_ENDPOINT', `The endpoint at ${where} answered ${operation} with data DynamoDB never sends, so it is not DynamoDB (or not a compatible version). Check the endpoint URL.`, { operation });
}

/**
 * Turns any error from the AWS SDK into our AppError, with the seed guide's troubleshooting
 * advice in the message. The one place where DynamoDB errors are interpreted.
 */
export function translateDynamoError(error: unknown, context: { where: string; table?: string }): AppError {
  if (error instanceof AppError) return error;
  const e = error as SdkError;
  const name = e.name ?? '';
  const message = e.message ?? String(error);
  const details = { awsError: name, ...(context.table ? { table: context.table } : {}) };
  if (name === 'RequestDeadlineExceeded') {
    return new AppError('TIMEOUT', `DynamoDB at ${e.host ?? context.where} took the request but sent no complete answer within ${(e.timeoutMs ?? 0) / 1000} s. Check that the endpoint is DynamoDB and not overloaded; a slow link may need a longer DYNAMODB_REQUEST_TIMEOUT_MS.`, details, { cause: error });
  }
  if (name === 'AbortError') {
    return new AppError('CANCELLED', `The request to DynamoDB at ${context.where} was cancelled.`, details, { cause: error });
  }
  const foreign = foreignAnswer(e);
  if (foreign) {
    return new AppError('BAD_ENDPOINT', `The endpoint at ${context.where} ${foreign}, not DynamoDB. Check the endpoint URL (host, port, http or https).`, details, { cause: error });
  }
  if (NETWORK.has(e.code ?? '') || NETWORK.has(name) || /ECONNREFUSED|ENOTFOUND|socket hang up/.test(message)) {
    const cause = networkCause(e);
    return new AppError('UNREACHABLE', `Cannot reach DynamoDB at ${context.where}${networkCauseText(cause, 'the service')}`, { ...details, cause }, { cause: error });
  }
  if (AUTH.has(name) || /credential/i.test(message)) {
    // The console shows `message`; the CLI prints `cliMessage`, with the command-line advice.
    return new AppError('AUTH_FAILED', `DynamoDB refused the credentials at ${context.where}: ${message}. Check the connection's credentials (access keys or profile) and their IAM permissions.`, {
      ...details, cliMessage: `DynamoDB refused the credentials at ${context.where}: ${message}. Check IAM permissions and verify AWS credentials (aws configure, AWS_PROFILE or AWS_ACCESS_KEY_ID).`,
    }, { cause: error });
  }
  if (name === 'ResourceNotFoundException') {
    const what = `Table ${context.table ?? ''}`.trimEnd();
    return new AppError('NOT_FOUND', `${what} not found at ${context.where}. Check the region and table prefix of the connection; a migration from the Migrate page creates the tables.`, {
      ...details, cliMessage: `${what} not found at ${context.where}. Ensure the table exists in the correct region and prefix, or create it with the migrate command.`,
    }, { cause: error });
  }
  // "Expression size has exceeded…" is about a request's expression, never an item.
  if (name === 'ValidationException' && /expression size/i.test(message)) {
    return new AppError('INVALID_QUERY', `The filter is too long for one DynamoDB request (4 KB per expression): ${message}`, details, { cause: error });
  }
  if (name === 'ValidationException' && /item size/i.test(message)) {
    return new AppError('ITEM_TOO_LARGE', `The item is larger than DynamoDB's 400 KB limit: ${message}`, details, { cause: error });
  }
  if (name === 'ValidationException') {
    return new AppError('INVALID_QUERY', `DynamoDB rejected the request: ${message}`, details, { cause: error });
  }
  if (name === 'ResourceInUseException') {
    return new AppError('CONFLICT', `Table ${context.table ?? ''} is busy or already exists: ${message}`, details, { cause: error });
  }
  return new AppError('INTERNAL', `DynamoDB error${name ? ` (${name})` : ''}: ${message}`, details, { cause: error });
}
