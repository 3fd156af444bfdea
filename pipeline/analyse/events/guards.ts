// The words around a status cue that cancel it or mark it as an overtaken plan, read from the
// `statusGuards` group of sources/lexicon/event-cues.json; the frames each list goes in live here.

/** What status.ts tests a cue's surroundings with; each is named for what a match means. */
export interface StatusGuards {
  /** In the clause before a plan: "the original deadline", "had been due to". */
  superseded: RegExp;
  /** Just before a resumed, cancelled or live cue: "plans to restart". */
  intentionBefore: RegExp;
  /** Just before an appointment: "expects to name", "is due to award the contract". */
  expectationBefore: RegExp;
  toAppoint: RegExp;
  /** Around a plan: the timetable of buying a service. */
  procurement: RegExp;
  /** Before a review: one already finished. */
  finishedReview: RegExp;
  /** After a plan: a date gone by. */
  goneBy: RegExp;
  /** Just before a live cue: "stopped taking calls". */
  stoppedBefore: RegExp;
  /** The clause before a stop opens on people ("staff were suspended"), unless it names the service's work. */
  peopleSubject: RegExp;
  serviceWord: RegExp;
  /** "introduced to patients": a launch to the public, not a person introduced to a service. */
  introducedToPublic: RegExp;
  /** "does not affect the other centre". */
  notAffected: RegExp;
  /** "never got under way". */
  neverHappened: RegExp;
  /** "close as an organisation": the fate of a body. */
  asBodyAfter: RegExp;
  asBodyBefore: RegExp;
  /** Reported speech opening a clause: "The union said (that)". */
  reportedSpeech: RegExp;
  /** "the old system is switched off": what is replaced. */
  replaced: RegExp;
  /** "was due to go live": a plan the news overtakes. */
  overtakenPlan: RegExp;
  /** "more time": a pause's purpose, not a second delay. */
  moreTime: RegExp;
}

/** Builds the guards from `list(key)`, the alternatives of statusGuards.key joined with '|'. */
export function compileStatusGuards(list: (key: string) => string, compile: (source: string) => RegExp): StatusGuards {
  const g = (key: string) => `(?:${list(key)})`;
  const body = g('bodyNouns');
  return {
    superseded: compile(String.raw`\b${g('supersededMarks')}\b`),
    intentionBefore: compile(String.raw`\b${g('intentionVerbs')} to\s+(?:\w+\s+)?$`),
    expectationBefore: compile(String.raw`\b${g('expectationVerbs')} to\s*$`),
    toAppoint: compile(String.raw`\b${g('appointExpectations')} to ${g('appointVerbs')}\b(?:\s+\S+){0,2}\s*$`),
    procurement: compile(String.raw`\b${g('procurementWords')}\b`),
    finishedReview: compile(String.raw`\b${g('finishedReviewWords')}\b(?:\s+\S+){0,4}\s*$`),
    goneBy: compile(String.raw`\b${g('goneByWords')}\b`),
    stoppedBefore: compile(String.raw`\b${g('stoppedWords')}\s+$`),
    peopleSubject: compile(String.raw`^\W*(?:\w+\s+){0,2}(?:${list('peopleNouns')}|the ${g('peopleRoles')})\b`),
    serviceWord: compile(String.raw`\b${g('serviceWords')}\b`),
    introducedToPublic: compile(String.raw`^\s+to\s+${g('publicAudience')}\b`),
    notAffected: compile(String.raw`^\s+(?:\w+\s+)?(?:does|do|did|will|would|has|have|is|are)\s*(?:not|n['’]t)\s+(?:\w+\s+)?${g('notAffectedVerbs')}`),
    neverHappened: compile(String.raw`\b${g('neverNegators')} (?:\w+ )?${g('neverVerbs')}\b`),
    asBodyAfter: compile(String.raw`^\s*(?:\w+\s+)?as an? ${body}\b`),
    asBodyBefore: compile(String.raw`\bas an? ${body}\s+$`),
    reportedSpeech: compile(String.raw`^.*\b${g('reportingVerbs')}\s+(?:that\s+)?`),
    replaced: compile(String.raw`\b(?:the|its|their)\s+${g('replacedAdjectives')}\b`),
    overtakenPlan: compile(String.raw`\b(?:was|were|had been)\s+(?:\w+\s+)?${g('overtakenPlanWords')}\b`),
    moreTime: compile(String.raw`\b${g('moreTimeWords')} time\b`),
  };
}

/** Which service or place a status speaks of (the `aboutWhich` group). */
export interface ServiceGuards {
  /** Before a service: it is the one replaced ("replacing the", "in place of"). */
  replacedBefore: RegExp;
  /** The same, with "taking over from": for the services of one cue. */
  replacedOrTakenOverBefore: RegExp;
  /** After a service's name, or ending it: the name only modifies people ("111 call handlers"). */
  roleNounsAfter: RegExp;
  roleNounsEnd: RegExp;
  /** A clause that opens on people or another body is about them, not the service named elsewhere. */
  otherSubject: RegExp;
  /** "areas of", "the first in": before England, only part of the country. */
  qualifiedBefore: RegExp;
  /** Between a status verb and its object: determiners, "services at", a place's name ("suspending births at Ludlow MLU"). */
  toObject: RegExp;
}

export function compileServiceGuards(list: (key: string) => string, compile: (source: string, flags?: string) => RegExp): ServiceGuards {
  const g = (key: string) => `(?:${list(key)})`;
  const roles = g('roleNouns');
  return {
    replacedBefore: compile(String.raw`\b${g('replaceVerbs')}\s+(?:the\s+)?$`),
    replacedOrTakenOverBefore: compile(String.raw`\b(?:${list('replaceVerbs')}|${list('takeOverPhrases')})\s+(?:the\s+)?$`),
    roleNounsAfter: compile(String.raw`^\s+${roles}\b`),
    roleNounsEnd: compile(String.raw`\s${roles}$`),
    otherSubject: compile(String.raw`^\s*(?:[A-Z]\w*\s+){0,1}(?:${list('otherSubjects')}|the ${g('otherBodies')}|a new)\b`),
    qualifiedBefore: compile(String.raw`\b${g('areaParts')}\s+(?:\w+\s+)?(?:of|in|across)\s+$|`
      + String.raw`\b(?:the|a)\s+(?:first|only|last|few)\s+(?:\w+\s+)?in\s+$`),
    toObject: compile(String.raw`^\s+(?:(?:the|its|their|all|some|${list('beforeObject')}|at|in|of|for|on|to|from)\s+|[A-Z][\w'’-]*\s+){0,4}$`, ''),
  };
}
