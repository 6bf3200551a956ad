import { removeDocumentAction } from './actions';

type Doc = { id: string; originalName: string; mime: string; sizeBytes: number };

export function DocumentList({ draftId, documents }: { draftId: string; documents: Doc[] }) {
  if (documents.length === 0) return <p className="text-muted">还没有上传。</p>;
  return (
    <ul className="space-y-2" aria-label="已上传的材料">
      {documents.map((d) => (
        <li key={d.id} className="flex items-center gap-3 border border-gray-200 rounded p-2">
          <span className="mr-auto break-all">
            {d.originalName}
            <span className="block text-sm text-muted">{d.mime === 'application/pdf' ? 'PDF' : '图片'}，{Math.max(1, Math.round(d.sizeBytes / 1024))} KB</span>
          </span>
          <form action={removeDocumentAction}>
            <input type="hidden" name="documentId" value={d.id} />
            <input type="hidden" name="draftId" value={draftId} />
            <button type="submit" className="btn btn-secondary" aria-label={`删除 ${d.originalName}`}>
              删除
            </button>
          </form>
        </li>
      ))}
    </ul>
  );
}
