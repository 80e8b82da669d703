import { useMutation, useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import type { SavedConnection } from '../../../../shared/contract';
import { call } from '../../api/client';
import type { Selection } from '../../app/use-selection';
import { Empty, ErrorNotice, Loading } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';
import { BACKEND_UI } from './backend-ui';
import { ConnectionCard } from './ConnectionCard';
import { ConnectionForm } from './ConnectionForm';
import { SandboxPanel } from './SandboxPanel';

export function ConnectionsPage({ connections, selection, select, onOpen }: {
  connections: UseQueryResult<SavedConnection[]>; selection: Selection; select(change: Selection): void; onOpen(): void;
}) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (id: string) => call('connections.remove', { id }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['connections'] }),
  });
  const use = (c: SavedConnection) => select(BACKEND_UI[c.backend].select(c.id));

  return (
    <div className="page">
      <PageHeader title="Connections" subtitle="The MongoDB source and the DynamoDB target the other pages work on. Secrets never leave the main process." />
      <div className="two-columns">
        <section className="stack">
          <SandboxPanel onStarted={(status) => { select({ mongoId: status.mongo?.id, dynamoId: status.dynamo?.id }); }} onOpen={onOpen} />
          <div className="panel">
            <div className="panel-header"><h2>Saved connections</h2></div>
            {connections.isPending && <Loading />}
            {connections.error && <ErrorNotice error={connections.error} />}
            {remove.error && <ErrorNotice error={remove.error} />}
            {connections.data?.length === 0 && <Empty title="No saved connections yet">Start the local sandbox, or add your own connection.</Empty>}
            <div className="card-list">
              {connections.data?.map((c) => (
                <ConnectionCard key={c.id} connection={c} selected={c.id === selection.mongoId || c.id === selection.dynamoId} onUse={() => use(c)} onRemove={() => remove.mutate(c.id)} />
              ))}
            </div>
          </div>
        </section>
        <section>
          <ConnectionForm onUse={use} />
        </section>
      </div>
    </div>
  );
}
