import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { DEFAULT_TABLE_PREFIX } from '../../../../shared/catalogue';
import { ConnectionSchema, DEFAULT_MONGO_URL, type Backend, type Connection } from '../../../../shared/connection';
import type { SavedConnection } from '../../../../shared/contract';
import { call } from '../../api/client';
import { BACKEND_UI } from './backend-ui';
import { connectionProblems } from './connection-problems';

type CredentialsSource = 'default' | 'profile' | 'keys';

export interface Draft {
  backend: Backend;
  name: string;
  url: string;
  database: string;
  region: string;
  endpoint: string;
  tablePrefix: string;
  source: CredentialsSource;
  profile: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/** Changes the draft (and forgets the last test result, which was for the old fields). */
export type SetDraft = (change: Partial<Draft>) => void;

const EMPTY: Draft = {
  backend: 'mongodb', name: '', url: DEFAULT_MONGO_URL, database: '', region: 'us-east-1', endpoint: '',
  tablePrefix: DEFAULT_TABLE_PREFIX, source: 'default', profile: '', accessKeyId: '', secretAccessKey: '',
};

/** The form's state: the draft checked with the contract's schema as typed, its test, and its save. */
export function useConnectionDraft(onUse: (saved: SavedConnection) => void) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const queryClient = useQueryClient();
  const parsed = ConnectionSchema.safeParse(BACKEND_UI[draft.backend].toConnection(draft));
  const problems = parsed.success ? [] : connectionProblems(parsed.error.issues);
  const set: SetDraft = (change) => { setDraft({ ...draft, ...change }); test.reset(); };

  const test = useMutation({ mutationFn: (connection: Connection) => call('connections.test', { connection }) });
  const save = useMutation({
    mutationFn: ({ connection }: { connection: Connection; use: boolean }) => call('connections.save', { name: draft.name.trim(), connection }),
    onSuccess: (saved, { use }) => {
      void queryClient.invalidateQueries({ queryKey: ['connections'] });
      setDraft({ ...EMPTY, backend: draft.backend });
      if (use) onUse(saved);
    },
  });
  return { draft, set, parsed, problems, test, save };
}
