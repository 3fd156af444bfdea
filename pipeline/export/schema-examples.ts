// Worked example queries shown in docs/schema.md. Tests run every one of them
// against a seeded database, so an example that stops working fails CI.
export interface ExampleQuery {
  question: string;
  sql: string;
}

export const EXAMPLE_QUERIES: ExampleQuery[] = [
  {
    question: 'What is the latest status of NHS 111 in each region, who runs it, is a review open, and where does it come from?',
    sql: `SELECT region, status, effective, provider, provider_status, review_open, target, evidence, url
FROM v_rollout_current
WHERE service = 'NHS 111'
ORDER BY region;`,
  },
  {
    question: 'What was the status of each region on 30 June 2013?',
    sql: `SELECT service, region, status, effective, reported_on, provider, evidence
FROM status_on(DATE '2013-06-30')
ORDER BY service, region;`,
  },
  {
    question: 'Which plans were due by the end of 2013, sorted by their target date?',
    sql: `SELECT service, region, status, target, target_start, target_end, reported_on
FROM v_events
WHERE target_end <= DATE '2013-12-31'
ORDER BY target_start, service, region;`,
  },
  {
    question: 'How did one region get to where it is? (every change, in order)',
    sql: `SELECT effective, reported_on, axis, previous_status, status, provider, target, title, url
FROM v_timeline
WHERE service = 'NHS 111' AND region = 'Leicester, Leicestershire and Rutland' AND status_changed
ORDER BY effective_start, reported_on;`,
  },
  {
    question: 'Which regions have reported a pause or delay since 2013, and how often?',
    sql: `SELECT region, count(*) AS reports, min(reported_on) AS first, max(reported_on) AS last
FROM v_events
WHERE status IN ('paused', 'delayed') AND reported_on >= DATE '2013-01-01'
GROUP BY region
ORDER BY reports DESC, region;`,
  },
  {
    question: 'Who said what about NHS 111?',
    sql: `SELECT reported_on, speaker, speaker_role, quote, url
FROM v_quotes
WHERE list_contains(services, 'NHS 111')
ORDER BY reported_on;`,
  },
  {
    question: 'Show the evidence sentence of a fact in its paragraph (provenance down to the character).',
    sql: `SELECT f.event_id, f.status,
       substr(d.body, f.evidence_start + 1, f.evidence_end - f.evidence_start) AS evidence_in_body,
       d.url
FROM v_events f JOIN documents d USING (doc_id)
WHERE f.evidence_start IS NOT NULL
LIMIT 5;`,
  },
  {
    question: 'Did the last run break any source?',
    sql: `SELECT source_id, status, discovered, fetched, failed, articles, events, message
FROM source_runs
WHERE run_id = (SELECT run_id FROM runs ORDER BY started_at DESC LIMIT 1)
ORDER BY source_id;`,
  },
];
