import { CopyButton } from '../../components/CopyButton';

/** Copies the selected document (Extended JSON, as shown) or its id. */
export function DocumentCopy({ document }: { document: Record<string, unknown> }) {
  const id = document.id ?? document._id;
  const idText = typeof id === 'string' ? id : id === undefined ? undefined : JSON.stringify(id);
  return (
    <div className="tool-row document-copy" role="group" aria-label="Copy the document">
      <CopyButton text={JSON.stringify(document, null, 2)} label="Copy document" />
      {idText && <CopyButton text={idText} label="Copy id" />}
    </div>
  );
}
