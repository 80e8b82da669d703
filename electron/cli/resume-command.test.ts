import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resumeCommand } from './resume-command';

describe('resumeCommand', () => {
  it('repeats the command with --resume and the state folder as an absolute path', () => {
    expect(resumeCommand(['migrate', '--concurrency', '8'], '.migration-state')).toBe(`npm run cli -- migrate --concurrency 8 --resume --state-dir ${resolve('.migration-state')}`);
  });

  it('replaces the state folder given, in either spelling, and never repeats --resume', () => {
    expect(resumeCommand(['migrate-collection', 'alerts', '--state-dir', 'st', '--resume'], 'st')).toBe(`npm run cli -- migrate-collection alerts --resume --state-dir ${resolve('st')}`);
    expect(resumeCommand(['migrate', '--state-dir=st'], 'st')).toBe(`npm run cli -- migrate --resume --state-dir ${resolve('st')}`);
  });

  it('quotes what the shell would split, and does not echo a URL password', () => {
    expect(resumeCommand(['migrate', '--mongo-url', 'mongodb://admin:s3cret@db:27017/aw'], '/tmp/my state'))
      .toBe("npm run cli -- migrate --mongo-url 'mongodb://admin:<password>@db:27017/aw' --resume --state-dir '/tmp/my state'");
    expect(resumeCommand(['migrate', '--mongo-url=mongodb://u:p@h/d'], '/s')).toBe("npm run cli -- migrate '--mongo-url=mongodb://u:<password>@h/d' --resume --state-dir /s");
  });
});
