"""Story grouping. The articles are written for these tests (no real article text)."""
from __future__ import annotations

import pytest

from tidings.ingest.stories import Story, StoryGrouper, article_features, story_id
from tidings.model import Actor, Analysis, Place, Sentence, Summary

GENEVA = ("Talks in Geneva on security guarantees", "2022-01-10", """GENEVA, Jan 10 (Tidings Wire) - Russian and American diplomats met in Geneva on Monday for talks on Moscow's demands for security guarantees, as tens of thousands of Russian troops remained massed near Ukraine's border.

Deputy Foreign Minister Sergei Ryabkov said Russia wanted binding promises that NATO would not expand further east. US Deputy Secretary of State Wendy Sherman said Washington would not let anyone slam shut NATO's open door policy.

The talks lasted nearly eight hours. Both sides said they would continue discussions at NATO headquarters in Brussels later in the week.""")

BRUSSELS = ("NATO and Russia meet in Brussels as tensions over Ukraine persist", "2022-01-12", """BRUSSELS (Tidings Wire) - NATO ambassadors and a Russian delegation met in Brussels on Wednesday, the second round of talks this week aimed at easing the standoff over Ukraine.

NATO Secretary General Jens Stoltenberg said the alliance was ready to talk about arms control and military exercises but would not give Russia a veto over which countries could join. Russia's Deputy Foreign Minister Alexander Grushko said the alliance had ignored Moscow's security concerns.

Ukraine was not at the table, but Kyiv said it had been briefed by NATO allies before the meeting.""")

VIENNA = ("OSCE talks in Vienna end without progress on Ukraine", "2022-01-13", """VIENNA (Tidings Wire) - Talks at the Organization for Security and Cooperation in Europe in Vienna ended on Thursday without a breakthrough, closing a week of diplomacy over Russia's troop buildup near Ukraine.

Poland's foreign minister, who chairs the OSCE this year, warned that the risk of war in Europe was greater than at any time in the past 30 years. Russia's envoy said Moscow was not satisfied with the answers it had received from NATO and the United States on its security demands.

US officials said Washington would consult its allies on the next steps.""")

BUSINESS = ("Chipmaker reports record profit on strong demand", "2022-01-13", """TAIPEI (Tidings Wire) - Taiwan Semiconductor Manufacturing Co reported a record quarterly profit on Thursday and said it would raise spending on new factories this year to as much as 44 billion dollars to meet demand for chips.

Net profit for the October to December quarter rose 16 percent from a year earlier, beating analysts' forecasts. The company said shortages of chips for cars and phones would ease only gradually in 2022.

Shares of the company rose 2 percent in Taipei trading.""")

LATER = ("Russia and US to hold new talks on Ukraine", "2022-02-14", """MOSCOW (Tidings Wire) - Russian Foreign Minister Sergei Lavrov said on Monday that Moscow saw a chance to reach agreement with the United States and NATO on security guarantees, as Western leaders warned that Russian troops near Ukraine could attack at any moment.

President Vladimir Putin asked Lavrov whether diplomacy still had a chance. Lavrov said talks should continue, while the Pentagon said Russia was still adding forces near the Ukrainian border.""")

POLITICS = ("Senate passes spending bill, averting shutdown", "2022-01-12", """WASHINGTON (Tidings Wire) - The US Senate passed a stopgap spending bill late on Wednesday, averting a government shutdown hours before funding was due to run out.

The measure keeps federal agencies funded until March. Senate Majority Leader Chuck Schumer said lawmakers would use the time to negotiate a full budget for the year, while Republicans said they wanted more money for the military.

President Joe Biden is expected to sign the bill on Thursday, the White House said.""")

QUAKE = ("Earthquake shakes western Turkey, damaging buildings", "2022-01-11", """ISTANBUL (Tidings Wire) - A strong earthquake struck western Turkey on Tuesday, damaging dozens of buildings and sending residents into the streets, the country's disaster agency said.

The magnitude 5.9 quake was centred near the town of Simav in Kutahya province. Interior Minister Suleyman Soylu said there were no immediate reports of deaths, but at least 30 people were treated for injuries.

Rescue teams were searching collapsed houses in several villages.""")

WEEK = {"geneva": GENEVA, "brussels": BRUSSELS, "vienna": VIENNA}
OTHERS = {"tsmc": BUSINESS, "senate": POLITICS, "quake": QUAKE}


@pytest.fixture(scope="module")
def analysed(analyze):
    return {key: (title, date, analyze(text, date, title=title, id=key))
            for key, (title, date, text) in {**WEEK, **OTHERS, "later": LATER}.items()}


def run(grouper, analysed, keys):
    return {key: grouper.assign(key, analysed[key][1], analysed[key][2], analysed[key][0]) for key in keys}


ORDER = ["geneva", "quake", "brussels", "senate", "vienna", "tsmc", "later"]


def test_a_week_of_talks_is_one_story_and_other_news_is_not(analysed):
    grouper = StoryGrouper()
    got = run(grouper, analysed, ORDER)
    week = got["geneva"].story_id
    assert got["geneva"].is_new and week == story_id("geneva")
    assert got["brussels"].story_id == week and not got["brussels"].is_new
    assert got["vienna"].story_id == week and not got["vienna"].is_new
    for key in ("quake", "senate", "tsmc"):
        assert got[key].is_new and got[key].story_id != week
    # the same dispute a month later is past the window: a new story
    assert got["later"].is_new and got["later"].story_id != week
    story = grouper.stories[week]
    assert story.articles == ["geneva", "brussels", "vienna"]
    assert (story.first, story.last) == ("2022-01-10", "2022-01-13")
    assert story.title in {analysed[k][0] for k in WEEK}
    assert story.title_article in WEEK and story.title == analysed[story.title_article][0]
    assert story.summary == analysed[story.title_article][2].summary.text
    assert week not in {s.id for s in grouper.open_stories()}  # a month on, the week's story is closed


def test_grouping_is_deterministic(analysed):
    a, b = StoryGrouper(), StoryGrouper()
    assert run(a, analysed, ORDER) == run(b, analysed, ORDER)
    assert [s.to_json() for s in a.stories.values()] == [s.to_json() for s in b.stories.values()]


def test_saved_stories_restore_the_grouper(analysed):
    first = StoryGrouper()
    run(first, analysed, ["geneva", "quake", "brussels"])
    saved = [Story.from_json(s.to_json()) for s in first.stories.values()]
    assert [s.to_json() for s in saved] == [s.to_json() for s in first.stories.values()]
    second = StoryGrouper.from_stories(saved)
    got = run(second, analysed, ["vienna", "tsmc", "brussels"])
    assert got["vienna"].story_id == story_id("geneva") and not got["vienna"].is_new
    assert got["tsmc"].is_new
    assert got["brussels"].story_id == story_id("geneva")  # already assigned: keeps its story
    assert second.stories[story_id("geneva")].articles == ["geneva", "brussels", "vienna"]


# Hand-built analyses: no events at all, so grouping must rest on words, actors and places.
def hand(key, title, lede, actors=(), places=(), published="2022-03-01"):
    text = lede + " More details followed."
    return Analysis(
        id=key, text=text, title=title, published=published, sentences=[Sentence(0, len(lede))],
        summary=Summary(lede, [0]),
        actors=[Actor(f"a{i}", code, code[:3] if len(code) > 3 else code, None, name, kind)
                for i, (code, name, kind) in enumerate(actors)],
        places=[Place(0, 0, name, name, country, None, None, kind) for name, country, kind in places],
    )


FLOOD = dict(
    title="Floods force thousands from homes in northern Italy",
    lede="Heavy rain flooded towns across the Po valley, forcing thousands of residents to leave their homes.",
    actors=[("ITAGOV", "Italian government", "organisation")], places=[("Po valley", "ITA", "region")],
)
FLOOD2 = dict(
    title="Italy declares emergency as Po valley floods spread",
    lede="The Italian government declared a state of emergency as floods in the Po valley reached more towns.",
    actors=[("ITAGOV", "Italian government", "organisation")], places=[("Po valley", "ITA", "region")],
)


def test_window_opens_and_closes_without_events():
    grouper = StoryGrouper(window_days=7)
    first = grouper.assign("f1", None, hand("f1", **FLOOD, published="2022-03-01"))
    assert first.is_new
    same_week = grouper.assign("f2", "2022-03-04", hand("f2", **FLOOD2))
    assert same_week.story_id == first.story_id and 0 < same_week.score < 1
    weeks_later = grouper.assign("f3", "2022-04-20", hand("f3", **FLOOD2))
    assert weeks_later.is_new
    undated = grouper.assign("f4", None, hand("f4", **FLOOD, published=None))
    # undated: not taken to be as recent as the newest article seen; it starts an undated story, and
    # another undated article of the same run joins that one, never the dated stories
    assert undated.is_new and undated.story_id not in {first.story_id, weeks_later.story_id}
    assert grouper.stories[undated.story_id].first is None
    again = grouper.assign("f5", None, hand("f5", **FLOOD2, published=None))
    assert again.story_id == undated.story_id


def test_features_are_unit_length_and_named_by_kind():
    feats = article_features(hand("f1", **FLOOD))
    assert abs(sum(v * v for v in feats.values()) - 1) < 1e-9
    assert {"a:ITA", "s:ITAGOV", "p:po valley", "c:ITA", "t:floods"} <= set(feats)
    assert "w:thousands" not in feats  # a title word is counted once, as a title word
