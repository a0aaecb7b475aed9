// "Why was this coded?" in an analyst's words: the pattern behind an event (its evidence string,
// docs/events.md), its mode and its confidence, read into sentences. Nothing here changes what the
// coder found; it only says it.

// "verbs/core.tsv:57 'reject' subj>obj", then optionally "derived from FILE 'SEED' (CODE) via WordNet SYN",
// then optionally " negated|future|peacekeeping FROM->TO", then "; notes" added by later stages
const EVIDENCE = new RegExp(String.raw`^(?<file>[^\s:]+):(?<line>\d+) '(?<words>[^']*)' (?<src>[^\s>]*)>(?<tgt>[^\s;]*)` +
  String.raw`(?: derived from (?<seedFile>\S+) '(?<seed>[^']+)' \((?<seedCode>[^)]+)\) via WordNet (?<synsets>\S+))?` +
  String.raw`(?: (?<change>negated|future|peacekeeping) (?<from>\w+)->(?<to>\w+))?(?<rest>.*)$`);

/** The evidence string as its parts, or null when it is not in the coder's format (a user's tool). */
export function parseEvidence(evidence) {
  const m = EVIDENCE.exec(evidence || "");
  if (!m) return null;
  const g = m.groups;
  return {
    file: g.file, line: Number(g.line), kind: g.file.startsWith("nouns/") ? "noun" : "verb",
    words: g.words, source: g.src.split(",").filter((x) => x && x !== "-"),
    target: g.tgt.split(",").filter((x) => x && x !== "-"),
    derived: g.seed ? { file: g.seedFile, seed: g.seed, code: g.seedCode, synsets: g.synsets } : null,
    change: g.change ? { kind: g.change, from: g.from, to: g.to } : null,
    notes: g.rest.split(";").map((x) => x.trim()).filter(Boolean),
  };
}

const VERB_SLOTS = {
  subj: "a subject", obj: "an object", iobj: "an indirect object",
  xsubj: "the party told to act (“urged Iran to stop”)", any: "an object or a prepositional phrase",
  "first-actor": "the first coded actor after it", front: "a party named before it",
  above: "the subject of the verb above it",
};
const NOUN_SLOTS = {
  subj: "a party that owns or does it (“Russia's …”, “… by rebels”, “the US held …”)", obj: "an “of” phrase",
  any: "an “of” phrase or a prepositional phrase", "first-actor": "the first coded actor after it",
  front: "a party that owns or does it",
};

function slotWords(slot, kind) {
  const table = kind === "noun" ? NOUN_SLOTS : VERB_SLOTS;
  if (table[slot]) return table[slot];
  let m = /^prep:(.+)$/.exec(slot);
  if (m) return `a “${m[1].replaceAll("_", " ")}” phrase`;
  m = /^past:(.+)$/.exec(slot);
  if (m) return `the first coded actor after “${m[1]}”`;
  return slot;
}

function either(slots, kind) {
  const words = slots.map((s) => slotWords(s, kind));
  return words.length <= 1 ? words.join("") : `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
}

/** "'reject' with a subject and an object: REJECT" — the pattern of ``parsed`` in plain words. */
export function ruleSentence(parsed, typeName) {
  const written = parsed.words.replaceAll("|", "/");
  const what = parsed.kind === "noun" ? `the noun ‘${written}’` : `‘${written}’`;
  const src = parsed.source.length ? either(parsed.source, parsed.kind) : null;
  const tgt = parsed.target.length ? either(parsed.target, parsed.kind) : null;
  const slots = src && tgt ? `with ${src} (the source) and ${tgt} (the target)`
    : src ? `with ${src} (the source) and no target` : tgt ? `with ${tgt} (the target)` : "on its own";
  return `${what} ${slots}: ${typeName}`;
}

/** What a mode means, and what makes the coder choose it. */
export const MODE_MEANING = {
  asserted: "reported as done: no negation, modal, condition or future marker governs the trigger",
  negated: "said not to have happened: a “not” or “never”, or a verb of denial or refusal (“denied”, " +
    "“refused to”), governs the trigger",
  future: "announced or planned, not yet done: “will”, a verb of intention (“plans to”, “agreed to”) or a date " +
    "after the publication day",
  hypothetical: "possible, feared or demanded, not done: a modal (“could”, “may”), a condition (“if”) or a word " +
    "of fear or demand governs the trigger",
  background: "done, but history: a time expression places it months or years before the article (“in 1994”, " +
    "“last January”), so it is not counted as the news of the day",
};

/** The sentence saying how a mode changed the code ("negated 085->1244"). */
export function changeSentence(change, codes) {
  const name = (code) => (codes && codes.get(code) ? `${code} ${codes.get(code).name}` : code);
  if (change.kind === "negated") {
    return `A refused act: the negated ${name(change.from)} is coded as the refusal ${name(change.to)}, as the ` +
      "CAMEO codebook does, and counted as asserted.";
  }
  if (change.kind === "future") {
    return `A stated intention: the announced ${name(change.from)} is coded as ${name(change.to)}, as the CAMEO ` +
      "codebook codes an intent.";
  }
  return `A peacekeeping mission: ${name(change.from)} is coded as ${name(change.to)}.`;
}

/** The confidence, with what it means (the coder's score, not a probability). */
export function confidenceSentence(value) {
  if (value === null || value === undefined) return "not given";
  return `${Number(value).toFixed(2)}, the coder's own score from 0 to 1, not a measured probability`;
}

/** How the coder's score is made, said once under the cards. */
export const CONFIDENCE_NOTE = "Confidence is the coder's score from 0 to 1, not a measured probability: it " +
  "is higher when both parties are coded actors and the pattern has more words, and lower when the trigger sits " +
  "under another verb or the event is not asserted. Only asserted events between two coded actors are counted in " +
  "dyad and actor totals.";
