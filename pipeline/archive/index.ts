// The archive stage: raw WARC captures written by the crawler, read back by `reprocess`.
export { openArchive, readArchive, type Archive, type ArchiveRef, type ArchivedRecord, type ArchiveRecordInput } from './warc.ts';
// Reprocessing decodes archived bodies exactly as the crawler did.
export { decodeHtml } from '../crawl/charset.ts';
