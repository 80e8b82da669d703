import { MongoServerError } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { oplogRefusal } from './oplog';

const serverError = (fields: Record<string, unknown>) => new MongoServerError({ message: String(fields.errmsg), ...fields });
const URL = 'mongodb://app:secret@db.example.com:27017/alertwhisperer';

describe('why the oplog cannot be read, said so that it can be fixed', () => {
  it('a user without read access to local: the role to grant', () => {
    const error = oplogRefusal(serverError({ code: 13, codeName: 'Unauthorized', errmsg: 'not authorized on local to execute command { find: "oplog.rs" }' }), URL);
    expect(error.code).toBe('AUTH_FAILED');
    expect(error.message).toMatch(/cannot read the oplog \(local\.oplog\.rs\) at db\.example\.com:27017\. Grant it read access to the local database, e\.g\. db\.grantRolesToUser/);
    expect(error.message).not.toContain('secret');
  });

  it('an Atlas tier that hides the oplog: which tiers, and what to do instead', () => {
    const error = oplogRefusal(serverError({ code: 8000, codeName: 'AtlasError', errmsg: 'user is not allowed to do action [find] on [local.oplog.rs]' }), URL);
    expect(error.code).toBe('UNSUPPORTED_OPERATOR');
    expect(error.message).toMatch(/hides its oplog .*Atlas shared tiers \(M0, M2, M5\) and serverless .*dedicated cluster \(M10 or larger\)/);
  });

  it('anything else is the driver error as usual', () => {
    expect(oplogRefusal(Object.assign(new Error('connect ECONNREFUSED'), { name: 'MongoNetworkError' }), URL).code).toBe('UNREACHABLE');
  });
});
