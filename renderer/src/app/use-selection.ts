import { useState } from 'react';

/** Which saved connections the pages work on: the MongoDB source and the DynamoDB target. */
export interface Selection {
  mongoId?: string;
  dynamoId?: string;
}

const KEY = 'awc.selection';

function load(): Selection {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? '{}') as Selection;
  } catch {
    return {};
  }
}

/** Kept in localStorage: ids only, never a connection's details. */
export function useSelection(): [Selection, (change: Selection) => void] {
  const [selection, setSelection] = useState<Selection>(load);
  return [selection, (change) => {
    const next = { ...selection, ...change };
    localStorage.setItem(KEY, JSON.stringify(next));
    setSelection(next);
  }];
}
