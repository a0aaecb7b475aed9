"""Merging: one happening coded from two triggers is one event.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc

from tidings.extract.events.common import VIOLENT, has_country
from tidings.extract.events.modes import ASSERTED, FUTURE
from tidings.extract.events.syntax import RELATIVE
from tidings.knowledge.actors import SECTORS, TRANSNATIONAL
from tidings.model import Event, Participant

_REFUSING = frozenset({"refuse", "decline", "rule"})  # ("ruled out sending troops")


def one_refusal(doc: Doc, by_verb: dict[int, list[Event]]) -> tuple[list[Event], list[Event]]:
    """A refusal verb and the verb it refuses ("declined *to attend* the talks") code the same act
    twice: the refusal verb's pattern (120) and the refused verb, negated and recoded as a refusal
    (125). Keep the more specific code; on a tie the refusal verb's. The two may name different
    targets when one of them is no other party ("refused to pull *its troops* from *Congo*": its own
    troops, Congo): that is still one refusal, and the one aimed at the other party is kept.
    A refused act of force is no refusal code of its own: it stays itself, negated ("refused to send
    troops *to Iraq*"), and the refusal, when it names no other party (its own troops), is aimed where
    that act was. Returns the events to drop and those that replace them."""
    dropped: list[Event] = []
    added: list[Event] = []
    for i, events in by_verb.items():
        tok = doc[i]
        if not events or tok.dep_ != "xcomp" or tok.head.i not in by_verb:
            continue
        if tok.head.lemma_.lower() not in _REFUSING or not by_verb[tok.head.i]:
            continue
        parents = by_verb[tok.head.i]
        for child in events:
            if " negated " not in child.evidence:
                if child.mode == "negated" and not _no_other_party(child):
                    for parent in parents:
                        if _same_party(parent.source, child.source) and _no_other_party(parent) \
                                and not any(parent is d for d in dropped):
                            dropped.append(parent)
                            added.append(replace(parent, target=child.target, evidence=parent.evidence
                                                 + f"; target from the refused '{child.trigger.text}'"))
                continue
            for parent in parents:
                if not _same_party(parent.source, child.source):
                    continue
                if _same_party(parent.target, child.target):
                    loser = child if not _more_specific(child.cameo, parent.cameo) else parent
                elif _no_other_party(parent) or _no_other_party(child):
                    if _aim(child) != _aim(parent):
                        loser = parent if _aim(child) > _aim(parent) else child
                    else:
                        loser = child if not _more_specific(child.cameo, parent.cameo) else parent
                else:
                    continue
                dropped.append(loser)
    return dropped, added


#: verbs that commit the speaker to an act: "vowed *to release* the prisoners", "threatened *to cut* ties"
_COMMITTING = frozenset({"promise", "vow", "pledge", "swear", "undertake", "threaten"})


def one_commitment(doc: Doc, by_verb: dict[int, list[Event]]) -> list[Event]:
    """A commitment verb and the act it commits to ("vowed *to release* the prisoners") code one
    happening twice: the verb's general pattern (030 promise, 130 threaten) and the act, already
    recoded as a statement of intent or a threat with mode future. The act is kept: its code names
    what was promised or threatened (PLOVER: the type is the act, the mode says it is to come).
    Returns (events to drop, events to add): the act again, its evidence naming the commitment."""
    dropped: list[Event] = []
    added: list[Event] = []
    for i, events in by_verb.items():
        tok = doc[i]
        committed = _committed_act(tok)
        if not events or committed is None:
            continue
        commitment = committed.head
        parents = [p for p in by_verb.get(commitment.i) or [] if p.mode == "asserted"]
        acts = [e for e in events if e.mode == "future" and any(_same_party(p.source, e.source) for p in parents)]
        if not acts:
            continue
        dropped += [p for p in parents if any(_same_party(p.source, a.source) for a in acts)]
        dropped += acts
        added += [replace(a, evidence=f"{a.evidence}; committed to by '{commitment.text}'") for a in acts]
    return dropped, added


def _committed_act(tok):
    """The first verb of the acts a commitment names, if ``tok`` is one of them: "vowed *to rebuild*
    the region" and each further conjunct, "vowed to rebuild the region *and crush* extremists"."""
    while tok.dep_ == "conj" and tok.head.i != tok.i and tok.head.pos_ in ("VERB", "AUX"):
        tok = tok.head
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _COMMITTING:
        return tok
    return None


#: verbs of getting in touch, whose purpose is the act: "called X *to congratulate* him"
_CONTACTING = frozenset({"call", "phone", "telephone", "ring"})


def contact_purposes(doc: Doc, by_verb: dict[int, list[Event]], cameo) -> tuple[list[Event], list[Event]]:
    """A call made to do something ("called X *to express* support", "phoned X *to congratulate*
    him") is that act, done by telephone: the call's event takes the purpose's code (its parties stay
    the call's, who are named in full), and the purpose's own event is dropped. Returns (events to
    drop, events to add)."""
    dropped: list[Event] = []
    added: list[Event] = []
    for i, events in by_verb.items():
        tok = doc[i]
        if not events or tok.lemma_.lower() not in _CONTACTING:
            continue
        purpose = next((c for c in tok.children if c.dep_ in ("xcomp", "advcl") and by_verb.get(c.i)
                        and any(g.tag_ == "TO" for g in c.children)), None)
        if purpose is None:
            continue
        # only a contact (04) is done for its purpose; "called on the UN to annul ..." is an appeal
        calls = [call for call in events if call.cameo.startswith("04")]
        if not calls:
            continue
        act = by_verb[purpose.i][0]
        entry = cameo.get(act.cameo)
        for call in calls:
            dropped.append(call)
            added.append(replace(call, cameo=act.cameo, plover=entry.plover, quad=entry.quad, goldstein=entry.goldstein,
                                 evidence=f"{call.evidence}; the call's purpose '{act.trigger.text}': {act.evidence}"))
        dropped += by_verb[purpose.i]
    return dropped, added


def one_purpose(doc: Doc, by_verb: dict[int, list[Event]]) -> tuple[list[Event], list[Event]]:
    """An act done for an aim of its own type ("met in Gaza *to discuss* a truce", "rallied *to
    protest* the war") is one happening: the aim's event, of the same
    PLOVER type between the same sides, is the act told again. The act is kept, named in full where it
    happens; its aim's topic stays in the text. A protest or a meeting whose aim names the party it is
    aimed at where the act names only a place ("marched *in Cairo* to protest against *Israeli*
    attacks") takes that party as its target. Returns (events to drop, events to add)."""
    dropped: list[Event] = []
    added: list[Event] = []
    for i, aims in by_verb.items():
        tok = doc[i]
        if not aims or tok.dep_ not in ("xcomp", "advcl") or not any(c.tag_ == "TO" for c in tok.children if c.i < tok.i):
            continue
        # (a journey is an act of its own: "flew to Caracas *to meet* X" made the trip, the meeting is to come)
        acts = [p for p in by_verb.get(tok.head.i) or [] if p.mode == ASSERTED and p.plover in _DONE_FOR_ITSELF
                and not p.cameo.startswith("042")]
        for aim in aims:
            act = next((p for p in acts if p.plover == aim.plover), None)
            if act is None or aim.mode not in (FUTURE, ASSERTED):
                continue
            if aim.plover in _AIMED_BY_ITS_AIM and _party_aimed_at(doc, aim.target) and not _party_aimed_at(doc, act.target) \
                    and _country_key(aim.source) in ("", _country_key(act.source)) and not any(act is d for d in dropped):
                dropped += [act, aim]
                added.append(replace(act, target=aim.target,
                                     evidence=f"{act.evidence}; aimed at whom its aim '{aim.trigger.text}' names"))
            elif aim.mode == FUTURE and _one_side_to_another(act, aim):
                dropped.append(aim)
    return dropped, added


def _party_aimed_at(doc: Doc, p: Participant | None) -> bool:
    """A coded party (or a deed coded by its doer's nationality, "*Israeli* attacks"), not a place
    standing for its country ("marched *in Cairo*") nor an uncoded thing."""
    if p is None or not p.code:
        return False
    if p.actor is not None:
        return True
    words = doc.char_span(p.start, p.end, alignment_mode="expand")
    return words is not None and words.root.ent_type_ not in ("GPE", "LOC", "FAC") and words.root.pos_ != "PROPN"


#: acts whose aim names the party they are aimed at: a protest, a meeting
_AIMED_BY_ITS_AIM = frozenset({"PROTEST", "CONSULT"})


#: types of act whose aim of the same type is the act itself; an agreement "to offer" aid or a demand
#: "to urge" talks names a second act, the one agreed or demanded
_DONE_FOR_ITSELF = frozenset({"CONSULT", "PROTEST", "ASSAULT", "COERCE"})


def _one_side_to_another(act: Event, aim: Event) -> bool:
    """Whether an aim is between the act's sides: the same source and a target that is the act's or
    none, or the same two sides either way round - unless the aim names a party where the act names a
    thing ("attacked *the town* to kill *soldiers*")."""
    if aim.target is not None and aim.target.code and (act.target is None or not act.target.code):
        return False
    if _country_key(act.source) == _country_key(aim.source) and (
            _country_key(act.target) == _country_key(aim.target) or not _country_key(aim.target)):
        return True
    sides = {_country_key(act.source), _country_key(act.target)}
    # (either way round, and a topic for a target: "met Sharon *to discuss* the plan")
    return _country_key(aim.source) in sides and (not _country_key(aim.target) or _country_key(aim.target) in sides)


def _same_party(a: Participant | None, b: Participant | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and (a.start, a.end) == (b.start, b.end))


def _aim(event: Event) -> int:
    """How much an event's target says: another party (2), something or someone (1), nothing (0)."""
    return 0 if event.target is None else 1 if _no_other_party(event) else 2


def _no_other_party(event: Event) -> bool:
    """Whether an event's target is no party other than its source: none, one of no known country, or
    the source's own country ("its troops")."""
    target, source = event.target, event.source
    if not has_country(target):
        return True
    return has_country(source) and source.code[:3] == target.code[:3]


def _more_specific(code: str, than: str) -> bool:
    """'125' (reject a proposal to meet) over '120' (reject); '1243' over '124'."""
    if len(code) != len(than):
        return len(code) > len(than)
    return than.endswith("0") and not code.endswith("0")


def _party_key(p: Participant | None) -> str:
    """What a party is for telling restatements apart: its code, else nothing known."""
    if p is None or not p.code:
        return ""
    # an inferred party ("the authorities of PSE", no words of its own) is not the one a sentence names
    return p.code if p.text else "inferred:" + p.code


def _country_key(p: Participant | None) -> str:
    """A party's side by country: its country, or an organisation's first group; nothing for a code of a
    sector alone ("CVL" for "10 people") or a bare transnational kind ("NGO" for "two aid workers")."""
    if not has_country(p) or p.code.upper() in TRANSNATIONAL or not p.text:
        return ""  # (a party with no words, inferred - "the authorities of IRQ" - tells no side apart)
    return p.code[:3]


def _same_happening(a: Event, b: Event, by_country: bool) -> bool:
    """Two events that state one happening: the same PLOVER type and mode, the same source and
    compatible targets (the same, or one of them unnamed). Across sentences (a headline and its
    body) parties are compared by country, since "Israel" and "Israeli troops" are one side."""
    if a.plover != b.plover or a.mode != b.mode or a.plover is None:
        return False
    key = _country_key if by_country else _party_key
    if by_country:
        # a headline and its body: one happening unless they name different parties in one slot
        # ("Congress Members Seek ..." / "congressional Democrats are asking Bush ...")
        def agree(pairs) -> bool:
            return all(not key(x) or not key(y) or key(x) == key(y) for x, y in pairs)
        if agree(((a.source, b.source), (a.target, b.target))):
            return True
        if a.plover in _ADDRESSED and agree(((a.source, b.source),)) and (_bare_country(a.target) or _bare_country(b.target)):
            # a demand's target found in the thing demanded ("Israel Urges Sanctions *on Iran*") is not
            # whom the body says it was addressed to ("urged the United Nations to move toward sanctions")
            return True
        # a symmetric interaction has no direction: "Pakistan, India agree" / "India and Pakistan promised"
        return (a.symmetric or b.symmetric) and agree(((a.source, b.target), (a.target, b.source)))
    if a.plover in ("ASSAULT", "COERCE") and (a.source is None) != (b.source is None) and (
            (_country_key(a.target) and _country_key(a.target) == _country_key(b.target))
            or (a.target is not None and a.target.text and _same_party(a.target, b.target))):
        # violence or coercion with no doer named, told inside the clause of one whose doer is named
        # ("said it had attacked the car of the commander *who was killed* in an airstrike", "issued a
        # warrant for *the arrest* of X"): that doer's -
        # inside, not above it: merge_restatements asks _unnamed_above, which has the parse
        return True
    if not key(a.source) or key(a.source) != key(b.source):
        # an uncoded doer is the same one when it is the same words ("a bomb exploded, killing three
        # and wounding ten"; "were killed and wounded": no doer named for either)
        if key(a.source) or key(b.source) or not _same_party(a.source, b.source):
            return False
    return key(a.target) == key(b.target) or not key(a.target) or not key(b.target)


#: acts addressed to a party other than the one the thing they ask, offer or refuse is about
_ADDRESSED = frozenset({"REQUEST", "AGREE", "SUPPORT", "REJECT"})


def _bare_country(p: Participant | None) -> bool:
    """A party coded by a country alone, a place or a thing's country ("sanctions on *Iran*"), no actor."""
    return p is not None and bool(p.code) and len(p.code) == 3 and p.code not in SECTORS and p.code not in TRANSNATIONAL


def _richness(e: Event) -> tuple:
    # a party with a country tells more than one coded by a sector alone ("Baghdad" over "10 people": CVL)
    countried = sum(1 for p in (e.source, e.target) if has_country(p) and p.text)  # (named, not inferred)
    coded = sum(1 for p in (e.source, e.target) if p is not None and p.code)
    return countried, coded, e.target is not None, e.confidence


def merge_restatements(events: list[Event], headline: int | None, doc: Doc | None = None) -> list[Event]:
    """One event per happening: within a sentence, two triggers coding the same act between the same
    parties, one governing the other ("launched an offensive, attacking X"; not two clauses that
    each report an attack); across the headline (sentence ``headline``) and the body, the headline's
    restatement of a body event. The richer event is kept (more coded parties, a target, then
    confidence); on a tie the body's, which names the parties in full."""
    kept: list[Event] = []
    told = Counter((e.plover, e.mode) for e in events if headline is not None and e.sentence == headline + 1)
    lede = frozenset(k for k, n in told.items() if n == 1)
    for e in events:
        twin = next((k for k in kept if (k.sentence == e.sentence and _linked(doc, k, e) and _same_happening(k, e, False)
                                         and not _unnamed_above(doc, k, e))
                     or (k.sentence == e.sentence and (_toll(doc, k, e) or _told_in(doc, k, e)
                                                       or (_linked(doc, k, e) and _raid(k, e))))
                     or _restated(k, e, headline, lede, doc) or _agreed_act(doc, k, e)), None)
        if twin is None:
            kept.append(e)
            continue
        agreed = _agreed_act(doc, twin, e)
        if agreed:
            # "agreed to lift the embargo": the agreement, coded by what was agreed, is the event
            keep, other = (twin, e) if twin.mode == ASSERTED else (e, twin)
        elif twin.sentence == e.sentence and (_toll(doc, twin, e) or _raid(twin, e)) \
                and _party_key(twin.target) != _party_key(e.target):
            # one attack told by what it hit and whom it killed: the act the sentence reports first
            # ("stormed a police headquarters, killing five officers") names it
            keep, other = (twin, e) if twin.trigger.start < e.trigger.start else (e, twin)
        elif twin.sentence != e.sentence and _described(twin.target) != _described(e.target) \
                and not _same_happening(twin, e, True):
            # told with different targets: the one that names its target, not the one that only
            # describes it ("UN demands *Rwanda* pull out" / "demanded *the country* withdraw")
            keep, other = (e, twin) if _described(twin.target) else (twin, e)
        else:
            keep, other = (e, twin) if _richness(e) > _richness(twin) or (
                _richness(e) == _richness(twin) and twin.sentence == headline) else (twin, e)
        # a headline's restatement completes the body's event, and so does the act agreed to (its
        # target: "agreed to open its border for convoys to enter *Kyrgyzstan*"); within a sentence
        # the parties of two acts otherwise stay apart
        merged = _completed(keep, other) if keep.sentence != other.sentence or agreed else keep
        if agreed and _more_specific(other.cameo, keep.cameo):
            # (coded by what was agreed, as 'agree to lift' rows are: "agreed *to open its border*", 0351)
            merged = replace(merged, cameo=other.cameo, plover=other.plover, quad=other.quad, goldstein=other.goldstein,
                             symmetric=other.symmetric, evidence=f"{merged.evidence}; agreed to '{other.trigger.text}'")
        if keep.sentence != other.sentence and merged.mode != other.mode and keep.sentence == headline:
            merged = replace(merged, mode=other.mode, date=other.date)  # (the body tells the mode)
        kept[next(i for i, k in enumerate(kept) if k is twin)] = merged  # (by identity, as below)
        # a headline may tell one happening with two triggers its own sentence keeps apart ("16 killed
        # in rebel attack": a toll with no doer, an attack with no victim); once the body's event has
        # absorbed one of them, it is the other's twin too
        while (again := next((k for k in kept if k is not merged and _restated(k, merged, headline, lede, doc)),
                             None)) is not None:
            keep, other = (merged, again) if _richness(merged) >= _richness(again) else (again, merged)
            # (by identity: two events may be equal field for field and still be two)
            kept = [k for k in kept if k is not again]
            at = next(i for i, k in enumerate(kept) if k is merged)
            kept[at] = merged = _completed(keep, other)
    return kept


#: acts done by saying so: a headline's present tense of them is the statement made
_SAID = frozenset({"AGREE", "REQUEST", "THREATEN", "ACCUSE", "REJECT", "SUPPORT", "PROTEST"})


def _told_as_future(doc: Doc | None, event: Event) -> bool:
    """A verb the body puts in the future with a modal of its own ("Hungary *will* withdraw")."""
    if doc is None:
        return False
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return span is not None and any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for c in span.root.children)


def _restated(a: Event, b: Event, headline: int | None, lede: frozenset, doc: Doc | None = None) -> bool:
    """Whether one of two events is the headline's restatement of the other, told in the body."""
    if headline is None or headline not in (a.sentence, b.sentence) or a.sentence == b.sentence:
        return False
    title, body = (a, b) if a.sentence == headline else (b, a)
    if title.mode == ASSERTED and body.mode == FUTURE and title.plover not in _SAID and _told_as_future(doc, body):
        # a headline's present tense tells what the body says "will" be done ("Hungary Pulls Troops Out
        # of Iraq" / "Hungary will withdraw its troops"): the headline says nothing of the mode (a
        # headline's "Warns", "Agrees", "Seeks" is the statement itself, made now)
        title = replace(title, mode=FUTURE)
    return _same_happening(title, body, True) or _retold_in_lede(title, body, headline, lede)


def _retold_in_lede(a: Event, b: Event, headline: int, lede: frozenset) -> bool:
    """The lede, the sentence right after the headline, tells the headline's happening again: the one
    act of its type and mode there, by the same side or by no one named, is the headline's even where
    the two name its target differently ("Pakistan al-Qaeda suspect killed" / "its security forces
    shot dead the country's most wanted terror suspect"). ``lede`` holds the (type, mode) pairs the
    lede tells once; a lede with two such acts ("a contractor was abducted, while four drivers were
    seized in a separate kidnapping") leaves them apart."""
    title, body = (a, b) if a.sentence == headline else (b, a)
    return (body.sentence == headline + 1 and (body.plover, body.mode) in lede and title.plover == body.plover
            and title.mode == body.mode and not title.symmetric and not body.symmetric
            and (not _country_key(title.source) or not _country_key(body.source)
                 or _country_key(title.source) == _country_key(body.source)))


def _described(p: Participant | None) -> bool:
    """A party told by a pronoun or a bare description standing for one named elsewhere ("it", "the
    country", "the group"), whose coding rests on finding that one."""
    if p is None or not p.text:
        return False
    words = p.text.lower().split()
    return words[0] in _DESCRIBING and len(words) <= 2


#: first words of a description or pronoun standing for a party named elsewhere
_DESCRIBING = frozenset({"the", "this", "that", "its", "his", "her", "their", "it", "they", "he", "she", "him", "them"})


def _raid(a: Event, b: Event) -> bool:
    """One raid told by the place it hit and the people it killed, with two verbs of one doer ("stormed a
    village *in India's northeast* and shot dead *six people*"); not two fights ("shelled the town and
    clashed with rebels"), nor the parties one verb names ("killed Abdullah and four relatives")."""
    if a.plover != "ASSAULT" or b.plover != "ASSAULT" or a.mode != b.mode or a.trigger.start == b.trigger.start:
        return False
    if not _party_key(a.source) or _party_key(a.source) != _party_key(b.source):
        return False
    if not _country_key(a.target) or _country_key(a.target) != _country_key(b.target):
        return False
    return any(_bare_country(x.target) and y.target is not None and y.target.code[3:6] == "CVL"
               for x, y in ((a, b), (b, a)))


def _toll(doc: Doc | None, a: Event, b: Event) -> bool:
    """One attack told by what it hit and, in a participle after it, whom it killed ("a car bomb
    exploded outside the education ministry, *killing* six people"): the same doer, and those struck
    in one country."""
    if doc is None or a.plover != "ASSAULT" or b.plover != "ASSAULT" or a.mode != b.mode:
        return False
    if not _country_key(a.target) or _country_key(a.target) != _country_key(b.target):
        return False
    if _party_key(a.source) != _party_key(b.source) or (not _party_key(a.source) and not _same_party(a.source, b.source)):
        return False  # (an uncoded doer is the same one when it is the same words: "a car bomb ... killing")
    x = doc.char_span(a.trigger.start, a.trigger.end, alignment_mode="expand")
    y = doc.char_span(b.trigger.start, b.trigger.end, alignment_mode="expand")
    if x is None or y is None:
        return False
    first, then = sorted((x.root, y.root), key=lambda t: t.i)
    return then.tag_ == "VBG" and then.dep_ in ("advcl", "xcomp", "conj") and then.head.i == first.i


def _told_in(doc: Doc | None, a: Event, b: Event) -> bool:
    """One attack told by its toll and by a clause on the blast the toll happened in ("were killed *in
    an explosion that hit* a hotel in Tikrit"): the same type and mode, the clause's doer unnamed or
    that blast, and those struck in one country (or unnamed on one side)."""
    if doc is None or a.plover != b.plover or a.mode != b.mode or a.plover != "ASSAULT":
        return False
    if _country_key(a.target) and _country_key(b.target) and _country_key(a.target) != _country_key(b.target):
        return False
    x = doc.char_span(a.trigger.start, a.trigger.end, alignment_mode="expand")
    y = doc.char_span(b.trigger.start, b.trigger.end, alignment_mode="expand")
    if x is None or y is None:
        return False
    for toll, clause, ev in ((x.root, y.root, b), (y.root, x.root, a)):
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if clause.dep_ != "relcl" or subject is None or subject.lower_ not in RELATIVE or _party_key(ev.source):
            continue
        prep = clause.head.head  # the blast, and the phrase it is the object of
        if prep.dep_ == "prep" and prep.lower_ in ("in", "by") and (prep.head.i == toll.i or (
                prep.head.dep_ == "conj" and prep.head.head.i == toll.i)):
            return True
    return False


def _unnamed_above(doc: Doc | None, a: Event, b: Event) -> bool:
    """Whether, of two events one of which names no doer, the one that names none governs the other:
    "six were killed in car bombings *while 47 died in US air strikes*" tells two attacks (the one
    with no doer told inside the named one's clause is that one: see ``_same_happening``)."""
    if doc is None or (a.source is None) == (b.source is None):
        return False
    unnamed, named_ = (a, b) if a.source is None else (b, a)
    x = doc.char_span(unnamed.trigger.start, unnamed.trigger.end, alignment_mode="expand")
    y = doc.char_span(named_.trigger.start, named_.trigger.end, alignment_mode="expand")
    return x is not None and y is not None and x.root.i != y.root.i and x.root.is_ancestor(y.root)


#: verbs by which a party agrees to an act, whose own rows code what was agreed ("agree to lift": 0354)
_AGREEING = frozenset({"agree", "consent", "decide"})


def _agreed_act(doc: Doc | None, a: Event, b: Event) -> bool:
    """An agreement and the act agreed to, coded twice with one type: "EU ministers *agreed to lift* the
    arms embargo" (0354, asserted) and the lifting (0354 AGREE, future)."""
    if doc is None or a.sentence != b.sentence or a.plover != b.plover or {a.mode, b.mode} != {ASSERTED, FUTURE}:
        return False
    agreement, act = (a, b) if a.mode == ASSERTED else (b, a)
    x = doc.char_span(agreement.trigger.start, agreement.trigger.end, alignment_mode="expand")
    y = doc.char_span(act.trigger.start, act.trigger.end, alignment_mode="expand")
    if x is None or y is None or x.root.lemma_.lower() not in _AGREEING:
        return False
    return y.root.dep_ == "xcomp" and y.root.head.i == x.root.i and _same_party(agreement.source, act.source) \
        and (act.target is None or agreement.target is None or _same_party(agreement.target, act.target))


def _linked(doc: Doc | None, a: Event, b: Event) -> bool:
    """Whether one trigger governs the other in the parse (or there is no parse to tell)."""
    if doc is None:
        return True
    x = doc.char_span(a.trigger.start, a.trigger.end, alignment_mode="expand")
    y = doc.char_span(b.trigger.start, b.trigger.end, alignment_mode="expand")
    if x is None or y is None:
        return True
    x, y = x.root, y.root
    if x.i == y.i:
        return True
    if not (x.is_ancestor(y) or y.is_ancestor(x)):
        return False
    # two clauses, each with a subject of its own ("troops killed two men, and helicopters fired
    # missiles"), report two acts
    own = [next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None) for t in (x, y)]
    for upper, lower, subject in ((x, y, own[1]), (y, x, own[0])):
        if lower.dep_ == "relcl" and subject is not None and subject.lower_ in RELATIVE and upper.is_ancestor(lower.head):
            # "launched an offensive *that killed* 30": the clause tells what the launched attack did;
            # "attacked the car of the commander *who was killed*": what befell the one attacked
            return True
    return not (own[0] is not None and own[1] is not None and own[0].i != own[1].i)



def _completed(keep: Event, other: Event) -> Event:
    """The kept event, with a party it left uncoded taken from its restatement where that one names
    it ("Georgian Troops Leave *South Ossetia*" / "the soldiers withdrew from the heights"); the
    evidence says so, and the party keeps its own words and offsets."""
    notes = []
    source, target = keep.source, keep.target
    if (source is None or not source.code) and other.source is not None and other.source.code:
        source = other.source
        notes.append(f"source from the restatement '{other.trigger.text}'")
    if (target is None or not target.code) and other.target is not None and other.target.code:
        target = other.target
        notes.append(f"target from the restatement '{other.trigger.text}'")
    if not notes:
        return keep
    return replace(keep, source=source, target=target, evidence=keep.evidence + "; " + "; ".join(notes))


#: what a threat threatens (a future attack is recoded as a threat, so THREATEN too)
_THREATENED = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "THREATEN"})


def threatened_parties(events: list[Event], doc: Doc | None) -> list[Event]:
    """A threat aimed at no party takes the party of the act it threatens: "Iran warns *its missiles
    can hit anywhere in Israel*" is a threat to Israel, the threatened act (not done: hypothetical
    or future) being in the threat's own clause. The evidence says so; the party keeps its own words."""
    if doc is None:
        return events
    out = []
    for e in events:
        if e.plover == "THREATEN" and (e.target is None or not e.target.code or _own_side(e)):
            act = _threatened_act(e, events, doc)
            if act is not None:
                e = replace(e, target=act.target,
                            evidence=e.evidence + f"; target from the threatened '{act.trigger.text}'")
            elif _warning_to_no_one(e, doc):
                continue  # "rivals warn of possible fraud": a warning of a danger threatens no one
        out.append(e)
    return out


def _warning_to_no_one(e: Event, doc: Doc) -> bool:
    """A warning ("warn", "warning") whose target is no party at all: no actor, no code."""
    if e.target is not None and (e.target.code or e.target.actor):
        return False
    trigger = doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
    return trigger is not None and trigger.root.lemma_.lower() in ("warn", "warning")


def _own_side(e: Event) -> bool:
    """A threat aimed at its own maker ("warned that *it* would strike"): the parser's object is the speaker.
    Another body of the same country is not its own side: rebels threatening their government."""
    if e.source is None or not e.source.code or e.target.code[:3] != e.source.code[:3]:
        return False
    # (a code of a country alone, "ISR", names no body of it: the same side as any of its bodies)
    return e.source.code == e.target.code or len(e.target.code) == 3 or len(e.source.code) == 3


def _threatened_act(threat: Event, events: list[Event], doc: Doc) -> Event | None:
    head = doc.char_span(threat.trigger.start, threat.trigger.end, alignment_mode="expand")
    if head is None:
        return None
    head = head.root
    anchors = [head]
    if head.pos_ == "NOUN" and head.dep_ in ("dobj", "obj"):
        # the parser hangs the threat's infinitive on the verb that carries the noun: "renewed its
        # threats *to continue rocket attacks* against X"
        anchors += [c for c in head.head.children if c.dep_ in ("advcl", "xcomp") and c.i > head.i
                    and any(g.tag_ == "TO" for g in c.children)]
    for e in events:
        if e is threat or e.sentence != threat.sentence or e.mode == "asserted" or e.plover not in _THREATENED:
            continue
        if e.target is None or not e.target.code or (threat.source is not None and e.target.code[:3] == (threat.source.code or "")[:3]):
            continue
        act = doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")
        if act is not None and any(a.is_ancestor(act.root) for a in anchors):
            return e
    return None


#: prepositions by which a verb names the deed it was done in: "killed five *in* an air strike"
_MEANS = frozenset({"in", "during", "with", "by"})


def fold_means(events: list[Event], doc: Doc | None) -> list[Event]:
    """A deed named as the means of a verb of the same type ("Israel killed five people *in an air
    strike* on a Hamas hideout") is the verb's own happening told again: one event, the verb's, whose
    doer the noun's lacks. A target the verb left uncoded is taken from the noun's ("killed five in a
    strike *on Hamas*": the attack's target), and the evidence says so. A noun with a doer of its own,
    of another country, stays an event of its own."""
    if doc is None:
        return events
    roots = [(e, doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")) for e in events]
    roots = [(e, span.root) for e, span in roots if span is not None]
    by_root: dict[int, Event] = {}
    for e, root in roots:
        by_root.setdefault(root.i, e)
    dropped: set[int] = set()
    replaced: dict[int, Event] = {}
    for e, noun in roots:
        if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ != "pobj" or noun.head.lower_ not in _MEANS:
            continue
        verb_event = by_root.get(noun.head.head.i)
        if verb_event is None or verb_event is e or verb_event.plover != e.plover or verb_event.mode != e.mode \
                or e.cameo[:2] not in VIOLENT or verb_event.cameo[:2] not in VIOLENT:
            # (violence only, done by both words: "arrested two men in a raid on a house" tells of a raid
            # and an arrest, "arrested a man in the kidnapping of a boy" of a kidnapping and an arrest)
            continue
        if e.source is not None and e.source.code and _party_key(verb_event.source)[:3] != e.source.code[:3]:
            continue
        dropped.add(id(e))
        keep = replaced.get(id(verb_event), verb_event)
        if not has_country(keep.target) and has_country(e.target):
            keep = replace(keep, target=e.target,
                           evidence=f"{keep.evidence}; target from the deed it was done in '{e.trigger.text}'")
        replaced[id(verb_event)] = keep
    return [replaced.get(id(e), e) for e in events if id(e) not in dropped]


def one_unattributed_toll(events: list[Event]) -> list[Event]:
    """Violence by no one named, against one country, told several times in an article ("At least 69
    people have been killed ... In Baghdad, 47 Iraqis died and over 120 were injured in an explosion")
    is one aggregate (AG guide rule 8: a spate is coded once; its annotators never code two such events
    on one country in an item). The first told is kept; an event whose doer is named (a weapon or an
    attack names no one), or inferred from the story, stays apart."""
    kept: list[Event] = []
    seen: set[str] = set()
    for e in events:
        unnamed = e.source is None or (not e.source.code and e.source.actor is None)  # ("a bomb", "gunfire")
        if e.plover == "ASSAULT" and e.mode == "asserted" and unnamed and _country_key(e.target):
            key = _country_key(e.target)
            if key in seen:
                continue
            seen.add(key)
        kept.append(e)
    return kept
