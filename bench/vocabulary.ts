// Sentence templates for the synthetic bench site, written for the bench (no published
// text). Relevant articles mix rollout statements, quotes, counts and dates the way
// trade-press stories do; irrelevant ones are ordinary hospital news, so analysis cost
// reflects a realistic share of pages where nothing should be found.

export const SERVICES = [
  'NHS 111',
  'the NHS App',
  'Pharmacy First',
  'the electronic patient record',
  'the e-referral service',
  'the summary care record',
  'virtual wards',
  'the community diagnostic centre',
  'GP online booking',
  'the urgent treatment centre',
];

export const REGIONS = [
  'Leicester, Leicestershire and Rutland',
  'Cumbria',
  'Devon',
  'Greater Manchester',
  'North East Lincolnshire',
  'Somerset',
  'Lancashire',
  'West Yorkshire',
  'Cornwall and the Isles of Scilly',
  'Kent and Medway',
  'Dorset',
  'Norfolk and Waveney',
  'Hertfordshire',
  'Sussex',
  'Birmingham and Solihull',
];

export const PROVIDERS = [
  'Derbyshire Health United',
  'NHS Direct',
  'South Central Ambulance Service',
  'Care UK',
  'Harmoni',
  'Vocare',
  'West Midlands Ambulance Service',
  'Yorkshire Ambulance Service',
  'IC24',
  'Devon Doctors',
];

/** Fictional spokespeople: name and role. */
export const PEOPLE: [string, string][] = [
  ['Dr Helen Marsh', 'clinical lead for the programme'],
  ['Mark Ellison', 'chief operating officer'],
  ['Professor Anita Rao', 'medical director'],
  ['Councillor Jim Barnes', 'chair of the health scrutiny committee'],
  ['Sarah Quinlan', 'director of digital transformation'],
  ['Tom Whitlock', 'accountable officer at the clinical commissioning group'],
  ['Dr Priya Natarajan', 'a local GP and board member'],
  ['Lord Ashby', 'the health minister'],
];

export const WHEN = [
  'by the end of March',
  'in the autumn',
  'from 1 October',
  'next spring',
  'by April next year',
  'within six weeks',
  'before the winter',
  'in early January',
  'by the summer',
  'later this month',
];

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

// Slots: {service} {region} {provider} {when} {month} {n} {m}
export const ROLLOUT_SENTENCES = [
  'Commissioners in {region} have put the launch of {service} on hold while problems with call handling are looked into.',
  'The go-live date for {service} in {region} has been pushed back to {month}, the second delay this year.',
  '{service} went live across {region} in {month}, with {provider} running the service.',
  'Health leaders in {region} expect to switch on {service} {when}, subject to final safety checks.',
  'The contract to run {service} in {region} has been scrapped following a review of performance.',
  '{provider} has been named preferred bidder to run {service} in {region}.',
  '{provider} has handed back its contract for {service} in {region}, blaming rising costs.',
  'An independent review of how {service} was introduced in {region} is now under way.',
  'Work to bring {service} to {region} restarted in {month} after a pause of three months.',
  '{n} of {m} areas have yet to complete the move to {service}, according to figures seen by this publication.',
  'NHS England has extended the national deadline for {service} to the end of {month}.',
  'Local GPs said the switch to {service} in {region} had been rushed and staff were not ready.',
  'A soft launch of {service} began in part of {region} {when}, ahead of a wider roll-out.',
  'Board papers show {provider} missed its target for answering calls within 60 seconds in {month}.',
  'The trust said {service} would reach the remaining {n} practices {when}.',
];

export const QUOTE_TEXTS = [
  'We have learned from what happened elsewhere and will only go live when it is safe',
  'Patients must come first, and a short delay is better than a service that fails them',
  'The challenge now is to make sure every area is ready before the deadline',
  'We are confident the new arrangements will be in place {when}',
  'This has been a difficult decision, but it is the right one for local people',
  'Staff have worked extremely hard and the early signs are encouraging',
];

// Ordinary hospital and health news: the pages analysis should pass over quickly.
export const GENERAL_SENTENCES = [
  'The hospital car park will be resurfaced over the coming weeks, and visitors are asked to allow extra time.',
  'Volunteers planted more than two hundred trees in the grounds of the community hospital on Saturday.',
  'The maternity unit reopened after a refurbishment that added four new birthing rooms.',
  'Staff were recognised at the annual awards evening for their work during a busy winter.',
  'Uptake of the flu vaccine among frontline staff rose compared with last year.',
  'The trust board meets in public every other month, and papers are published a week in advance.',
  'A recruitment open day for nurses and healthcare assistants will be held at the education centre.',
  'The League of Friends raised enough money to buy a new bladder scanner for the ward.',
  'Visiting hours on the children\u2019s ward have been extended to make life easier for families.',
  'The catering team has introduced a new menu designed with the help of patients.',
  'A new cycle shelter has been installed near the main entrance for staff and visitors.',
  'The hospital radio station celebrated forty years on air with a special broadcast.',
  'Outpatient appointments can now be rearranged by phone or by email.',
  'The chaplaincy team held a service of remembrance in the hospital chapel.',
  'A pilot scheme is helping people with long-term conditions manage their medicines at home.',
  'Around {n} people attended the public meeting at the town hall on {month} evening.',
  'The annual report sets out how the organisation spent its budget last year.',
  'Students from the local college spent a week shadowing staff in the pharmacy department.',
  'The stroke unit has been praised by inspectors for the quality of its care.',
  'Patients are reminded to bring a list of their current medicines to every appointment.',
];

export const GENERAL_TITLES = [
  'Awards evening celebrates hospital staff',
  'Car park works to begin next month',
  'Maternity unit reopens after refurbishment',
  'Volunteers plant trees at community hospital',
  'New menu for hospital patients',
  'Open day for nursing recruits',
  'Charity funds new equipment for ward',
  'Inspectors praise stroke unit',
];

export const ROLLOUT_TITLES = [
  '{service} launch in {region} put on hold',
  '{service} go-live delayed again',
  '{provider} to run {service} in {region}',
  '{service} goes live across {region}',
  'Review ordered into {service} roll-out',
  '{provider} pulls out of {service} contract',
];

export const NAV_SECTIONS = [
  'News',
  'Services',
  'Find us',
  'Careers',
  'About us',
  'Contact',
  'Board papers',
  'Freedom of information',
  'Patients and visitors',
  'Get involved',
  'Governance',
  'Publications',
  'Research',
  'Charity',
  'Accessibility',
];

// Local detail: many small slots, so two articles rarely share a run of three words beyond
// the template's own. Without it every article is drawn from the few dozen sentences above,
// and unrelated bench articles look like near-duplicates of one another (Jaccard ~0.33),
// which no real archive does.
// Slots: {first} {surname} {town} {dept} {thing} {verb} {day} {n} {month}
export const DETAIL_SENTENCES = [
  '{first} {surname} from {town} {verb} the {dept} team on {day} with {n} {thing}.',
  'In {town}, {first} {surname} said the {dept} had {n} {thing} waiting since {month}.',
  '{n} {thing} arrived at the {town} {dept} on {day}, according to {first} {surname}.',
  'The {dept} in {town} {verb} {first} {surname} and {n} colleagues on {day}.',
  '{first} {surname}, who has worked in {town} for {n} years, {verb} the {thing} scheme.',
  'Figures for {month} show {n} {thing} in {town}, which {first} {surname} {verb}.',
];

export const FIRST_NAMES = [
  'Alice', 'Bilal', 'Catherine', 'Dev', 'Eleanor', 'Femi', 'Grace', 'Harvey', 'Imogen', 'Jonah',
  'Kiran', 'Lucy', 'Mohammed', 'Niamh', 'Oliver', 'Poppy', 'Rashid', 'Sian', 'Theo', 'Una',
  'Victor', 'Wendy', 'Yusuf', 'Zara', 'Ahmed', 'Bethan', 'Callum', 'Daisy', 'Ewan', 'Farah',
  'Gareth', 'Hannah', 'Isaac', 'Jasmine', 'Kwame', 'Leah', 'Mei', 'Nathan', 'Orla', 'Priya',
];

export const SURNAMES = [
  'Abbott', 'Bains', 'Carver', 'Doyle', 'Egan', 'Fenwick', 'Gill', 'Holt', 'Iqbal', 'Jarvis',
  'Kaur', 'Lowe', 'Mensah', 'Nolan', 'Okafor', 'Pike', 'Quinn', 'Rahman', 'Shaw', 'Thorpe',
  'Usman', 'Vaughan', 'Walsh', 'Yates', 'Ashworth', 'Brennan', 'Chopra', 'Dunne', 'Ellis', 'Foster',
  'Griffiths', 'Hughes', 'Irving', 'Jones', 'Khan', 'Lister', 'Moran', 'Nash', 'Owens', 'Patel',
];

export const TOWNS = [
  'Ashford', 'Barnstaple', 'Carlisle', 'Darlington', 'Exmouth', 'Frome', 'Grantham', 'Hexham',
  'Ilkeston', 'Jarrow', 'Kendal', 'Loughborough', 'Macclesfield', 'Newark', 'Oldham', 'Penrith',
  'Redruth', 'Skegness', 'Taunton', 'Ulverston', 'Wakefield', 'Yeovil', 'Bideford', 'Chorley',
  'Dover', 'Ely', 'Fleetwood', 'Goole', 'Hinckley', 'Ipswich', 'Keswick', 'Ludlow',
];

export const DEPARTMENTS = [
  'physiotherapy', 'radiology', 'outpatients', 'pharmacy', 'pathology', 'dermatology', 'audiology',
  'cardiology', 'orthopaedic', 'podiatry', 'dietetics', 'endoscopy', 'ophthalmology', 'urology',
  'haematology', 'rheumatology', 'neurology', 'speech therapy', 'occupational therapy', 'renal',
  'stroke rehabilitation', 'fracture clinic', 'sexual health', 'breast screening',
];

export const THINGS = [
  'referrals', 'wheelchairs', 'home visits', 'blood samples', 'hearing aids', 'scans', 'volunteers',
  'parcels of equipment', 'hospital beds', 'prescriptions', 'letters', 'walking frames', 'x-rays',
  'patient surveys', 'food hampers', 'donated books', 'training places', 'care packages',
  'repeat appointments', 'new chairs', 'test kits', 'leaflets', 'laptops', 'night shifts',
];

export const DETAIL_VERBS = [
  'thanked', 'visited', 'praised', 'joined', 'surprised', 'welcomed', 'supported', 'questioned',
  'helped', 'briefed', 'challenged', 'reassured', 'met', 'trained', 'called', 'wrote to',
];

export const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
