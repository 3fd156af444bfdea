// The analyst's side of document versions: comments for earlier_versions and captures.origin,
// and a view listing every version of every document, current one included.
import { VERSION_COLUMNS } from './versions.ts';

export const VERSIONS_SQL = `
WITH v AS (
  SELECT ${VERSION_COLUMNS}, false AS is_current FROM earlier_versions
  UNION ALL
  SELECT ${VERSION_COLUMNS}, true AS is_current FROM documents
),
seen AS (
  SELECT doc_id, content_hash, max(fetched_at) AS last_captured_at
  FROM captures WHERE doc_id IS NOT NULL GROUP BY ALL
)
SELECT v.doc_id,
       row_number() OVER (PARTITION BY v.doc_id ORDER BY v.fetched_at, v.content_hash) AS version,
       v.is_current,
       v.fetched_at AS first_captured_at,
       greatest(v.fetched_at, coalesce(s.last_captured_at, v.fetched_at)) AS last_captured_at,
       v.content_hash, v.url, v.source_id, v.title, v.published_at, v.author, v.body
FROM v LEFT JOIN seen s USING (doc_id, content_hash)`;

const DOC = {
  doc_id: 'Document (documents.doc_id) this is a version of.',
  url: 'Canonical URL of the document.',
  source_id: 'Source declaration id.',
  title: 'Headline in this version.',
  published_at: 'Publication day this version gives.',
  author: 'Byline in this version.',
  body: 'Article text of this version.',
  content_hash: 'sha256 of the raw body this version was extracted from (captures.content_hash).',
};

export const VERSION_COMMENTS = {
  earlier_versions: {
    comment:
      'Earlier versions of documents: the text a page had before a later capture changed it (web archives and WARC imports ' +
      'bring several captures of one article). The current version is the documents row; facts come from it alone. ' +
      'v_document_versions lists both.',
    columns: {
      ...DOC,
      fetched_at: 'First capture of this version (UTC): for an archive or WARC capture, when the archive captured it.',
      published_raw: 'Publication date as this version wrote it.',
      published_source: 'Where the publication date was found.',
      updated_at: 'Last-modified day this version gives.',
    },
  },
  v_document_versions: {
    comment: 'Every version of every document, oldest first: earlier_versions plus the current documents row.',
    columns: {
      ...DOC,
      version: '1 for the first version captured, then 2, 3, ... in order of first capture.',
      is_current: 'True for the version in documents, whose facts are in the fact tables.',
      first_captured_at: 'First capture with this content (UTC).',
      last_captured_at: 'Last capture (or 304 confirmation) with this content (UTC).',
    },
  },
};

/** Added to the captures comments: where an archived or imported capture came from. */
export const CAPTURE_ORIGIN_COMMENT =
  'Where the capture came from when not fetched live: the memento URL read from a web archive, or FILE#record-id of an imported WARC file ' +
  '(fetched_at is then the time the archive captured the page).';
