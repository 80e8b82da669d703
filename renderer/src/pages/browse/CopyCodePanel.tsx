import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { awsCliCommand, mongoshLine, sdkJavaScript } from '../../../../shared/copy-as-code';
import type { Backend } from '../../../../shared/connection';
import type { SavedConnection } from '../../../../shared/contract';
import { call } from '../../api/client';
import { CopyButton } from '../../components/CopyButton';
import { ErrorNotice, Loading } from '../../components/Notice';
import type { FindRequest } from './FilterBar';

type Form = 'cli' | 'sdk' | 'mongosh';
const LABELS: Record<Form, string> = { cli: 'AWS CLI', sdk: 'SDK JavaScript', mongosh: 'mongosh' };
const FORMS: { readonly [B in Backend]: Form[] } = { mongodb: ['mongosh'], dynamodb: ['cli', 'sdk'] };

/** The current query as code to run elsewhere: the planned DynamoDB request or the MongoDB find. */
export function CopyCodePanel({ connection, collection, request, index }: { connection: SavedConnection; collection: string; request: FindRequest; index?: string }) {
  const forms = FORMS[connection.backend];
  const [chosen, setChosen] = useState<Form>(forms[0]!);
  const form = forms.includes(chosen) ? chosen : forms[0]!;
  const options = { limit: request.limit, ...(request.sort ? { sort: request.sort } : {}), ...(request.projection ? { projection: request.projection } : {}), ...(index ? { index } : {}) };
  const planned = useQuery({
    queryKey: ['explain', connection.id, collection, request, index],
    queryFn: () => call('documents.explain', { connectionId: connection.id, collection, filter: request.filter, options }),
  });
  const target = { ...(connection.region ? { region: connection.region } : {}), ...(connection.endpoint ? { endpoint: connection.endpoint } : {}) };
  const read = planned.data;
  const code = !read ? '' : read.backend === 'mongodb' ? mongoshLine(read) : form === 'sdk' ? sdkJavaScript(read, target) : awsCliCommand(read, target);

  return (
    <section className="panel tool-panel" aria-label="Copy as code">
      <div className="tool-row">
        <div className="segmented code-tabs" role="tablist" aria-label="Code form">
          {forms.map((f) => <button key={f} type="button" role="tab" aria-selected={f === form} className={f === form ? 'active' : ''} onClick={() => setChosen(f)}>{LABELS[f]}</button>)}
        </div>
        {code && <CopyButton text={code} label={`Copy ${LABELS[form]}`} />}
      </div>
      {planned.isPending && <Loading label="Planning the query…" />}
      {planned.error && <ErrorNotice error={planned.error} title="The query cannot be planned" />}
      {code && <pre className="code-block" data-testid="copied-code" tabIndex={0}>{code}</pre>}
      {read?.backend === 'dynamodb' && read.notes.map((n) => <p key={n} className="plan-note">{n}</p>)}
    </section>
  );
}
