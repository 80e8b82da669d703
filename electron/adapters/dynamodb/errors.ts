import { AppError } from '../../../shared/errors';

const AUTH = new Set([
  'UnrecognizedClientException', 'InvalidSignatureException', 'AccessDeniedException', 'ExpiredTokenException',
  'MissingAuthenticationTokenException', 'IncompleteSignature', 'CredentialsProviderError', 'InvalidClientTokenId',
]);
const NETWORK = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'TimeoutError']);

/**
 * Turns any error from the AWS SDK into our AppError, with the seed guide's troubleshooting
 * advice in the message. The one place where DynamoDB errors are interpreted.
 */
export function translateDynamoError(error: unknown, context: { where: string; table?: string }): AppError {
  if (error instanceof AppError) return error;
  const e = error as { name?: string; code?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const name = e.name ?? '';
  const message = e.message ?? String(error);
  const details = { awsError: name, ...(context.table ? { table: context.table } : {}) };
  if (NETWORK.has(e.code ?? '') || NETWORK.has(name) || /ECONNREFUSED|ENOTFOUND|socket hang up/.test(message)) {
    return new AppError('UNREACHABLE', `Cannot reach DynamoDB at ${context.where}. Check the endpoint and that the service is running.`, details, { cause: error });
  }
  if (AUTH.has(name) || /credential/i.test(message)) {
    return new AppError('AUTH_FAILED', `DynamoDB refused the credentials at ${context.where}: ${message}. Check IAM permissions and verify AWS credentials (aws configure, AWS_PROFILE or AWS_ACCESS_KEY_ID).`, details, { cause: error });
  }
  if (name === 'ResourceNotFoundException') {
    return new AppError('NOT_FOUND', `Table ${context.table ?? ''} not found at ${context.where}. Ensure the table exists in the correct region and prefix, or create it with the migrate command.`.replace('Table  ', 'Table '), details, { cause: error });
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
