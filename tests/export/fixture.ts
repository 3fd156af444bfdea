// Realistic facts about the NHS 111 rollout (2012-2014) and the NHS App, written
// in our own words for tests. Offsets are computed from the body text so quotes
// and evidence point at real spans.
import { isoSpan } from '../../pipeline/analyse/effective.ts';
import type { Database } from '../../pipeline/load/db.ts';

export interface DocInput {
  doc_id: string;
  url: string;
  source_id: string;
  title: string;
  published_at: string | null;
  paragraphs: string[];
  duplicate_of?: string;
}

export interface EventInput {
  event_id: string;
  doc_id: string;
  service: string;
  region: string;
  region_code?: string | null;
  provider?: string | null;
  status: string;
  target?: string | null;
  /** When the status took effect, ISO at its precision; default: the document's publication day. */
  effective?: string | null;
  /** Must be a substring of the document body. */
  evidence: string;
  confidence?: number;
}

export interface QuoteInput {
  doc_id: string;
  /** Must be a substring of the document body. */
  text: string;
  speaker: string | null;
  speaker_role?: string | null;
}

const bodies = new Map<string, string>();
const published = new Map<string, string | null>();

export async function insertDocument(db: Database, doc: DocInput): Promise<void> {
  const body = doc.paragraphs.join('\n\n');
  bodies.set(doc.doc_id, body);
  published.set(doc.doc_id, doc.published_at);
  await db.run(
    `INSERT INTO documents (doc_id, url, source_id, title, published_at, body, content_hash, fetched_at, duplicate_of)
     VALUES (?, ?, ?, ?, CAST(? AS DATE), ?, ?, TIMESTAMP '2026-11-24 03:17:00', ?)`,
    [doc.doc_id, doc.url, doc.source_id, doc.title, doc.published_at, body, `hash-${doc.doc_id}`, doc.duplicate_of ?? null],
  );
}

function span(docId: string, text: string): [number, number] {
  const body = bodies.get(docId);
  if (body === undefined) throw new Error(`fixture: insert document ${docId} first`);
  const start = body.indexOf(text);
  if (start < 0) throw new Error(`fixture: "${text.slice(0, 40)}…" is not in ${docId}`);
  return [start, start + text.length];
}

export async function insertEvent(db: Database, e: EventInput): Promise<void> {
  const [start, end] = span(e.doc_id, e.evidence);
  const effective = e.effective === undefined ? (published.get(e.doc_id) ?? null) : e.effective;
  const when = isoSpan(effective);
  const target = isoSpan(e.target);
  await db.run(
    `INSERT INTO rollout_events (event_id, doc_id, service, region, region_code, provider, status, target, evidence,
       confidence, evidence_start, evidence_end, effective, effective_start, effective_end, target_start, target_end)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS DATE), CAST(? AS DATE), CAST(? AS DATE), CAST(? AS DATE))`,
    [e.event_id, e.doc_id, e.service, e.region, e.region_code ?? null, e.provider ?? null, e.status, e.target ?? null,
      e.evidence, e.confidence ?? 0.8, start, end, effective, when?.start ?? null, when?.end ?? null, target?.start ?? null, target?.end ?? null],
  );
}

export async function insertQuote(db: Database, q: QuoteInput): Promise<void> {
  const [start, end] = span(q.doc_id, q.text);
  await db.run(
    'INSERT INTO quotes (doc_id, text, speaker, speaker_role, char_start, char_end) VALUES (?, ?, ?, ?, ?, ?)',
    [q.doc_id, q.text, q.speaker, q.speaker_role ?? null, start, end],
  );
}

// Evidence sentences, reused by tests to check what is shown.
export const S = {
  durhamLive: 'The NHS 111 pilot in County Durham and Darlington has been answering calls since August 2010.',
  nottsLive: 'Nottingham City patients have been able to dial 111 since the pilot began in the summer of 2010.',
  emAppointed: 'Derbyshire Health United has been named preferred provider of NHS 111 for the East Midlands.',
  llrPlanned: 'Leicester, Leicestershire and Rutland expect to switch on NHS 111 in March 2013.',
  llrPaused: 'Commissioners in Leicester, Leicestershire and Rutland have put the local NHS 111 launch on hold with no new date.',
  englandDelayed: 'NHS England has pushed the national NHS 111 deadline back from June to late summer.',
  llrQuoteSentence:
    '"We would rather launch late than launch a service that is not safe for patients," said Dr Priya Shah, the clinical lead for the programme.',
  swWithdrawn: 'NHS Direct has told commissioners it will hand back its NHS 111 contracts, including the one for Somerset.',
  swAppointed: 'Devon Doctors has been chosen to take over NHS 111 in Somerset from the spring.',
  llrLive: 'NHS 111 is now running across Leicester, Leicestershire and Rutland after the relaunch in the autumn.',
  appLive: 'The NHS App became available to patients across England at the start of the year.',
} as const;

export const LLR_QUOTE = 'We would rather launch late than launch a service that is not safe for patients';

/** Seeds a database with 4 regions of NHS 111 facts over 2012-2014 plus one NHS App fact. */
export async function seedRollouts(db: Database): Promise<void> {
  // One transaction: a commit per row on a file database costs seconds.
  await db.transaction(() => seedRows(db));
}

async function seedRows(db: Database): Promise<void> {
  await insertDocument(db, {
    doc_id: 'd-2012-pilots',
    url: 'https://www.example-health-news.org/2012/03/nhs-111-pilots-review',
    source_id: 'health-news',
    title: 'NHS 111 pilots: two years on',
    published_at: '2012-03-14',
    paragraphs: [S.durhamLive, S.nottsLive, 'A wider rollout across England is planned for April 2013.'],
  });
  await insertEvent(db, { event_id: 'e1', doc_id: 'd-2012-pilots', service: 'NHS 111', region: 'County Durham and Darlington', status: 'live', evidence: S.durhamLive, confidence: 0.9 });
  await insertEvent(db, { event_id: 'e2', doc_id: 'd-2012-pilots', service: 'NHS 111', region: 'Nottingham City', status: 'live', evidence: S.nottsLive, confidence: 0.85 });
  await insertEvent(db, { event_id: 'e3', doc_id: 'd-2012-pilots', service: 'NHS 111', region: 'England', status: 'planned', target: '2013-04', evidence: 'A wider rollout across England is planned for April 2013.', confidence: 0.8 });

  await insertDocument(db, {
    doc_id: 'd-2012-em',
    url: 'https://www.example-gp-press.co.uk/news/east-midlands-111-provider',
    source_id: 'gp-press',
    title: 'East Midlands picks its NHS 111 provider',
    published_at: '2012-09-05',
    paragraphs: [S.emAppointed, S.llrPlanned],
  });
  await insertEvent(db, { event_id: 'e4', doc_id: 'd-2012-em', service: 'NHS 111', region: 'Leicester, Leicestershire and Rutland', region_code: 'Q35', provider: 'Derbyshire Health United', status: 'provider_appointed', evidence: S.emAppointed, confidence: 0.8 });
  await insertEvent(db, { event_id: 'e5', doc_id: 'd-2012-em', service: 'NHS 111', region: 'Leicester, Leicestershire and Rutland', region_code: 'Q35', provider: 'Derbyshire Health United', status: 'planned', target: '2013-03', evidence: S.llrPlanned, confidence: 0.75 });

  const pausedParagraphs = [S.llrPaused, S.englandDelayed, S.llrQuoteSentence];
  await insertDocument(db, {
    doc_id: 'd-2013-pause',
    url: 'https://www.example-gp-press.co.uk/news/111-launch-on-hold',
    source_id: 'gp-press',
    title: 'NHS 111 launch on hold in Leicestershire',
    published_at: '2013-05-21',
    paragraphs: pausedParagraphs,
  });
  await insertEvent(db, { event_id: 'e6', doc_id: 'd-2013-pause', service: 'NHS 111', region: 'Leicester, Leicestershire and Rutland', region_code: 'Q35', provider: 'Derbyshire Health United', status: 'paused', evidence: S.llrPaused, confidence: 0.9 });
  await insertEvent(db, { event_id: 'e7', doc_id: 'd-2013-pause', service: 'NHS 111', region: 'England', status: 'delayed', target: '2013-08', evidence: S.englandDelayed, confidence: 0.85 });
  await insertEvent(db, { event_id: 'e7b', doc_id: 'd-2013-pause', service: 'NHS 111', region: 'Leicester, Leicestershire and Rutland', region_code: 'Q35', status: 'paused', evidence: S.llrQuoteSentence, confidence: 0.6 });
  await insertQuote(db, { doc_id: 'd-2013-pause', text: LLR_QUOTE, speaker: 'Dr Priya Shah', speaker_role: 'clinical lead for the programme' });

  // A syndicated copy of the same story: its facts must not be counted twice.
  await insertDocument(db, {
    doc_id: 'd-2013-pause-copy',
    url: 'https://www.example-health-news.org/2013/05/111-on-hold-leicestershire',
    source_id: 'health-news',
    title: 'NHS 111 launch on hold in Leicestershire',
    published_at: '2013-05-22',
    paragraphs: pausedParagraphs,
    duplicate_of: 'd-2013-pause',
  });
  await insertEvent(db, { event_id: 'e6-copy', doc_id: 'd-2013-pause-copy', service: 'NHS 111', region: 'Leicester, Leicestershire and Rutland', region_code: 'Q35', provider: 'Derbyshire Health United', status: 'paused', evidence: S.llrPaused, confidence: 0.9 });
  await insertQuote(db, { doc_id: 'd-2013-pause-copy', text: LLR_QUOTE, speaker: 'Dr Priya Shah', speaker_role: 'clinical lead for the programme' });

  await insertDocument(db, {
    doc_id: 'd-2013-sw',
    url: 'https://www.example-health-news.org/2013/08/nhs-direct-111-contracts',
    source_id: 'health-news',
    title: 'NHS Direct to give up its NHS 111 contracts',
    published_at: '2013-08-01',
    paragraphs: [S.swWithdrawn],
  });
  await insertEvent(db, { event_id: 'e8', doc_id: 'd-2013-sw', service: 'NHS 111', region: 'Somerset', provider: 'NHS Direct', status: 'provider_withdrawn', evidence: S.swWithdrawn, confidence: 0.85 });

  await insertDocument(db, {
    doc_id: 'd-2013-llr-live',
    url: 'https://www.example-gp-press.co.uk/news/111-live-leicestershire',
    source_id: 'gp-press',
    title: 'Leicestershire finally switches on NHS 111',
    published_at: '2013-11-12',
    paragraphs: [S.llrLive],
  });
  await insertEvent(db, { event_id: 'e9', doc_id: 'd-2013-llr-live', service: 'NHS 111', region: 'Leicester, Leicestershire and Rutland', region_code: 'Q35', provider: 'Derbyshire Health United', status: 'live', evidence: S.llrLive, confidence: 0.9 });

  await insertDocument(db, {
    doc_id: 'd-2014-sw',
    url: 'https://www.example-health-news.org/2014/02/somerset-111-new-provider',
    source_id: 'health-news',
    title: 'Somerset NHS 111 gets a new provider',
    published_at: '2014-02-10',
    paragraphs: [S.swAppointed],
  });
  await insertEvent(db, { event_id: 'e10', doc_id: 'd-2014-sw', service: 'NHS 111', region: 'Somerset', provider: 'Devon Doctors', status: 'provider_appointed', target: '2014-04', evidence: S.swAppointed, confidence: 0.8 });

  await insertDocument(db, {
    doc_id: 'd-2019-app',
    url: 'https://www.example-digital-health.org/2019/01/nhs-app-national',
    source_id: 'digital-health',
    title: 'NHS App opens to everyone in England',
    published_at: '2019-01-02',
    paragraphs: [S.appLive],
  });
  await insertEvent(db, { event_id: 'e11', doc_id: 'd-2019-app', service: 'NHS App', region: 'England', status: 'live', evidence: S.appLive, confidence: 0.9 });
}

/** Event ids counted once (the copy's e6-copy is left out). */
export const COUNTED_EVENT_IDS = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e7b', 'e8', 'e9', 'e10', 'e11'];
