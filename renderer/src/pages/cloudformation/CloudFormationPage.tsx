import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { DEFAULT_TABLE_PREFIX } from '../../../../shared/catalogue';
import type { SavedConnection } from '../../../../shared/contract';
import { call } from '../../api/client';
import { download } from '../../components/download';
import { ErrorNotice, Loading } from '../../components/Notice';
import { PageHeader } from '../../components/PageHeader';

/** The 13 tables with their indexes as a CloudFormation template: preview, copy, save. */
export function CloudFormationPage({ dynamo }: { dynamo?: SavedConnection }) {
  const [prefix, setPrefix] = useState(dynamo?.tablePrefix ?? DEFAULT_TABLE_PREFIX);
  const valid = /^[A-Za-z0-9_.-]*$/.test(prefix);
  const template = useQuery({ queryKey: ['cloudformation', prefix], queryFn: () => call('cloudformation.template', { tablePrefix: prefix }), enabled: valid });
  const resources = template.data ? Object.keys((template.data.template.Resources ?? {}) as object).length : 0;
  return (
    <div className="page">
      <PageHeader title="CloudFormation" subtitle="The tables and global secondary indexes as a template: on-demand billing, point-in-time recovery and encryption at rest on." />
      <section className="panel">
        <div className="form-actions">
          <label className="field-inline"><span>Table prefix</span>
            <input className={`input input-small mono${valid ? '' : ' input-invalid'}`} aria-label="Table prefix" value={prefix} onChange={(e) => setPrefix(e.target.value)} />
          </label>
          {!valid && <span className="inline-error">letters, digits, _ . - only</span>}
          <span className="spacer" />
          {template.data && <span className="muted small">{resources} resources</span>}
          <button type="button" className="button" disabled={!template.data} onClick={() => void navigator.clipboard?.writeText(template.data!.json)}>Copy</button>
          <button type="button" className="button button-primary" disabled={!template.data} onClick={() => download(`${prefix || 'alertwhisperer'}-dynamodb.template.json`, template.data!.json, 'application/json')}>Save template…</button>
        </div>
        {template.isPending && valid && <Loading />}
        {template.error && <ErrorNotice error={template.error} />}
        {template.data && <pre className="code-block" tabIndex={0} data-testid="template-json">{template.data.json}</pre>}
      </section>
    </div>
  );
}
