// The event finder's cue tables are data (sources/lexicon/event-cues.json): they compile once,
// and a broken file stops the load with the file and the field named.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEventCues } from '../../pipeline/analyse/events/cues.ts';

const shipped = fileURLToPath(new URL('../../sources/lexicon/event-cues.json', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'rollwatch-event-cues-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Parsed JSON edited freely by each case: `any` is what JSON.parse gives, and the loader under test does the checking.
function edited(change: (raw: Record<string, any>) => void): string {
  const raw = JSON.parse(readFileSync(shipped, 'utf8'));
  change(raw);
  const path = join(dir, 'event-cues.json');
  writeFileSync(path, JSON.stringify(raw));
  return path;
}

describe('event cue lexicon', () => {
  const cues = loadEventCues(shipped);

  it('compiles the shipped tables into the cues the finder uses', () => {
    expect(cues.national.test('The helpline now runs across England.')).toBe(true);
    expect(cues.national.test('The helpline now runs in Dorset.')).toBe(false);
    expect(cues.anaphora.test('Since then the new helpline has taken more calls.')).toBe(true);
    expect(cues.otherObject.test(' the board meeting on the new app')).toBe(true);
    expect(cues.runByBefore.test('which is to be run by the ')).toBe(true);
    expect(cues.numberWords.get('twelve')).toBe(12);
  });

  it('a word added to a list changes what the finder weighs, with no code change', () => {
    expect(cues.otherObject.test(' the inspection of the new unit')).toBe(false);
    const path = edited((raw) => raw.otherObject.nouns.push('inspection'));
    expect(loadEventCues(path).otherObject.test(' the inspection of the new unit')).toBe(true);
  });

  it('compiles the guards that tell a status about the service from one about people, bodies or a replaced system', () => {
    const g = cues.guards;
    expect(g.peopleSubject.test('Two call handlers at the centre')).toBe(true);
    expect(g.peopleSubject.test('The booking system at the centre')).toBe(false);
    expect(g.intentionBefore.test('The board hopes to ')).toBe(true);
    expect(g.toAppoint.test('The council expects to name a bidder ')).toBe(true);
    expect(g.neverHappened.test(' but the pilot never got off the ground')).toBe(true);
    expect(g.asBodyAfter.test(' as an organisation next year')).toBe(true);
    expect(g.replaced.test('and its legacy ')).toBe(true);
    expect(cues.aboutWhich.replacedBefore.test('the new line is replacing the ')).toBe(true);
    expect(cues.aboutWhich.replacedBefore.test('the new line is joining the ')).toBe(false);
    expect(cues.aboutWhich.qualifiedBefore.test('several parts of ')).toBe(true);
  });

  it('a guard word added to the file counts with no code change', () => {
    expect(cues.guards.peopleSubject.test('The porters were stood down')).toBe(false);
    const path = edited((raw) => raw.statusGuards.peopleNouns.push('porters'));
    expect(loadEventCues(path).guards.peopleSubject.test('The porters were stood down')).toBe(true);
    expect(() => loadEventCues(edited((raw) => { delete raw.aboutWhich.roleNouns; }))).toThrow(/event-cues\.json: aboutWhich\.roleNouns/);
  });

  it('a missing or empty list fails naming the file and the field', () => {
    expect(() => loadEventCues(edited((raw) => { delete raw.future; }))).toThrow(/event-cues\.json: future\.words must be a non-empty list of strings/);
    expect(() => loadEventCues(edited((raw) => { raw.anaphora.nouns = []; }))).toThrow(/event-cues\.json: anaphora\.nouns/);
    expect(() => loadEventCues(edited((raw) => { raw.consequence.words = ['leaving', 3]; }))).toThrow(/event-cues\.json: consequence\.words/);
  });

  it('a pattern that is not a regular expression fails naming the field', () => {
    expect(() => loadEventCues(edited((raw) => raw.listOfAreas.alternatives.push('(unclosed')))).toThrow(/event-cues\.json: listOfAreas is not a valid regular expression/);
  });

  it('number words must map words to numbers', () => {
    expect(() => loadEventCues(edited((raw) => { raw.numberWords.values.dozen = 'twelve'; }))).toThrow(/event-cues\.json: numberWords\.values\.dozen/);
  });

  it('a file that is not JSON fails naming the file', () => {
    const path = join(dir, 'event-cues.json');
    writeFileSync(path, '{ "national": ');
    expect(() => loadEventCues(path)).toThrow(/event-cues\.json: not readable JSON/);
  });
});
