import { describe, expect, it } from 'vitest';
import { localEndpointCredentials } from './local-credentials';

describe('localEndpointCredentials', () => {
  const local = { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };

  it('gives DynamoDB Local on loopback a dummy key pair', () => {
    expect(localEndpointCredentials('http://127.0.0.1:8000', {})).toEqual(local);
    expect(localEndpointCredentials('http://localhost:8000', {})).toEqual(local);
    expect(localEndpointCredentials('http://[::1]:8000', {})).toEqual(local);
  });

  it('leaves AWS, other hosts and configured credentials to the SDK chain', () => {
    expect(localEndpointCredentials(undefined, {})).toEqual({});
    expect(localEndpointCredentials('https://dynamodb.example.test', {})).toEqual({});
    expect(localEndpointCredentials('http://127.0.0.1:8000', { AWS_PROFILE: 'dev' })).toEqual({});
    expect(localEndpointCredentials('http://127.0.0.1:8000', { AWS_ACCESS_KEY_ID: 'AKIA' })).toEqual({});
    expect(localEndpointCredentials('not a url', {})).toEqual({});
  });
});
