import { BACKENDS } from '../../../../shared/backends';
import type { TestResult } from '../../../../shared/contract';
import { Notice } from '../../components/Notice';

export function TestResultView({ result }: { result: TestResult }) {
  const what = BACKENDS[result.backend].container.many;
  if (!result.ok) {
    return <Notice kind="error" title="Connection failed">{result.error?.message}{result.error && <span className="code-tag">{result.error.code}</span>}</Notice>;
  }
  return (
    <Notice kind="success" title="Connected">
      Answered in {Math.round(result.ping?.latencyMs ?? 0)} ms
      {result.ping?.serverVersion ? ` · ${result.ping.serverVersion}` : ''} · {result.collections ?? 0} Alert Whisperer {what} found
    </Notice>
  );
}
