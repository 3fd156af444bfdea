import { describe, expect, it } from 'vitest';
import { extractArticle, extractArticleReport } from '../../pipeline/article/extract.ts';
import { page, STORY } from './pages.ts';

const URL_ = 'https://news.example.org/2013/05/phone-line';

describe('generic body extraction', () => {
  it('returns the story paragraphs in order, joined by blank lines', () => {
    const a = extractArticle(page(), URL_);
    expect(a.paragraphs).toEqual(STORY);
    expect(a.body).toBe(STORY.join('\n\n'));
    expect(a.title).toBe('Urgent care phone line launch paused');
  });

  it('leaves out a cookie banner, a share bar and navigation', () => {
    const html = page({
      before: `<div id="cookie-consent" class="cookie-banner"><p>We use cookies to improve your experience of this website, and to count visitors, so please accept them.</p><button>Accept</button></div>`,
      article: `<div class="share-bar"><a href="#">Share on social media</a> <a href="#">Email this story</a></div>${STORY.map((p) => `<p>${p}</p>`).join('')}`,
    });
    const a = extractArticle(html, URL_);
    expect(a.body).not.toMatch(/cookies|Share on|Email this/);
    expect(a.body).not.toMatch(/Opinion|Jobs/);
    expect(a.paragraphs).toEqual(STORY);
  });

  it('leaves out reader comments, even when they are longer than the story', () => {
    const comment = (n: number) =>
      `<li class="comment"><p>Reader ${n} wrote: I waited for ages on the old line, and nobody could tell me when the new one would open, which seems typical of how these things are planned.</p></li>`;
    const html = page({ after: `<section id="comments" class="comments-area"><h2>Comments</h2><ol>${Array.from({ length: 12 }, (_, i) => comment(i)).join('')}</ol></section>` });
    const a = extractArticle(html, URL_);
    expect(a.body).not.toMatch(/Reader \d+ wrote/);
    expect(a.paragraphs).toEqual(STORY);
  });

  it('leaves out a related-stories box and teaser cards inside the article', () => {
    const card = (t: string) => `<div class="card"><a href="/x"><h3>${t}</h3></a><p>A short summary of another story that readers might like.</p></div>`;
    const html = page({
      article: `${STORY.slice(0, 2).map((p) => `<p>${p}</p>`).join('')}
        <aside class="related"><h4>Related</h4><ul><li><a href="/a">Ambulance times worsen again</a></li><li><a href="/b">Pharmacy scheme extended</a></li></ul></aside>
        <div class="more">${card('Hospital opens new ward')}${card('Dentists warn of shortages')}</div>
        ${STORY.slice(2).map((p) => `<p>${p}</p>`).join('')}`,
    });
    const a = extractArticle(html, URL_);
    expect(a.body).not.toMatch(/Ambulance times|Pharmacy scheme|Hospital opens|Dentists warn/);
    expect(a.paragraphs).toEqual(STORY);
  });

  it('keeps subheadings and list items in reading order, drops captions', () => {
    const html = page({
      article: `<p>${STORY[0]}</p>
        <figure><img src="a.jpg"><figcaption>The call centre, pictured last year by a staff photographer.</figcaption></figure>
        <h2>What happens next</h2>
        <p>${STORY[1]}</p>
        <ul><li>Staffing will be reviewed in June.</li><li>Testing resumes in July.</li><li>A decision follows in August.</li></ul>
        <p>${STORY[2]}</p>`,
    });
    const a = extractArticle(html, URL_);
    expect(a.paragraphs).toEqual([
      STORY[0],
      'What happens next',
      STORY[1],
      'Staffing will be reviewed in June.',
      'Testing resumes in July.',
      'A decision follows in August.',
      STORY[2],
    ]);
  });

  it('keeps a short "Jo Bloggs said:" line that introduces the next paragraph, but drops a field label', () => {
    const lines = ['The county will switch its urgent care line over to the new number in the autumn, the council confirmed.', 'Carla Nunes said:', '“Callers will get through to a nurse far sooner than they do today.”'];
    const a = extractArticle(page({ article: `${lines.map((p) => `<p>${p}</p>`).join('')}<p>Publish date:</p>` }), URL_);
    expect(a.paragraphs).toEqual(lines);
  });

  it('works on a page in another language with no helpful class names', () => {
    const texte = [
      "L'agence régionale de santé a suspendu le lancement du nouveau numéro d'urgence, faute de personnel suffisant dans le centre d'appels.",
      "Le service devait ouvrir au printemps dans tout le département, mais le prestataire n'a pas encore atteint les délais de réponse prévus.",
      'Une nouvelle date sera annoncée après la fin des essais, selon un porte-parole de l’agence, qui promet une information rapide.',
    ];
    const html = `<html lang="fr"><body><div><a href="/">Accueil</a> | <a href="/actu">Actualités</a></div><div><div>${texte
      .map((p) => `<p>${p}</p>`)
      .join('')}</div></div><div><a href="/mentions">Mentions légales</a></div></body></html>`;
    expect(extractArticle(html, URL_).paragraphs).toEqual(texte);
  });

  it('reads text written straight into a wrapper between line breaks', () => {
    const html = `<html><body><div class="content">${STORY.join('<br><br>')}</div></body></html>`;
    expect(extractArticle(html, URL_).paragraphs).toEqual(STORY);
  });
});

describe('per-source selectors', () => {
  it('uses the body selector when it finds the story', () => {
    const html = page({ after: '<div class="extra"><p>A note from the editor that the generic extractor would not include in the story.</p></div>' });
    const r = extractArticleReport(html, URL_, { selectors: { body: '.story-body' } });
    expect(r.bodyOrigin).toBe('selector');
    expect(r.article.paragraphs).toEqual(STORY);
  });

  it('falls back to the generic extractor when a selector finds nothing', () => {
    const r = extractArticleReport(page(), URL_, { selectors: { body: '.old-template-body', title: '.old-headline' } });
    expect(r.bodyOrigin).toBe('generic');
    expect(r.selectorMisses).toEqual(expect.arrayContaining(['body', 'title']));
    expect(r.article.paragraphs).toEqual(STORY);
    expect(r.article.title).toBe('Urgent care phone line launch paused');
  });

  it('does not let a selector that caught only a fragment win', () => {
    const html = page({ article: `<p class="standfirst">A short summary line.</p>${STORY.map((p) => `<p>${p}</p>`).join('')}` });
    const r = extractArticleReport(html, URL_, { selectors: { body: '.standfirst' } });
    expect(r.bodyOrigin).toBe('generic-over-selector');
    expect(r.article.body).toContain(STORY[3]);
  });

  it('drops elements named in `remove` before extracting', () => {
    const html = page({ article: `${STORY.map((p) => `<p>${p}</p>`).join('')}<p class="promo-line">Subscribe to our daily bulletin for more stories about the health service in your area.</p>` });
    const a = extractArticle(html, URL_, { selectors: { remove: ['.promo-line'] } });
    expect(a.body).not.toContain('Subscribe');
  });
});

describe('canonical URL', () => {
  it('prefers rel=canonical, then og:url, then the given URL', () => {
    expect(extractArticle(page({ head: '<link rel="canonical" href="/story/1"><meta property="og:url" content="https://og.example.org/s">' }), URL_).url).toBe(
      'https://news.example.org/story/1',
    );
    expect(extractArticle(page({ head: '<meta property="og:url" content="https://og.example.org/s">' }), URL_).url).toBe('https://og.example.org/s');
    expect(extractArticle(page(), URL_).url).toBe(URL_);
  });
});

describe('robustness', () => {
  it('does not throw on malformed HTML and still finds the text', () => {
    const html = `<html><body><div><p>${STORY[0]}<p>${STORY[1]}</div></span><table><tr><td>${STORY[2]}</div><b><i>${STORY[3]}</b></i><!-- unclosed`;
    const a = extractArticle(html, URL_);
    expect(a.body).toContain(STORY[0].slice(0, 40));
    expect(() => extractArticle('', URL_)).not.toThrow();
    expect(() => extractArticle('<<<>>><div', URL_)).not.toThrow();
    expect(extractArticle('', URL_).paragraphs).toEqual([]);
  });

  it('survives very deep nesting', () => {
    const html = `<html><body>${'<div>'.repeat(20000)}<p>${STORY[0]}</p>${'</div>'.repeat(20000)}</body></html>`;
    expect(extractArticle(html, URL_).body).toContain('Commissioners');
  });

  it('extracts a 5 MB page in a few seconds', () => {
    const filler = Array.from({ length: 10000 }, (_, i) => `<li><a href="/archive/${i}">Archive entry number ${i} from the long list of older stories</a> <span>with a short note</span></li>`).join('');
    const html = page({ after: `<div class="archive"><ul>${filler.repeat(4)}</ul></div>`, article: STORY.map((p) => `<p>${p}</p>`).join('') });
    expect(html.length).toBeGreaterThan(5_000_000);
    const t0 = performance.now();
    const a = extractArticle(html, URL_);
    expect(performance.now() - t0).toBeLessThan(15_000);
    expect(a.paragraphs).toEqual(STORY);
  });
});

describe('declared article text', () => {
  it('uses JSON-LD articleBody when the visible page has almost no text', () => {
    const body = [
      'The trust said the new record system would replace paper notes on every ward by the end of the year, starting with the children’s unit.',
      'Staff have been trained in small groups, and a help desk will stay open around the clock during the first month after the switch.',
      'Patients should not notice any change, the trust added, although some clinics may run a little slower while teams get used to it.',
      'Two other hospitals in the region moved to the same system last year and reported fewer lost test results within six months.',
    ];
    const ld = JSON.stringify({ '@type': 'NewsArticle', articleBody: body.join('\n') });
    const html = `<html><head><script type="application/ld+json">${ld}</script></head><body><div id="app"><p>Loading the story, please wait a moment.</p></div></body></html>`;
    const r = extractArticleReport(html, URL_);
    expect(r.bodyOrigin).toBe('json-ld');
    expect(r.article.paragraphs).toEqual(body);
  });

  it('keeps the visible text when it is as full as the declared one', () => {
    const ld = JSON.stringify({ '@type': 'NewsArticle', articleBody: STORY.join(' ') });
    const r = extractArticleReport(page({ head: `<script type="application/ld+json">${ld}</script>` }), URL_);
    expect(r.bodyOrigin).toBe('generic');
    expect(r.article.paragraphs).toEqual(STORY);
  });
});
