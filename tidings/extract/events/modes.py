"""Whether an event is asserted, negated, future or hypothetical, read from the syntax around its trigger.

A trigger is negated by its own 'not' or by a negating verb above it ("denied it has plans to attack");
hypothetical under a modal of possibility, a condition ("if ... attacks"), a word of fear or possibility
("fears of a possible invasion"); future under 'will' or a verb of intention ("plans to meet").
The walk up the tree stops at the first verb that is itself a coded event's trigger's clause root or
after a few steps, so unrelated clauses do not leak their mode.
"""
from __future__ import annotations

from spacy.tokens import Token

from tidings.extract.events.common import ANSWERING
from tidings.extract.events.syntax import answering_verb, has_to, noun_infinitive
from tidings.extract.timex import period_end
from tidings.headline import headline_future

ASSERTED, NEGATED, FUTURE, HYPOTHETICAL = "asserted", "negated", "future", "hypothetical"
#: done, but placed by the text months or years before the article: history told as background ("the
#: 1994 genocide", "recalled its envoy last January"), not the news of the day (AG guide rule 6)
BACKGROUND = "background"
#: how far before the article's date a time expression's period must end for its event to be background:
#: "last week", "a month ago" are the news; "in March" (written in August), "last year", "in 1994" are not
BACKGROUND_DAYS = 31

# ("ruled out an attack": 'rule' with 'out'; "Iran's *refusal* to suspend", "Syria's *failure* to withdraw")
NEGATING = frozenset({"deny", "dismiss", "refute", "rule", "refuse", "decline", "fail", "refusal", "failure",
                      "collapse", "stall", "founder", "break"})  # (talks that collapsed or broke down failed)
#: verbs that state a refusal: said in the future tense ("will reject any proposal") they refuse now; a
#: boycott announced is a threat (PLOVER), and "would violate the law" a prediction, neither a refusal
REFUSING_VERBS = frozenset({"reject", "refuse", "veto", "decline", "rebuff", "spurn", "oppose", "resist"})
NEGATING_WORDS = frozenset({"not", "n't", "never", "no", "neither", "nor", "without"})
#: negating verbs that negate only with their particle: "ruled *out*", "broke *down*"
_WITH_PARTICLE = {"rule": "out", "break": "down"}
POSSIBLE_MODALS = frozenset({"could", "might", "may", "should", "can", "must"})
FUTURE_MODALS = frozenset({"will", "shall", "'ll", "wo", "would", "'d"})
#: a plot's act was planned in secret, not announced (no threat, as "will attack" is), and may never come
PLOTTING = frozenset({"plot", "conspire", "scheme"})
#: a foiled act was stopped before it happened ("an attack on the court *was foiled*", "police *thwarted* a
#: bombing"); an attack launched that failed is still an attack (AG guide rule 11: "escapes")
FOILING = frozenset({"foil", "thwart", "avert", "forestall", "preempt", "pre-empt"})
#: an act put off or called off has not happened ("the visit *was postponed*", "cancelled the talks")
CALLING_OFF = frozenset({"postpone", "delay", "defer", "cancel", "shelve", "scrap"})
HYPOTHETICAL_WORDS = frozenset({
    "fear", "possible", "possibility", "potential", "risk", "threat", "warn", "consider", "weigh", "mull",
    "contemplate", "if", "unless", "whether", "speculation", "rumour", "rumor", "prospect", "likely",
    "unlikely", "want", "seek", "try", "attempt", "hope", "could", "might",
    "threaten", "urge", "encourage", "call", "demand", "ask", "propose", "suggest", "need", "require", "invite", "invitation",
    "appeal", "plead", "beg", "implore", "press", "pressure", "pressurise", "pressurize", "lobby", "exhort",
    *PLOTTING, *FOILING, *CALLING_OFF,
})
FUTURE_WORDS = frozenset({
    "plan", "intend", "prepare", "schedule", "set", "expect", "due", "aim", "going", "agree",
    "upcoming", "planned", "forthcoming", "next", "ready", "willing", "prepared", "commit", "pledge",
    "promise", "vow", "offer", "poised",
})
# The CAMEO 'refuse to ...' code for a negated cooperative event (CAMEO codebook, root 12):
# "will not lift the embargo" is coded as a refusal to ease the embargo, not as an easing.
REFUSAL = (
    ("0811", "1241"), ("0812", "1241"), ("0813", "1241"), ("0814", "1241"), ("081", "1241"),
    ("082", "1242"), ("083", "123"), ("084", "1243"), ("085", "1244"), ("086", "1245"), ("087", "1246"),
    ("080", "124"), ("08", "124"), ("057", "127"), ("036", "125"), ("04", "125"), ("06", "121"), ("07", "122"),
    ("03", "120"), ("05", "120"),
)
# The CAMEO 'express intent to ...' code (root 03) for a future cooperative event: "will release the
# prisoners", "is willing to withdraw", "will meet" are commitments, coded 03x as the codebook does.
INTENT = (
    ("0811", "0351"), ("081", "0351"), ("082", "0352"), ("083", "034"), ("084", "0353"), ("085", "0354"),
    ("086", "0355"), ("087", "0356"), ("08", "035"), ("04", "036"), ("061", "0311"), ("062", "0312"),
    ("063", "0313"), ("064", "0314"), ("06", "031"), ("071", "0331"), ("072", "0332"), ("073", "0333"),
    ("074", "0334"), ("07", "033"), ("050", "032"), ("051", "032"), ("052", "032"), ("053", "032"),
    ("054", "032"), ("057", "030"),
)
# The CAMEO 'threaten ...' code (root 13) for a future conflictual event: "will attack", "will begin an
# offensive against", "will impose sanctions", "will extend the curfew", "will boycott the vote" are
# statements of intent to act against a party, which the codebook codes as threats.
THREAT = (
    ("191", "1381"), ("192", "1382"), ("18", "1383"), ("19", "1384"), ("20", "1385"),
    ("1723", "1323"), ("1724", "1324"), ("172", "132"),
    ("161", "1313"), ("162", "1311"), ("163", "1312"), ("164", "134"), ("165", "135"), ("166", "136"), ("16", "131"),
    ("14", "133"),
)
#: words of readiness: a party stating that it is ready or willing to act, or offering to, makes an offer
#: there and then; the act itself is still to come
READINESS_WORDS = frozenset({"ready", "willing", "prepared", "offer", "readiness", "willingness"})


def readiness(tok: Token | None) -> bool:
    """Whether the word that made an event future states readiness ("is *ready* to talk", "*offered*
    to mediate"): the commitment it is recoded to is asserted."""
    return tok is not None and tok.lemma_.lower() in READINESS_WORDS


#: words that put an act on the calendar rather than state an intention: "is due to meet", "talks
#: scheduled for Monday", "the upcoming summit"
SCHEDULE_WORDS = frozenset({"schedule", "due", "set", "upcoming", "forthcoming", "next", "expect", "be"})
_UP = frozenset({"xcomp", "ccomp", "acl", "relcl", "dobj", "pobj", "pcomp", "prep", "advcl", "nsubj", "nsubjpass", "conj", "amod", "compound", "attr", "oprd"})


def intent_code(code: str) -> str | None:
    for prefix, intent in INTENT:
        if code.startswith(prefix):
            return intent
    return None


def threat_code(code: str) -> str | None:
    for prefix, threat in THREAT:
        if code.startswith(prefix):
            return threat
    return None


#: verbs that deny a report: what they deny did not happen, which is no refusal by anyone (AG guide
#: rule 2: "Russia denied it plans to attack" is a negated attack, not a rejection)
DENYING = frozenset({"deny", "dismiss", "refute", "reject", "rebut"})
#: nouns for something said to be so: an act told in their clause is denied with them ("rejected *a
#: suggestion that* its police arrested ...": the arrest is denied, not refused)
REPORT_NOUNS = frozenset({"claim", "report", "suggestion", "allegation", "accusation", "charge", "assertion",
                          "rumour", "rumor", "speculation", "story", "notion", "contention", "insinuation"})


def denial(mode_token: Token | None) -> bool:
    """Whether the word that negated an act is a verb denying a report, not a 'not' or a refusal."""
    return mode_token is not None and mode_token.lemma_.lower() in DENYING


#: CAMEO roots whose failure is a refusal: "failed to reach agreement", "the talks failed" (PLOVER's
#: annotators code a breakdown as a rejection); failing to protect, help or release is only not done
FAILED_AS_REFUSAL = ("03", "04", "05")


def refusal_code(code: str, mode_token: Token | None = None) -> str | None:
    """The refusal an act negated by ``mode_token`` amounts to, or None when the negation refuses nothing."""
    if mode_token is not None and mode_token.lemma_.lower() == "fail" and not code.startswith(FAILED_AS_REFUSAL):
        return None
    for prefix, refusal in REFUSAL:
        if code.startswith(prefix):
            return refusal
    return None


def refusal_mode(mode_token: Token | None) -> str:
    """The mode of a refusal that a negation makes of an act: asserted, unless the refusing clause is a
    condition ("will kill her *if* the government *refuses* to pull its troops", "unless Iran does not
    stop"), which is hypothetical like any act under 'if'."""
    if mode_token is None:
        return ASSERTED
    clause = mode_token if mode_token.pos_ in ("VERB", "AUX") else mode_token.head
    if any(c.lower_ in ("if", "unless") for c in _clause_marks(clause)):
        return HYPOTHETICAL
    return ASSERTED


def scheduled(mode_token: Token | None, dated: bool) -> bool:
    """Whether a future act is scheduled (PLOVER: the type is the act, the mode says it is to come):
    it has its own date ("will meet on Wednesday", "talks in Brussels on Wednesday"), or the word that
    made it future is a word of the calendar. An undated commitment ("will withdraw its troops") is
    a statement of intent instead."""
    if dated:
        return True
    return mode_token is not None and (mode_token.lemma_.lower() in SCHEDULE_WORDS or mode_token.lower_ in SCHEDULE_WORDS)


def mode_of(trigger: Token, published: str | None = None, date: str | None = None) -> tuple[str, Token | None]:
    """The mode of the event triggered at ``trigger``, and the token that decided it (or None)."""
    found = _local(trigger, own=True)
    if found and found[0] == NEGATED:
        return found
    if not found and answering_verb(trigger) is not None:
        return ASSERTED, None  # "agreed to *a US request*": what another party answers was made
    if not found and is_subjunctive(trigger):
        return HYPOTHETICAL, trigger
    tok, steps = trigger, 0
    # only the verb of a purpose clause and the verbs it chains ("to help *broker* an end") are its
    # aim; a noun inside the clause names something else ("imposed to prevent riots over *the killing*")
    verb_chain = trigger.pos_ == "VERB"
    while tok.dep_ in _UP and tok.head.i != tok.i and steps < 5:
        dep, below = tok.dep_, tok
        if dep == "relcl" and _past(below):
            # "the women *who were released*": a relative clause in a past tense of its own states a
            # fact ("nationals *who provide* money", in the present, may be habitual or alleged)
            break
        if dep == "acl" and below.tag_ == "VBN" and below.i > tok.head.i and not any(
                c.dep_ in ("aux", "auxpass") or c.tag_ == "TO" for c in below.children) \
                and not any(a.lemma_.lower() in REPORT_NOUNS for a in tok.head.ancestors):
            # "the safety of 850 migrants *deported* to Libya": a past participle describing a noun
            # tells what was done to it, whatever is said of the noun (not inside a report someone
            # denies: "rejected claims of civilians *killed* by its troops")
            break
        tok = tok.head
        steps += 1
        if dep == "advcl" and tok.lemma_.lower() in READINESS_WORDS and any(c.tag_ == "TO" for c in below.children):
            dep = "xcomp"  # "offered *on Tuesday* to hold talks": a date between them makes no purpose of the offer's content
        if dep in ("nsubj", "nsubjpass") and tok.lemma_.lower() in _RAISING and any(
                c.dep_ == "xcomp" and c.lemma_.lower() in FOILING for c in tok.children):
            # "an attack ... *seems to have been foiled*": the subject of a raising verb is the subject
            # of its complement
            return HYPOTHETICAL, next(c for c in tok.children if c.dep_ == "xcomp")
        if dep == "dobj" and tok.lemma_.lower() in PLOTTING and any(c.dep_ == "det" and c.lower_ == "the" for c in below.children):
            break  # "accused of plotting *the* bombings that killed 34": the deed named as known happened
        if dep == "dobj" and tok.lemma_.lower() in _HAPPENED_OBJECTS:
            break  # "vowed to *avenge the killing*", "a strike to *protest the attack*": it has happened
        if dep == "pobj" and _presupposing(tok):
            break  # "will resume *despite* the rebel attack": what the phrase names has happened
        if dep in ("pcomp", "pobj") and tok.lower_ in ("after", "since", "following") and tok.dep_ == "prep" \
                and _told_in_past(tok.head):
            break  # "vowed to rebuild the region *after winning* an election", "*after talks* with Kenya,
            # Uganda agreed to ...": what came before a clause told in the past is done
        if dep == "conj" and _contrast(tok, below):
            break  # "denied it plans to attack *but pressed* for guarantees": negation stops at 'but'
        if dep == "advcl" and (noun := noun_infinitive(below)) is not None:
            tok, dep = noun, "acl"  # "renewed its threats *to launch* attacks": the threat's content
        if dep == "advcl" or dep == "conj":
            # An adverbial clause is hypothetical only through its own 'if'; a conjunct shares only the negation.
            if dep == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in _clause_marks(trigger)):
                return HYPOTHETICAL, tok
            awaited = next((c for c in _clause_marks(below) if c.lower_ in _AWAITING), None)
            if dep == "advcl" and awaited is not None and below.tag_ in ("VBZ", "VBP", "VB"):
                # "will blockade the offices *until* Kuchma *meets* their demands", "no talks *before*
                # Uganda *releases* them": a present tense after 'until' or 'before' is a condition
                # still to be met (a past tense is told: "fought until the army withdrew")
                return HYPOTHETICAL, awaited
            if dep == "advcl" and below.i == trigger.i and trigger.lemma_.lower() in _VOICED_BY_DOING \
                    and _purpose_marker(below) is not None and any(
                        c.dep_ == "dobj" and c.lemma_.lower() in _PROTEST_ACTS for c in tok.children):
                break  # "called *a general strike* to protest the attack": the strike is the protest
            if dep == "advcl" and tok.lemma_.lower() in HYPOTHETICAL_WORDS and any(
                    c.lower_ == "to" and c.dep_ == "aux" for c in below.children):
                # "called on Nigeria *to intervene* and kickstart talks": what is asked, feared or
                # attempted, which the parser hung on the verb as an adverbial clause, is not done
                return HYPOTHETICAL, tok
            wished = next((c for c in below.children if c.dep_ == "mark" and c.lower_ == "for"), None)
            if dep == "advcl" and wished is not None and any(c.tag_ == "TO" for c in below.children):
                return HYPOTHETICAL, wished  # "a call *for Germany to help*": what is asked for, not done
            if found:
                return found
            if dep == "advcl" and verb_chain and (purpose := _purpose_marker(below)) is not None:
                if below.i == trigger.i and trigger.lemma_.lower() in _VOICED_BY_DOING:
                    break  # "blocked highways *to protest* the plan": the blockade is the protest, made
                return FUTURE, purpose  # "returned home *to help* broker an end": the aim, not yet done
            if dep == "conj":
                continue
            break
        verb_chain = verb_chain and dep == "xcomp"
        above = _local(tok, own=False)
        if above is None and dep == "dobj" and below.lemma_.lower() in REPORT_NOUNS and tok.lemma_.lower() in DENYING \
                and below.i != trigger.i:  # (the charge denied was still made: "rejected *accusations* by X")
            above = (NEGATED, tok)  # "rejected claims that its police had arrested ...": a denial
        if above and above[0] == NEGATED and above[1].i == tok.i and dep in ("nsubj", "nsubjpass"):
            # "the talks *could fail*": a failure foreseen is no refusal yet (a failure told, "talks
            # failed", stays one: PLOVER's annotators code a breakdown as a rejection)
            modal = next((c for c in tok.children if c.dep_ == "aux" and c.lower_ in POSSIBLE_MODALS | FUTURE_MODALS), None)
            if modal is not None:
                above = (HYPOTHETICAL if modal.lower_ in POSSIBLE_MODALS else FUTURE, modal)
        if above is None and dep in ("xcomp", "ccomp") and tok.lemma_.lower() == "tell" \
                and any(c.lower_ == "to" and c.dep_ == "aux" for c in below.children):
            above = (HYPOTHETICAL, tok)  # "told Syria *to withdraw*": what one is told to do is not done
            # (what one tells of is: "told reporters that Syria withdrew")
        if above is None and dep == "xcomp" and _arranged(tok, below):
            above = (FUTURE, tok)  # "Sharon *is to meet* settlers": an arrangement, still to come
        if above is None and dep == "acl" and below.i == trigger.i and trigger.lemma_.lower() in _VOICED_BY_DOING \
                and tok.lemma_.lower() in _PROTEST_ACTS and _purpose_marker(below) is not None:
            break  # "a general strike *to protest* the attack": the strike is the protest
        if above is None and dep == "acl" and _unrealised_infinitive(below, tok):
            # "an overture *to resume* talks", "a proposal *to meet*": an act a noun proposes, asks for
            # or aims at has not happened (a plan, an offer: future, by the words above)
            above = (HYPOTHETICAL, tok)
        if above and above[0] == NEGATED:
            return above  # negation anywhere above wins: "denied it has plans to attack"
        found = found or above
    if found:
        return found
    if date and published and len(date) == 10 and len(published) >= 10 and date > published[:10] \
            and not _past_tense(trigger):
        return FUTURE, None  # (a verb in the past tense is past whatever its date resolved to)
    return ASSERTED, None


#: "the first leader *to visit*", "the only country *to sign*": a rank before the noun makes its
#: infinitive a fact about whoever did it
_RANKS = frozenset({"first", "last", "only", "second", "third", "latest", "sole"})


def _unrealised_infinitive(verb: Token, noun: Token) -> bool:
    """A to-infinitive modifying a noun ("an offer *to talk*", "efforts *to end* the war"), not one
    after a rank ("the first president *to visit*")."""
    if noun.pos_ not in ("NOUN", "PROPN") or not any(c.tag_ == "TO" for c in verb.children):
        return False
    return not any(c.lower_ in _RANKS for c in noun.children if c.dep_ in ("amod", "advmod", "det", "nummod"))


#: prepositions whose object is taken as having happened, whatever the clause around says of its own
#: act: "oil should keep flowing *despite* a rebel threat", "talks may resume *amid* clashes"
_PRESUPPOSING_PREPS = frozenset({"despite", "amid", "amidst", "notwithstanding"})
#: nouns whose of/to/for phrase names what has happened: "*in the wake of* the raid", "*in response
#: to* the bombing", "*in retaliation for* the killing"
_PRESUPPOSING_NOUNS = frozenset({"wake", "aftermath", "response", "retaliation", "reprisal"})


def _presupposing(prep: Token) -> bool:
    """Whether a preposition presents its object as a fact: "despite X", "amid X", "in the wake of X"."""
    if prep.lower_ in _PRESUPPOSING_PREPS:
        return True
    if prep.lower_ == "for" and prep.head.lemma_.lower() in ANSWERING:
        return True  # "vowed *revenge for* the killing": what is avenged has happened
    return prep.lower_ in ("of", "to", "for") and prep.head.lemma_.lower() in _PRESUPPOSING_NOUNS \
        and prep.head.dep_ == "pobj" and prep.head.head.lower_ in ("in", "as")


def _arranged(be: Token, verb: Token) -> bool:
    """"X is to V": 'be' with a subject of its own and the infinitive as its only complement (not "it
    was fair game *to criticize*", "the aim is to V" told of a noun)."""
    if be.lemma_ != "be" or not any(c.tag_ == "TO" for c in verb.children):
        return False
    if any(c.dep_ in ("attr", "acomp", "expl") for c in be.children):
        return False
    subject = next((c for c in be.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.lower_ not in ("it", "this", "that", "what")


def _told_in_past(verb: Token) -> bool:
    """Whether the clause a verb belongs to is told in a past tense: its own, or that of the verb
    whose complement it is ("*vowed* to rebuild")."""
    while verb.dep_ in ("xcomp", "conj") and verb.tag_ in ("VB", "VBG") and verb.head.i != verb.i:
        verb = verb.head
    return verb.pos_ in ("VERB", "AUX") and _past(verb)


def _past(verb: Token) -> bool:
    """A verb in a past tense of its own: a past form, or a past auxiliary ("were released", "had
    attacked"), no modal."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.tag_ == "MD" for c in aux):
        return False
    return (verb.tag_ == "VBD" and not aux) or any(c.tag_ == "VBD" for c in aux)


def _past_tense(trigger: Token) -> bool:
    """Whether the clause of the trigger (its own verb, or the verb a noun trigger hangs on) is in the
    past tense: "congratulated the scientists on Sunday", "held talks on Monday"."""
    verb = trigger
    if verb.pos_ not in ("VERB", "AUX"):
        # a noun's own verb only: "*held* talks on Monday"; not a verb further up ("said ... ahead of
        # talks on Wednesday", which are still to come)
        if verb.dep_ not in ("dobj", "nsubj", "nsubjpass", "attr") or verb.head.pos_ not in ("VERB", "AUX"):
            return False
        verb = verb.head
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_MODALS for c in verb.children):
        return False
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP")
                                                             for c in verb.children))


_CONTRAST = frozenset({"but", "yet", "while", "whereas"})


def _contrast(head: Token, conjunct: Token) -> bool:
    """Two conjuncts joined by a contrast ("A but B"): the parser hangs the 'but' on the first."""
    return any(c.dep_ == "cc" and c.lower_ in _CONTRAST and head.i < c.i < conjunct.i for c in head.children)


def is_subjunctive(verb: Token) -> bool:
    """A verb in the mandative subjunctive: a that-clause demanded, not reported ("insisted that NATO
    *stop*", "demands that Ukraine *withdraw*"): the base form with its own subject and no auxiliary
    (spaCy tags "Ukraine withdraw" VBP: a singular noun subject without the -s tells it apart)."""
    if verb.dep_ != "ccomp" or not any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children):
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    return verb.tag_ == "VB" or (verb.tag_ == "VBP" and subject.tag_ in ("NN", "NNP"))


def is_purpose(mode_token: Token | None) -> bool:
    """Whether the word that made an act future is the 'to' of an infinitive of purpose."""
    return mode_token is not None and mode_token.tag_ == "TO" and mode_token.dep_ == "aux"


#: acts a deed voices as it is done: its infinitive of purpose is no aim still to come ("called a strike
#: *to protest* the attack", "marched *to denounce* the war")
_VOICED_BY_DOING = frozenset({"protest", "denounce", "condemn", "demand", "decry"})
#: acts whose object is a deed that happened: what is paid back or decried ("avenge *the killing*",
#: "protested *the attack*", "to denounce *the killing*")
_HAPPENED_OBJECTS = ANSWERING | (_VOICED_BY_DOING - {"demand"})
#: acts of protest, whose infinitive of purpose they voice as they are made ("a strike *to protest*")
_PROTEST_ACTS = frozenset({"strike", "rally", "march", "demonstration", "protest", "boycott", "sit-in", "walkout",
                           "vigil", "blockade", "stoppage"})


def _purpose_marker(clause: Token) -> Token | None:
    """The 'to' of an infinitive of purpose ("flew to Cairo *to meet* Mubarak", "in order to end"): an
    adverbial clause with no subject of its own whose verb is the bare infinitive after 'to'."""
    if clause.tag_ != "VB" or any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return None
    return next((c for c in clause.children if c.dep_ == "aux" and c.tag_ == "TO"), None)


#: modals that with 'not' advise or allow for something, saying nothing of whether it happens
_ADVICE_MODALS = frozenset({"should", "must", "may", "might", "ought", "shall"})
#: verbs that keep someone *from* doing something ("barred the government from pardoning")
_PREVENTING = frozenset({"bar", "prevent", "stop", "ban", "block", "prohibit", "forbid", "keep", "deter",
                         "discourage", "restrain", "dissuade", "refrain", "preclude"})


def _prevented(tok: Token) -> Token | None:
    """The verb that keeps the act at ``tok`` from happening: "bars the government *from pardoning*",
    "prevented Kenya *from deporting*" (the gerund of a 'from' phrase of such a verb), or None."""
    if tok.dep_ != "pcomp" or tok.head.lower_ != "from":
        return None
    verb = tok.head.head
    return verb if verb.lemma_.lower() in _PREVENTING else None


#: verbs that lend their subject to their complement ("the attack *seems* to have been foiled")
_RAISING = frozenset({"seem", "appear"})
#: subordinators of a clause whose act the main clause waits for
_AWAITING = frozenset({"until", "till", "before"})


def _clause_marks(trigger: Token):
    return [c for c in trigger.children if c.dep_ == "mark"]


def _local(tok: Token, own: bool) -> tuple[str, Token] | None:
    lemma = tok.lemma_.lower()
    for c in tok.children:
        if c.dep_ == "neg" or (c.lower_ in NEGATING_WORDS and c.dep_ in ("det", "advmod", "neg", "preconj")):
            advice = next((a for a in tok.children if a.dep_ == "aux" and a.lower_ in _ADVICE_MODALS), None)
            if advice is not None:
                return HYPOTHETICAL, advice  # "Americans should not travel to Haiti": advice, not a refusal
            return NEGATED, c
    if tok.pos_ in ("VERB", "AUX"):
        for subject in (c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")):
            none = next((g for g in subject.children if g.dep_ in ("det", "preconj") and g.lower_ in ("neither", "no")), None)
            if none is not None:
                return NEGATED, none  # "*Neither* India nor Pakistan attended", "*no* country has recognised it"
    prevented = _prevented(tok)
    if prevented is not None:
        return HYPOTHETICAL, prevented
    if not own and (lemma in NEGATING and (lemma not in _WITH_PARTICLE
                                           or any(c.lower_ == _WITH_PARTICLE[lemma] for c in tok.children))):
        return NEGATED, tok
    for c in tok.children:
        if c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether"):
            return HYPOTHETICAL, c
        if c.dep_ == "aux" and c.lower_ in POSSIBLE_MODALS:
            return HYPOTHETICAL, c
        if c.dep_ == "amod" and (c.lower_ in ("possible", "potential", "likely", "planned", "proposed", "threatened")
                                 or (c.tag_ == "VBG" and c.lemma_.lower() == "threaten")):  # "*threatening* attacks on the US"
            return (FUTURE if c.lower_ == "planned" else HYPOTHETICAL), c
    for c in tok.children:
        if c.dep_ == "aux" and (c.lower_ in FUTURE_MODALS or c.lower_ == "going"):
            return FUTURE, c
    if headline_future(tok):  # "Gaddafi to Compensate Libyan Jews": headline grammar for "is to"
        return FUTURE, next(c for c in tok.children if c.dep_ in ("aux", "auxpass"))
    if not own:
        if lemma in HYPOTHETICAL_WORDS:
            return HYPOTHETICAL, tok
        if lemma == "have" and tok.tag_ in ("VBZ", "VBP") and has_to(tok):
            # "Syria *has to* withdraw": an obligation, as "must" is ("had to withdraw" did it)
            return HYPOTHETICAL, tok
        if lemma in FUTURE_WORDS or tok.lower_ in FUTURE_WORDS:
            return FUTURE, tok
    return None


def background(period: str | None, published: str | None) -> bool:
    """Whether a time expression's value (``period``, "1994", "2004-03") places an event more than
    ``BACKGROUND_DAYS`` before the article's date."""
    if period is None or published is None:
        return False
    end = period_end(period)
    day = period_end(published[:10])
    return end is not None and day is not None and (day - end).days > BACKGROUND_DAYS

