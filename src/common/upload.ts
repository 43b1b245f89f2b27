import type { FastifyRequest } from 'fastify';
import { AppError } from './app-error';

export interface UploadedFile {
  fileName: string;
  content: Buffer;
}

/**
 * The one `file` field of a multipart request, read whole: at most `maxBytes` when given, else the multipart
 * plugin's limit (413 PAYLOAD_TOO_LARGE beyond it).
 */
export async function readUploadedFile(request: FastifyRequest, maxBytes?: number): Promise<UploadedFile> {
  if (!request.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传文件（字段 file）');
  }
  const file = await request.file(maxBytes === undefined ? undefined : { limits: { fileSize: maxBytes, files: 1, fields: 10 } });
  if (!file) throw new AppError('FILE_MISSING', '请求中没有文件（字段 file）');
  return { fileName: file.filename, content: await file.toBuffer() };
}
