import { Empty } from './Notice';

/** What a page shows until the connections it works on are chosen, with the way to choose them. */
export function ConnectionsNeeded({ title, message, action, onConnect }: { title: string; message: string; action: string; onConnect(): void }) {
  return (
    <div className="page">
      <header className="page-header"><h1>{title}</h1></header>
      <section className="panel"><Empty title={message}><button type="button" className="button button-primary" onClick={onConnect}>{action}</button></Empty></section>
    </div>
  );
}
