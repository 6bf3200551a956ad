// The upload limits both sides know: the server refuses by them (lib/uploads/check.ts), and the step forms check a
// chosen file in the browser first, so a phone does not send 30 MB only to hear it was too large.
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** What one form post may carry (next.config.mjs serverActions.bodySizeLimit is 12 MB). */
export const MAX_FORM_UPLOAD_BYTES = 11 * 1024 * 1024;

export const tooLargeMessage = (name: string) => `“${name}”超过 10 MB，请压缩后或分页拍照上传。`;
/** The words next to the field for a chosen file the portal did not take: by name, so nothing is dropped unseen. */
export const notUploadedMessage = (name: string, why: string) => `${name} 还没有上传：${why.replace(/^“[^”]*”/, '这个文件')}`;
