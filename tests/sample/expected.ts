// Hand-labelled facts for sample-site articles, read off the article text by a person
// (never produced by running the extractor). Used by the end-to-end test and eval.
//
// Conventions:
// - `url` is the public URL (the declared `site` origin), i.e. the document identity.
// - `published` is the publication day the page shows; `author` is the byline, or null
//   when the page has none (press releases, the CCG site's "Contact:" line is not a byline).
// - events: `region` is `England` for national facts. `target` is ISO at the precision
//   written ("June 2013" → 2013-06; "the end of the summer" 2013 → 2013-08; a named day →
//   YYYY-MM-DD), and omitted when the text gives none. Events listed are the ones an
//   extractor must find; a page may support others only loosely and those are not listed.
// - quotes: `speaker` is the named person the text attributes the words to, or null for an
//   organisation's statement or an unnamed speaker ("a spokesperson", "one GP"), as issue 3
//   and tests/devset/LABELLING.md rule; `opening` is the first words inside
//   the quote marks. A quote that runs over several paragraphs is listed once per paragraph
//   only when each paragraph opens and closes its own marks.
// - Reader comments on the trade-press site are never article text: nothing here comes from them.

export interface ExpectedEvent {
  service: string;
  region: string;
  status: 'planned' | 'live' | 'delayed' | 'paused' | 'resumed' | 'cancelled' | 'under_review' | 'provider_appointed' | 'provider_withdrawn';
  provider?: string;
  target?: string;
}

export interface ExpectedQuote {
  speaker: string | null;
  opening: string;
}

export interface ExpectedArticle {
  url: string;
  sourceId: 'nhs-news' | 'trade-press' | 'local-ccg' | 'app-news';
  title: string;
  published: string;
  author: string | null;
  events: ExpectedEvent[];
  quotes: ExpectedQuote[];
  entities: { regions: string[]; providers: string[]; people: string[] };
}

const NN = 'https://www.nhs-news.example';
const TP = 'https://www.practice-press.example';
const LC = 'http://www.llr-ccgs.example';
const AN = 'https://news.northeast-nhs.example';

const LLR = 'Leicester, Leicestershire and Rutland';
const DHU = 'Derbyshire Health United';
const SWASFT = 'South Western Ambulance Service NHS Foundation Trust';

/** The founding example of DESIGN.md, in our own words. */
export const FOUNDING_EXAMPLE_URL = `${TP}/news/commissioning/nhs-111-launch-put-on-hold-indefinitely-in-leicester/20003117.article`;

export const expectedArticles: ExpectedArticle[] = [
  {
    url: FOUNDING_EXAMPLE_URL,
    sourceId: 'trade-press',
    title: 'NHS 111 launch put on hold indefinitely in Leicester, Leicestershire and Rutland',
    published: '2013-05-21',
    author: 'Rachel Ambrose',
    events: [
      { service: 'NHS 111', region: LLR, status: 'paused', provider: DHU },
      { service: 'NHS 111', region: 'England', status: 'delayed', target: '2013-08' },
      { service: 'NHS 111', region: 'England', status: 'under_review' },
    ],
    quotes: [
      { speaker: 'Dr Avi Prasad', opening: 'Nobody wants to hold back a new service' },
      { speaker: 'Dr Avi Prasad', opening: 'We have looked hard at what went wrong' },
      { speaker: 'Earl Howe', opening: 'Our task is to be ready for next winter' },
      { speaker: 'Earl Howe', opening: 'Everything that NHS England, CCGs and providers' },
    ],
    entities: {
      regions: [LLR, 'England'],
      providers: [DHU],
      people: ['Dr Avi Prasad', 'Earl Howe', 'Sir Bruce Keogh'],
    },
  },
  {
    url: `${TP}/news/commissioning/nhs-england-gives-111-areas-until-end-of-summer/20002954.article`,
    sourceId: 'trade-press',
    title: 'NHS England gives struggling 111 areas until the end of summer',
    published: '2013-05-03',
    author: 'Tom Wrexham',
    events: [
      { service: 'NHS 111', region: 'England', status: 'delayed', target: '2013-08' },
      { service: 'NHS 111', region: 'England', status: 'under_review' },
    ],
    quotes: [
      { speaker: null, opening: 'Where 111 is working well it will carry on' },
      { speaker: null, opening: 'Where it is not, commissioners can keep' },
      { speaker: 'Dr Sunil Mehra', opening: 'set by politicians' },
    ],
    entities: { regions: ['England', 'Nottingham'], providers: [], people: ['Dr Sunil Mehra'] },
  },
  {
    url: `${TP}/news/commissioning/easter-weekend-exposes-nhs-111-failings/20002701.article`,
    sourceId: 'trade-press',
    title: 'Easter weekend exposes NHS 111 failings as calls go unanswered',
    published: '2013-04-04',
    author: 'Tom Wrexham',
    events: [{ service: 'NHS 111', region: 'England', status: 'live', target: '2013-04-01' }],
    quotes: [{ speaker: null, opening: 'We had people ringing us back' }],
    entities: { regions: ['England'], providers: ['NHS Direct', 'Harmoni'], people: [] },
  },
  {
    url: `${TP}/news/commissioning/nhs-direct-to-walk-away-from-111-contracts/20003502.article`,
    sourceId: 'trade-press',
    title: 'NHS Direct to walk away from all its NHS 111 contracts',
    published: '2013-07-25',
    author: 'Rachel Ambrose',
    events: [{ service: 'NHS 111', region: 'England', status: 'provider_withdrawn', provider: 'NHS Direct' }],
    quotes: [{ speaker: null, opening: 'work through an orderly transfer' }],
    entities: { regions: ['England'], providers: ['NHS Direct'], people: [] },
  },
  {
    url: `${TP}/news/commissioning/ambulance-trust-to-take-over-111-in-devon-and-cornwall/20003744.article`,
    sourceId: 'trade-press',
    title: 'Ambulance trust to take over 111 in the South West from NHS Direct',
    published: '2013-09-12',
    author: 'Owen Pryce',
    events: [
      { service: 'NHS 111', region: 'Devon', status: 'provider_appointed', provider: SWASFT },
      { service: 'NHS 111', region: 'Cornwall and the Isles of Scilly', status: 'provider_appointed', provider: SWASFT },
      { service: 'NHS 111', region: 'England', status: 'provider_withdrawn', provider: 'NHS Direct' },
    ],
    quotes: [{ speaker: null, opening: 'We know the patients and the local services' }],
    entities: { regions: ['Devon', 'Cornwall and the Isles of Scilly'], providers: [SWASFT, 'NHS Direct'], people: [] },
  },
  {
    url: `${TP}/news/commissioning/llr-among-three-areas-taking-extra-time-for-111/20001388.article`,
    sourceId: 'trade-press',
    title: 'Three areas take up offer of extra time to launch NHS 111',
    published: '2012-07-19',
    author: 'Nadia Hussain',
    // Registration teaser: only the first four paragraphs are on the page.
    events: [
      { service: 'NHS 111', region: LLR, status: 'delayed', target: '2013-06' },
      { service: 'NHS 111', region: LLR, status: 'provider_appointed', provider: DHU },
    ],
    quotes: [],
    entities: { regions: [LLR, 'England'], providers: [DHU], people: [] },
  },
  {
    url: `${TP}/news/it/care-data-extraction-delayed-by-six-months/20004733.article`,
    sourceId: 'trade-press',
    title: 'care.data extraction delayed by six months after GP and patient concerns',
    published: '2014-02-18',
    author: 'Owen Pryce',
    events: [{ service: 'care.data', region: 'England', status: 'paused' }],
    quotes: [{ speaker: null, opening: 'We have been asked for more time' }],
    entities: { regions: ['England'], providers: [], people: ['Tim Kelsey'] },
  },
  {
    url: `${TP}/news/it/e-referral-service-launch-pushed-back/20005502.article`,
    sourceId: 'trade-press',
    title: 'Replacement for Choose and Book delayed',
    published: '2014-10-30',
    author: 'Owen Pryce',
    events: [{ service: 'NHS e-Referral Service', region: 'England', status: 'delayed' }],
    quotes: [{ speaker: 'Dr Claire Atherton', opening: 'Referrals are the one thing that cannot go wrong' }],
    entities: { regions: ['England'], providers: [], people: ['Dr Claire Atherton'] },
  },
  {
    url: `${NN}/2010/08/nhs-111-pilots-begin-in-four-areas/`,
    sourceId: 'nhs-news',
    title: 'New NHS 111 number begins in four pilot areas',
    published: '2010-08-26',
    author: null,
    events: [
      { service: 'NHS 111', region: 'County Durham and Darlington', status: 'live' },
      { service: 'NHS 111', region: 'Derby', status: 'planned' },
      { service: 'NHS 111', region: 'Nottingham', status: 'planned' },
      { service: 'NHS 111', region: 'Lincolnshire', status: 'planned' },
    ],
    quotes: [{ speaker: 'Dr Kathryn Bell', opening: 'Patients told us they did not know which number to ring' }],
    entities: {
      regions: ['County Durham and Darlington', 'Derby', 'Nottingham', 'Lincolnshire'],
      providers: [],
      people: ['Dr Kathryn Bell'],
    },
  },
  {
    url: `${NN}/2013/05/more-time-for-areas-to-launch-nhs-111/`,
    sourceId: 'nhs-news',
    title: 'More time for areas to launch NHS 111',
    published: '2013-05-02',
    author: null,
    events: [
      { service: 'NHS 111', region: 'England', status: 'delayed', target: '2013-08' },
      { service: 'NHS 111', region: 'England', status: 'under_review' },
    ],
    quotes: [
      { speaker: 'Dame Barbara Hakin', opening: 'Patient safety will always come before any deadline' },
      { speaker: 'Dame Barbara Hakin', opening: 'Where NHS 111 is working well' },
    ],
    entities: { regions: ['England'], providers: [], people: ['Dame Barbara Hakin'] },
  },
  {
    url: `${NN}/2013/04/statement-on-nhs-111-performance-over-easter/`,
    sourceId: 'nhs-news',
    title: 'Statement on NHS 111 performance over the Easter weekend',
    published: '2013-04-05',
    author: null,
    events: [],
    // One quote over three paragraphs: the first two have no closing mark.
    quotes: [{ speaker: null, opening: 'We know that some people who called NHS 111' }],
    entities: { regions: ['England'], providers: [], people: [] },
  },
  {
    url: `${NN}/2013/07/safe-transfer-of-nhs-direct-111-services/`,
    sourceId: 'nhs-news',
    title: 'Safe transfer of NHS 111 services run by NHS Direct',
    published: '2013-07-26',
    author: null,
    events: [{ service: 'NHS 111', region: 'England', status: 'provider_withdrawn', provider: 'NHS Direct' }],
    quotes: [{ speaker: null, opening: 'Callers will not notice any change' }],
    entities: { regions: ['England'], providers: ['NHS Direct'], people: [] },
  },
  {
    url: `${NN}/2013/10/ambulance-service-begins-running-nhs-111-in-the-south-west/`,
    sourceId: 'nhs-news',
    title: 'Ambulance service begins running NHS 111 in the South West',
    published: '2013-10-08',
    author: null,
    events: [
      { service: 'NHS 111', region: 'Devon', status: 'provider_appointed', provider: SWASFT },
      { service: 'NHS 111', region: 'Cornwall and the Isles of Scilly', status: 'provider_appointed', provider: SWASFT },
    ],
    quotes: [{ speaker: null, opening: 'Having 999 and 111 under one roof' }],
    entities: { regions: ['Devon', 'Cornwall and the Isles of Scilly'], providers: [SWASFT, 'NHS Direct'], people: [] },
  },
  {
    url: `${NN}/2010/10/summary-care-record-rollout-to-continue/`,
    sourceId: 'nhs-news',
    title: 'Summary Care Record roll-out to continue with stronger safeguards',
    published: '2010-10-19',
    author: null,
    events: [{ service: 'Summary Care Record', region: 'England', status: 'resumed' }],
    quotes: [{ speaker: 'Dr Gillian Braunold', opening: 'We want every patient to be able to make an informed choice' }],
    entities: { regions: ['England'], providers: [], people: ['Dr Gillian Braunold'] },
  },
  {
    url: `${NN}/2014/02/care-data-to-take-longer/`,
    sourceId: 'nhs-news',
    title: 'Statement on care.data: more time to raise awareness',
    published: '2014-02-18',
    author: null,
    events: [{ service: 'care.data', region: 'England', status: 'delayed' }],
    quotes: [{ speaker: 'Tim Kelsey', opening: 'We have listened and we are happy to take more time' }],
    entities: { regions: ['England'], providers: [], people: ['Tim Kelsey'] },
  },
  {
    url: `${NN}/2015/05/nhs-e-referral-service-to-replace-choose-and-book/`,
    sourceId: 'nhs-news',
    title: 'NHS e-Referral Service to replace Choose and Book on 15 June',
    published: '2015-05-14',
    author: null,
    events: [{ service: 'NHS e-Referral Service', region: 'England', status: 'planned', target: '2015-06-15' }],
    quotes: [{ speaker: null, opening: 'Practices and hospitals have helped us test the new system' }],
    entities: { regions: ['England'], providers: [], people: [] },
  },
  {
    url: `${NN}/2015/06/nhs-e-referral-service-now-live/`,
    sourceId: 'nhs-news',
    title: 'NHS e-Referral Service now live',
    published: '2015-06-15',
    author: null,
    events: [{ service: 'NHS e-Referral Service', region: 'England', status: 'live' }],
    quotes: [{ speaker: 'Jo Whitcombe', opening: 'This is a big step for the NHS' }],
    entities: { regions: ['England'], providers: [], people: ['Jo Whitcombe'] },
  },
  {
    url: `${LC}/news/newsitem.asp?id=478`,
    sourceId: 'local-ccg',
    title: 'Statement on the local NHS 111 launch',
    published: '2013-05-20',
    author: null,
    events: [{ service: 'NHS 111', region: LLR, status: 'paused', provider: DHU }],
    quotes: [{ speaker: 'Dr Avi Prasad', opening: 'We know how important this service will be' }],
    entities: { regions: [LLR], providers: [DHU], people: ['Dr Avi Prasad'] },
  },
  {
    url: `${LC}/news/newsitem.asp?id=431`,
    sourceId: 'local-ccg',
    title: 'Local NHS 111 launch to take place in June 2013',
    published: '2012-08-02',
    author: null,
    events: [{ service: 'NHS 111', region: LLR, status: 'delayed', target: '2013-06' }],
    quotes: [{ speaker: null, opening: 'We would rather get it right than be first' }],
    entities: { regions: [LLR], providers: [DHU], people: [] },
  },
  {
    url: `${LC}/news/newsitem.asp?id=412`,
    sourceId: 'local-ccg',
    title: 'Derbyshire Health United chosen to run NHS 111 locally',
    published: '2012-05-17',
    author: null,
    events: [{ service: 'NHS 111', region: LLR, status: 'provider_appointed', provider: DHU }],
    quotes: [{ speaker: 'Dr Avi Prasad', opening: 'DHU has real experience of running 111' }],
    entities: { regions: [LLR, 'Derbyshire'], providers: [DHU], people: ['Dr Avi Prasad'] },
  },
  {
    url: `${LC}/news/newsitem.asp?id=502`,
    sourceId: 'local-ccg',
    title: 'NHS 111: preparations restart with phased launch planned',
    published: '2013-09-26',
    author: null,
    events: [{ service: 'NHS 111', region: LLR, status: 'resumed', provider: DHU }],
    quotes: [
      { speaker: 'Dr Avi Prasad', opening: 'much more encouraging' },
      { speaker: 'Dr Avi Prasad', opening: 'We will still only move to each stage' },
    ],
    entities: { regions: [LLR], providers: [DHU], people: ['Dr Avi Prasad'] },
  },
  {
    url: `${LC}/news/newsitem.asp?id=440`,
    sourceId: 'local-ccg',
    title: 'Summary Care Records: letters to every household in Leicester',
    published: '2012-10-08',
    author: null,
    events: [{ service: 'Summary Care Record', region: 'Leicester', status: 'planned', target: '2013-01' }],
    quotes: [],
    entities: { regions: ['Leicester', 'Leicestershire', 'Rutland'], providers: [], people: [] },
  },
  // app-news: the text exists only once a browser has run the page's script.
  {
    url: `${AN}/news/nhs-111-live-across-the-north-east`,
    sourceId: 'app-news',
    title: 'NHS 111 now answers calls across the whole North East',
    published: '2013-03-12',
    author: 'Priya Castleton',
    events: [{ service: 'NHS 111', region: 'North East', status: 'live', provider: 'North East Ambulance Service NHS Foundation Trust' }],
    quotes: [{ speaker: 'Gemma Rowlands', opening: 'The pilot showed us what works' }],
    entities: { regions: ['North East', 'County Durham', 'Darlington'], providers: ['North East Ambulance Service NHS Foundation Trust'], people: ['Gemma Rowlands'] },
  },
  {
    url: `${AN}/news/care-data-collection-put-back-six-months`,
    sourceId: 'app-news',
    title: 'care.data: first collection of GP records put back by six months',
    published: '2014-02-18',
    author: 'Priya Castleton',
    events: [{ service: 'care.data', region: 'England', status: 'delayed' }],
    quotes: [],
    entities: { regions: [], providers: [], people: [] },
  },
];

/** Article URLs that are still "articles" to the crawler but must yield no rollout event. */
export const irrelevantArticleUrls: string[] = [
  `${TP}/news/careers/gp-partner-wanted-lincoln/20003099.article`,
  `${TP}/news/careers/salaried-gp-derby/20002880.article`,
  `${TP}/news/events/practice-managers-conference-birmingham/20002560.article`,
  `${TP}/news/views/why-appraisal-paperwork-is-driving-gps-away/20003200.article`,
  `${NN}/2013/06/hospital-car-park-resurfacing/`,
  `${NN}/2013/09/staff-raise-thousands-in-charity-fun-run/`,
  `${NN}/2014/04/annual-staff-awards-shortlist/`,
  `${NN}/2014/06/volunteers-week-thank-you/`,
  `${LC}/news/newsitem.asp?id=489`,
  `${LC}/news/newsitem.asp?id=468`,
  `${LC}/news/newsitem.asp?id=495`,
  `${AN}/news/staff-car-sharing-scheme`,
];

/** Syndicated copies: the same press release published on two sites ([original, copy]). */
export const syndicatedPairs: [string, string][] = [
  [`${NN}/2013/05/more-time-for-areas-to-launch-nhs-111/`, `${LC}/news/newsitem.asp?id=475`],
  [`${NN}/2014/02/care-data-to-take-longer/`, `${LC}/news/newsitem.asp?id=611`],
  [`${NN}/2015/06/nhs-e-referral-service-now-live/`, `${LC}/news/newsitem.asp?id=744`],
];

/** Near-duplicates: a press release reprinted with a light edit ([original, reprint]). */
export const nearDuplicatePairs: [string, string][] = [
  [`${NN}/2013/03/nhs-111-national-launch-on-1-april/`, `${TP}/news/commissioning/nhs-111-goes-national-on-easter-monday/20002655.article`],
];
