import type { FastifyRequest } from 'fastify';
import { AppError } from './app-error';

/** The one `file` field of a multipart request, read whole (size limited by the multipart plugin). */
export async function readUploadedFile(request: FastifyRequest): Promise<{ fileName: string; content: Buffer }> {
  if (!request.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 上传文件（字段 file）');
  }
  const file = await request.file();
  if (!file) throw new AppError('FILE_MISSING', '请求中没有文件（字段 file）');
  return { fileName: file.filename, content: await file.toBuffer() };
}
