import { describe, expect, it } from 'vitest';
import { connectMongo } from './connect';

describe('connectMongo on settings the driver refuses', () => {
  // Found by the contract fuzz: the driver throws a MongoAPIError, not a MongoParseError, for this one.
  it.each(["mongodb://127.0.0.1:1/?'", 'mongodb://127.0.0.1:1/?retryWrites=maybe'])('refuses %s as VALIDATION before connecting', async (url) => {
    await expect(connectMongo({ backend: 'mongodb', url })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/^Invalid MongoDB connection settings: /) });
  });
});
