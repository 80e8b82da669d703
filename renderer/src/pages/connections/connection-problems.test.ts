import { describe, expect, it } from 'vitest';
import { ConnectionSchema } from '../../../../shared/connection';
import { connectionProblems } from './connection-problems';

const problems = (input: unknown) => {
  const parsed = ConnectionSchema.safeParse(input);
  return parsed.success ? [] : connectionProblems(parsed.error.issues);
};

describe('connectionProblems', () => {
  it('names the field and says what is missing, in words', () => {
    expect(problems({ backend: 'dynamodb', region: 'us-east-1', credentials: { accessKeyId: '', secretAccessKey: '' } }))
      .toEqual(['Access key ID is required', 'Secret access key is required']);
    expect(problems({ backend: 'dynamodb', region: '' })).toEqual(['Region is required']);
    expect(problems({ backend: 'dynamodb', endpoint: 'localhost' })).toEqual(['Endpoint must be a URL, such as http://127.0.0.1:8000']);
  });

  it('keeps the messages written for people', () => {
    expect(problems({ backend: 'mongodb', url: 'http://x' })).toEqual(['Connection URL: a MongoDB URL starts with mongodb:// or mongodb+srv://']);
    expect(problems({ backend: 'dynamodb', endpoint: 'http://u:p@h' })[0]).toMatch(/^Endpoint: put no user name or password/);
  });
});
