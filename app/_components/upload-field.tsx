'use client';
// Upload photos or PDFs. Without JavaScript it is a plain multipart form (server action); with it, each file
// goes to /api/uploads with a progress bar, and the page refreshes to list it.
import { useRouter } from 'next/navigation';
import { useActionState, useEffect, useRef, useState } from 'react';
import { uploadFile } from './upload-request';
import { uploadAction, type UploadState } from '@/app/(resident)/apply/actions';

type Props = { applicationId: string; kind: string; episodeSeq?: number; label: string; hint?: string };

export function UploadField({ applicationId, kind, episodeSeq, label, hint }: Props) {
  const router = useRouter();
  const [state, formAction] = useActionState(uploadAction, { ok: true } as UploadState);
  const [progress, setProgress] = useState<{ name: string; percent: number } | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [chosenKey, setChosenKey] = useState(0);
  const cameraRef = useRef<HTMLInputElement>(null);
  const pickerRef = useRef<HTMLInputElement>(null);
  const id = `upload-${kind}-${episodeSeq ?? 'x'}`;

  const send = (file: File) => uploadFile({ applicationId, kind, episodeSeq }, file, (percent) => setProgress({ name: file.name, percent }));

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const files = [...Array.from(cameraRef.current?.files ?? []), ...Array.from(pickerRef.current?.files ?? [])];
    if (files.length === 0) return setMessage({ ok: false, text: '请先选择要上传的照片或文件。' });
    let done = 0;
    for (const file of files) {
      setProgress({ name: file.name, percent: 0 });
      const r = await send(file);
      if (!r.ok) {
        setProgress(null);
        return setMessage({ ok: false, text: r.message ?? '上传没有成功，请重试。' });
      }
      done += 1;
    }
    setProgress(null);
    setMessage({ ok: true, text: `已上传 ${done} 个文件。` });
    for (const input of [cameraRef.current, pickerRef.current]) if (input) input.value = '';
    setChosenKey((k) => k + 1);
    router.refresh();
  }

  const shown = message ?? (state.message ? { ok: state.ok, text: state.message } : null);
  return (
    <form action={formAction} onSubmit={onSubmit} className="space-y-2">
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="kind" value={kind} />
      {episodeSeq !== undefined ? <input type="hidden" name="episodeSeq" value={episodeSeq} /> : null}
      <p className="font-semibold">{label}</p>
      <FileChooser key={chosenKey} id={id} hint={hint} cameraRef={cameraRef} pickerRef={pickerRef} pending="还没有上传，请按“上传”" />
      {progress ? (
        <div role="status" aria-live="polite">
          <p className="text-sm">
            正在上传 {progress.name}：{progress.percent}%
          </p>
          <progress max={100} value={progress.percent} className="w-full h-3">
            {progress.percent}%
          </progress>
        </div>
      ) : null}
      {shown ? (
        <p role={shown.ok ? 'status' : 'alert'} className={shown.ok ? 'text-ok font-semibold' : 'text-bad font-semibold'}>
          {shown.text}
        </p>
      ) : null}
      <button type="submit" className="btn btn-primary" disabled={Boolean(progress)}>
        上传
      </button>
    </form>
  );
}

type ChooserProps = {
  /** The picker's id (the camera's is `<id>-camera`); ErrorSummary links to it. */
  id: string;
  hint?: string;
  error?: string;
  /** What is said after the chosen names: how they get uploaded. */
  pending: string;
  cameraRef?: React.Ref<HTMLInputElement>;
  pickerRef?: React.Ref<HTMLInputElement>;
};

/** The two ways to choose (camera, album or files), and the names chosen said as not yet uploaded. */
export function FileChooser({ id, hint, error, pending, cameraRef, pickerRef }: ChooserProps) {
  const [chosen, setChosen] = useState<string[]>([]);
  const box = useRef<HTMLDivElement>(null);
  // A form action that went through resets its form (React 19), which empties the file inputs: say so too.
  useEffect(() => {
    const form = box.current?.closest('form');
    const clear = () => setChosen([]);
    form?.addEventListener('reset', clear);
    return () => form?.removeEventListener('reset', clear);
  }, []);
  const showChosen = (e: React.ChangeEvent<HTMLInputElement>) => {
    const inputs = e.currentTarget.closest('[data-file-chooser]')?.querySelectorAll<HTMLInputElement>('input[type=file]') ?? [];
    setChosen(Array.from(inputs).flatMap((i) => Array.from(i.files ?? [])).map((f) => f.name));
  };
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div ref={box} data-file-chooser className="space-y-2">
      <p id={`${id}-hint`} className="text-sm text-muted">
        {hint ?? '可以直接拍照，也可以选手机里的照片或 PDF。每个文件不超过 10 MB。'}
      </p>
      {error ? (
        <p id={`${id}-error`} className="text-bad font-semibold">
          <span className="sr-only">错误：</span>
          {error}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <label htmlFor={`${id}-camera`} className="btn btn-secondary focus-within:outline focus-within:outline-3 focus-within:outline-[#ffbf47]">
          拍照上传
          <input ref={cameraRef} id={`${id}-camera`} name="file" type="file" accept="image/*" capture="environment" aria-describedby={describedBy} className="sr-only" onChange={showChosen} />
        </label>
        <label htmlFor={id} className="btn btn-secondary focus-within:outline focus-within:outline-3 focus-within:outline-[#ffbf47]">
          从相册或文件中选择
          <input ref={pickerRef} id={id} name="file" type="file" multiple accept="image/jpeg,image/png,application/pdf" aria-describedby={describedBy} className="sr-only" onChange={showChosen} />
        </label>
      </div>
      <p aria-live="polite" className="text-sm" data-testid="chosen-files">
        {chosen.length ? `已选择：${chosen.join('、')}（${pending}）` : '还没有选择文件'}
      </p>
    </div>
  );
}
