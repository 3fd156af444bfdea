// resolveServiceReference: "the app", "the new helpline", "the system", "it" point back to the
// nearest earlier service of a compatible type, not to the first service the article names.
import { describe, expect, it } from 'vitest';
import { findServices } from '../../pipeline/analyse/services.ts';
import { findServiceReference, resolveServiceReference, typedReferenceCounts } from '../../pipeline/analyse/service-reference.ts';
import { tokenize } from '../../pipeline/analyse/gazetteer.ts';
import { knowledge } from './helpers.ts';

/** The service the last sentence of `text` refers back to. */
function resolved(text: string): string | null {
  const services = findServices(text, tokenize(text), knowledge());
  const start = text.lastIndexOf('. ') + 2;
  return resolveServiceReference({ text: text.slice(start), start }, services, knowledge().servicePatterns)?.name ?? null;
}

describe('a reference finds the nearest service of its kind', () => {
  it('"the app" is the app, though a helpline was named first and later', () => {
    expect(resolved('NHS 111 took more calls this winter. The NHS App added a booking feature, and NHS 111 staff praised it. Since then the app has been paused.'))
      .toBe('NHS App');
  });

  it('"the new helpline" is the helpline, not a record named since', () => {
    expect(resolved('Devon began using NHS 111 in May. The Summary Care Record was offered there too. GPs said the new helpline was busy.')).toBe('NHS 111');
  });

  it('"the system" is a system or record, not a scheme', () => {
    expect(resolved('The trust in Yeovil installed Lorenzo in 2012. Pharmacy First began in the town last year. Doctors say the system still crashes.')).toBe('Lorenzo');
  });

  it('"the programme" is a programme or screening, the nearest such', () => {
    expect(resolved('Bowel scope screening reached Hull. The NHS App arrived later. Officials have now stopped the programme.')).toBe('bowel scope screening');
  });

  it('"the app" is the app even when an online service was named after it', () => {
    const text = 'The NHS App opened to testers in Leeds. It links to NHS 111 online for symptom checks. Doctors said the app worked well.';
    expect(resolved(text)).toBe('NHS App');
  });

  it('"it" is the nearest service of any kind', () => {
    expect(resolved('The NHS App reached Leeds first. Choose and Book followed in June. It was switched off in 2015.')).toBe('Choose and Book');
  });
});

describe('narrowing and scope', () => {
  it('"the online service" is the online service, though the phone line was named since', () => {
    expect(resolved('NHS 111 online reached Ipswich in May. Callers to NHS 111 waited longer. Bury went live with the online service in June.'))
      .toBe('NHS 111 online');
  });

  it('an untyped "the service" looks back only within its paragraph, else to the story\'s service', () => {
    const text = 'Pharmacy First starts in Kent in March. Pharmacy First covers seven conditions.\n\nGP Connect sends notes back.\n\nChains expect the service in every branch by May.';
    const services = findServices(text, tokenize(text), knowledge());
    const start = text.lastIndexOf('\n') + 1;
    const got = resolveServiceReference({ text: text.slice(start), start }, services, knowledge().servicePatterns, { paragraphStart: start });
    expect(got?.name).toBe('Pharmacy First');
  });
});

describe('when nothing earlier fits', () => {
  it('takes a compatible service named later in the article', () => {
    const text = 'Ministers said the helpline would open soon. NHS 111 is run by ambulance trusts.';
    const services = findServices(text, tokenize(text), knowledge());
    expect(resolveServiceReference({ text: text.slice(0, 44), start: 0 }, services, knowledge().servicePatterns)?.name).toBe('NHS 111');
  });

  it('falls back to the article\'s first service when no service has the reference\'s type', () => {
    expect(resolved('The Summary Care Record was halted in Bolton. No uploads went to the NHS Spine. The scheme restarts in June.')).toBe('Summary Care Record');
  });

  it('gives nothing for a clause with no reference, or an article with no service', () => {
    expect(resolved('The NHS App reached Leeds. Hospitals were busy on Monday.')).toBeNull();
    expect(resolved('Nothing was said. Then the app was paused.')).toBeNull();
  });
});

describe('what counts as a reference', () => {
  const p = () => knowledge().servicePatterns;
  it('a reference noun after a determiner, up to two words apart', () => {
    expect(findServiceReference('Users said its revamped booking app was slow.', 0, [], p())?.noun).toBe('app');
  });

  it('not the word inside a service\'s own name, nor an impersonal "it"', () => {
    const text = 'The NHS App is live. It is understood that more will follow.';
    const services = findServices(text, tokenize(text), knowledge());
    expect(findServiceReference(text, 0, services, p())).toBeNull();
  });
});

describe('how often a story points back to each service', () => {
  it('counts "the app" for the app and "the helpline" for the helpline, but not "the service"', () => {
    const text = 'The NHS App began a trial in Hull, next to NHS Choices and NHS Choices pages. The app was slow at first. '
      + 'Later the app improved, and its new app design won praise. NHS 111 then added the service.';
    const services = findServices(text, tokenize(text), knowledge());
    const counts = typedReferenceCounts(text, services, knowledge().servicePatterns);
    expect(counts.get('NHS App')).toBe(3);
    expect(counts.get('NHS 111')).toBeUndefined();
  });
});
