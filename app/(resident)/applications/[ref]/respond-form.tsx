'use client';
// 补正 in one step: write a note, choose the files, press 提交补正. Without JavaScript it is one multipart form
// (the server action stores the files, then answers); with it each file first goes to /api/uploads with a
// progress bar, then the note is sent.
//
// `action` is respondAction bound on the server (page.tsx) to the reference and application id, never
// bound here: after a refused post without JavaScript, React's server render compares the returned state's
// action with this hook's, and an action bound during render is a new, unresolved reference on every retry,
// so that render never finishes (the browser waits forever).
import { startTransition, useActionState, useRef, useState } from 'react';
import { ErrorSummary } from '@/app/_components/field';
import { uploadFile } from '@/app/_components/upload-request';
import type { RespondState } from './actions';

type Props = { action: (prev: RespondState, formData: FormData) => Promise<RespondState>; applicationId: string; pending: { id: string; originalName: string }[]; filesRequired: boolean };

export function RespondForm({ action: respond, applicationId, pending, filesRequired }: Props) {
  const [state, action, answering] = useActionState(respond, { ok: true } as RespondState);
  const [progress, setProgress] = useState<{ name: string; percent: number } | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const cameraRef = useRef<HTMLInputElement>(null);
  const pickerRef = useRef<HTMLInputElement>(null);
  const chosenFiles = () => [...Array.from(cameraRef.current?.files ?? []), ...Array.from(pickerRef.current?.files ?? [])];
  const busy = Boolean(progress) || answering;

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const message = String(new FormData(e.currentTarget).get('message') ?? '');
    setUploadError(null);
    for (const file of chosenFiles()) {
      setProgress({ name: file.name, percent: 0 });
      const r = await uploadFile({ applicationId, kind: 'supplement' }, file, (percent) => setProgress({ name: file.name, percent }));
      if (!r.ok) {
        setProgress(null);
        return setUploadError(r.message ?? '上传没有成功，请重试。');
      }
    }
    setProgress(null);
    for (const input of [cameraRef.current, pickerRef.current]) if (input) input.value = '';
    setChosen([]);
    const body = new FormData();
    body.set('message', message);
    startTransition(() => action(body));
  }

  const fileError = uploadError ?? state.fieldErrors?.file;
  const messageError = state.fieldErrors?.message;
  const describedBy = ['f-file-hint', fileError ? 'f-file-error' : null].filter(Boolean).join(' ');
  return (
    <form action={action} onSubmit={onSubmit} className="space-y-4" noValidate>
      <ErrorSummary message={state.ok ? undefined : state.message} fieldErrors={state.ok ? undefined : state.fieldErrors} />
      {state.ok && state.message ? <p role="status" className="text-ok font-semibold">{state.message}</p> : null}

      <div className="space-y-2">
        <p id="f-file-label" className="font-semibold">补正材料{filesRequired ? '（必须上传）' : '（如需要）'}</p>
        <p id="f-file-hint" className="text-sm text-muted">
          {filesRequired ? '工作人员要求上传上面写明的材料。' : ''}可以直接拍照，也可以选手机里的照片或 PDF，每个文件不超过 10 MB。选好后和补充说明一起提交。
        </p>
        {fileError ? (
          <p id="f-file-error" className="text-bad font-semibold">
            <span className="sr-only">错误：</span>
            {fileError}
          </p>
        ) : null}
        <div className="flex flex-wrap gap-3">
          <label htmlFor="f-file-camera" className="btn btn-secondary focus-within:outline focus-within:outline-3 focus-within:outline-[#ffbf47]">
            拍照
            <input ref={cameraRef} id="f-file-camera" name="file" type="file" accept="image/*" capture="environment" aria-describedby={describedBy} className="sr-only" onChange={() => setChosen(chosenFiles().map((f) => f.name))} />
          </label>
          <label htmlFor="f-file" className="btn btn-secondary focus-within:outline focus-within:outline-3 focus-within:outline-[#ffbf47]">
            从相册或文件中选择
            <input ref={pickerRef} id="f-file" name="file" type="file" multiple accept="image/jpeg,image/png,application/pdf" aria-describedby={describedBy} aria-invalid={fileError ? true : undefined} className="sr-only" onChange={() => setChosen(chosenFiles().map((f) => f.name))} />
          </label>
        </div>
        {chosen.length > 0 ? <p aria-live="polite" className="text-sm">将随补正提交：{chosen.join('、')}</p> : null}
        {pending.length > 0 ? (
          <div className="text-sm">
            <p>已经上传、将随这次补正一起提交：</p>
            <ul className="list-disc pl-5" aria-label="已上传、待提交的补正材料">
              {pending.map((d) => (
                <li key={d.id}>{d.originalName}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>

      <div className="space-y-1">
        <label htmlFor="f-message" className="block font-semibold">补充说明{filesRequired ? '（选填）' : ''}</label>
        {messageError ? <p id="f-message-error" className="text-bad font-semibold">{messageError}</p> : null}
        <textarea id="f-message" name="message" rows={4} className="input" defaultValue={state.values?.message ?? ''} aria-describedby={messageError ? 'f-message-error' : undefined} aria-invalid={messageError ? true : undefined} />
      </div>

      {progress ? (
        <div role="status" aria-live="polite">
          <p className="text-sm">正在上传 {progress.name}：{progress.percent}%</p>
          <progress max={100} value={progress.percent} className="w-full h-3">{progress.percent}%</progress>
        </div>
      ) : null}
      <button type="submit" className="btn btn-primary w-full sm:w-auto" disabled={busy} aria-disabled={busy}>
        {progress ? '正在上传…' : answering ? '正在提交…' : '提交补正'}
      </button>
    </form>
  );
}
