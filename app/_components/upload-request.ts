// One file to /api/uploads with progress (XMLHttpRequest: fetch cannot report upload progress). Used by the
// upload field and the 补正 form; both also work without JavaScript through their server actions.
export type UploadAnswer = { ok: boolean; message?: string };

export function uploadFile(fields: { applicationId: string; kind: string; episodeSeq?: number }, file: File, onProgress: (percent: number) => void): Promise<UploadAnswer> {
  return new Promise((resolve) => {
    const body = new FormData();
    body.set('file', file);
    body.set('applicationId', fields.applicationId);
    body.set('kind', fields.kind);
    if (fields.episodeSeq !== undefined) body.set('episodeSeq', String(fields.episodeSeq));
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/uploads');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      try {
        resolve(JSON.parse(xhr.responseText) as UploadAnswer);
      } catch {
        resolve({ ok: false, message: '上传没有成功，请重试。' });
      }
    };
    xhr.onerror = () => resolve({ ok: false, message: '网络不好，上传没有成功，请重试。' });
    xhr.send(body);
  });
}
