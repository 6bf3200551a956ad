import { removeDocumentAction } from './actions';

type Doc = { id: string; originalName: string; mime: string; sizeBytes: number };

/**
 * The files uploaded so far, each with 删除. `inStepForm`: the list sits inside a step's own form (forms cannot
 * nest), so 删除 is that form's submit button with `intent=remove:<id>`, and the step's action removes it.
 */
export function DocumentList({ draftId, documents, inStepForm = false }: { draftId: string; documents: Doc[]; inStepForm?: boolean }) {
  if (documents.length === 0) return <p className="text-muted">还没有上传。</p>;
  return (
    <ul className="space-y-2" aria-label="已上传的材料">
      {documents.map((d) => (
        <li key={d.id} className="flex items-center gap-3 border border-gray-200 rounded p-2">
          <span className="mr-auto break-all">
            {d.originalName}
            <span className="block text-sm text-muted">{d.mime === 'application/pdf' ? 'PDF' : '图片'}，{Math.max(1, Math.round(d.sizeBytes / 1024))} KB</span>
          </span>
          {inStepForm ? (
            <RemoveButton name={d.originalName} intent={`remove:${d.id}`} />
          ) : (
            <form action={removeDocumentAction}>
              <input type="hidden" name="documentId" value={d.id} />
              <input type="hidden" name="draftId" value={draftId} />
              <RemoveButton name={d.originalName} />
            </form>
          )}
        </li>
      ))}
    </ul>
  );
}

function RemoveButton({ name, intent }: { name: string; intent?: string }) {
  return (
    <button type="submit" name={intent ? 'intent' : undefined} value={intent} formNoValidate className="btn btn-secondary" aria-label={`删除 ${name}`}>
      删除
    </button>
  );
}
