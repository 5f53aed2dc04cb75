//! Event dates: absolute dates ("15 November 2018", "November 15, 2018", "2018-11-15", "10 октября 2018
//! года", "2018年10月10日") and ranges ("15–16 November 2018", "November 30 – December 2, 2018", "from 9 to
//! 11 May 2018", "с 10 по 12 октября 2018 года", "2018年10月10日至12日").
//!
//! A date needs a day, a month and a year: a weekday or a year alone gives nothing. A day and month
//! without a year borrow the year only when the text mentions exactly one year. Among several dates,
//! one in a sentence about the event wins; bylines and datelines (when the article was written) lose.

use crate::transient::Transient;
use chrono::NaiveDate;
use regex::{Captures, Regex};

use super::sentences::sentences;
use super::text::{dateline, tail};

const MONTH: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";
const DAY: &str = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?";
const SEP: &str = r"\s*(?:-|–|—|(?i:to|and|until|till|through|thru))\s*";
const YEAR: &str = r"(?:19|20)\d{2}";
/// Russian months in the genitive ("10 октября"), the form a date takes.
pub(super) const MONTH_RU: &str =
    "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря";
/// Two digits first, so "10日" is not read as the 1st.
const DAY_RU: &str = r"(?:[12]\d|3[01]|0?[1-9])";

/// Date patterns, most specific first; only the last two may lack a year.
static DATES: Transient<Vec<Regex>> = Transient::new(|| {
    let p = [
        format!(
            r"(?-u:\b)(?P<d1>{DAY})\s+(?P<m1>{MONTH})(?:\s+{YEAR})?{SEP}(?P<d2>{DAY})\s+(?P<m2>{MONTH}),?\s+(?P<y>{YEAR})(?-u:\b)"
        ),
        format!(
            r"(?-u:\b)(?P<m1>{MONTH})\s+(?P<d1>{DAY}){SEP}(?P<m2>{MONTH})\s+(?P<d2>{DAY}),?\s+(?P<y>{YEAR})(?-u:\b)"
        ),
        format!(
            r"(?-u:\b)(?P<d1>{DAY})(?:{SEP}(?P<d2>{DAY}))?\s+(?:of\s+)?(?P<m1>{MONTH}),?\s+(?P<y>{YEAR})(?-u:\b)"
        ),
        format!(r"(?-u:\b)(?P<m1>{MONTH})\s+(?P<d1>{DAY})(?:{SEP}(?P<d2>{DAY}))?,?\s+(?P<y>{YEAR})(?-u:\b)"),
        r"(?-u:\b)(?P<y>(?:19|20)\d{2})-(?P<mn>[01]\d)-(?P<d1>[0-3]\d)(?-u:\b)".to_string(),
        format!(
            r"(?i)(?-u:\b)(?P<d1>{DAY_RU})(?:\s*(?:-|–|—|по)\s*(?P<d2>{DAY_RU}))?\s+(?P<m1>{MONTH_RU})(?:\s+(?P<y>{YEAR})(?-u:\b))?"
        ),
        format!(
            r"(?:(?P<y>{YEAR})\s*年\s*)?(?P<mn>1[0-2]|0?[1-9])\s*月\s*(?P<d1>{DAY_RU})\s*日?(?:\s*(?:-|–|—|至|到|~|～)\s*(?P<d2>{DAY_RU})\s*日)?"
        ),
        format!(r"(?-u:\b)(?P<d1>{DAY})(?:{SEP}(?P<d2>{DAY}))?\s+(?:of\s+)?(?P<m1>{MONTH})(?-u:\b)"),
        format!(r"(?-u:\b)(?P<m1>{MONTH})\s+(?P<d1>{DAY})(?:{SEP}(?P<d2>{DAY}))?(?-u:\b)"),
    ];
    p.iter().map(|s| Regex::new(s).expect("date regex")).collect()
});

/// A year on its own ("in 2018"), for years that day-and-month dates may borrow.
static YEAR_WORD: Transient =
    Transient::new(|| Regex::new(r"(?-u:\b)(?:19|20)\d{2}(?-u:\b)").expect("year regex"));
/// Words that make a sentence about the event rather than about something else.
static EVENT_CONTEXT: Transient = Transient::new(|| {
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?:{}|event|held|took\s+place|takes\s+place|will\s+take\s+place|runs|opened|kicked\s+off|convened|gathered)(?-u:\b)|форум|конференц|выставк|саммит|съезд|прош[её]л|прошла|состоял|пройд[её]т|открыл|论坛|論壇|会议|會議|大会|大會|博览会|博覽會|研讨会|研討會|举办|舉辦|举行|舉行|开幕|開幕",
        super::facts::KINDS
    ))
    .expect("event context regex")
});
/// Sentences about another edition: "Next year's forum will take place …".
pub(crate) static OTHER_EDITION: Transient = Transient::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:next|last|previous|past|following|upcoming)\s+(?:year|edition|session|event)|(?-u:\b)(?:next|last)\s+year’?'?s(?-u:\b)|(?-u:\b)will\s+return(?-u:\b)")
        .expect("other edition regex")
});
/// "Posted on …", "Published …": the date the article was written, not the event's.
static BYLINE: Transient = Transient::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:posted|published|updated|written|released)(?-u:\b)[^.]*$")
        .expect("byline regex")
});

/// A clock time right after a date: "2018年10月15日10:06", "3 сентября 2020, 10:50": a page's stamp of
/// when it was published, not the event's date.
static CLOCK_AFTER: Transient =
    Transient::new(|| Regex::new(r"^\s*,?\s*(?:[01]?\d|2[0-3]):[0-5]\d").expect("clock regex"));
/// A label right before a date: "date 2025-11-28", "发布日期:", "时间:".
static STAMP_BEFORE: Transient = Transient::new(|| {
    Regex::new(r"(?i)(?:(?-u:\b)date|日期|时间|時間)\s*[:：]?\s*$").expect("stamp label regex")
});

/// The start and (for ranges) end date of the event, from the title and paragraphs in order.
pub(crate) fn event_dates(
    title: Option<&str>,
    paragraphs: &[&str],
    event: Option<&str>,
) -> Option<(NaiveDate, Option<NaiveDate>)> {
    let years_of = |text: &str| -> Vec<i32> {
        YEAR_WORD
            .get()
            .find_iter(text)
            .filter_map(|m| m.as_str().parse().ok())
            .collect()
    };
    let title_years = title.map(years_of).unwrap_or_default();
    // A day and month in a paragraph with no year borrow the year of the text before it (a page stamp)
    // when that names only one, else the text's when it names only one; a dateline's day (when the
    // report was written) borrows only from before it.
    let mut years_before: Vec<i32> = title_years.clone();
    years_before.sort_unstable();
    years_before.dedup();
    let mut text_years: Vec<i32> = title
        .into_iter()
        .chain(paragraphs.iter().copied())
        .flat_map(years_of)
        .collect();
    text_years.sort_unstable();
    text_years.dedup();
    let mut best: Option<(i32, NaiveDate, Option<NaiveDate>)> = None;
    for p in title.into_iter().chain(paragraphs.iter().copied()) {
        if !p.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        // "on 3 March" borrows the year only when the title and its paragraph name a single one.
        let mut years = years_of(p);
        years.extend(&title_years);
        years.sort_unstable();
        years.dedup();
        let only_year = match (&years[..], &years_before[..]) {
            ([y], _) | ([], [y]) => Some(*y),
            _ => None,
        };
        let text_year = match (&years[..], &years_before[..], &text_years[..]) {
            ([], [], [y]) => Some(*y),
            _ => None,
        };
        // `years` holds this paragraph's and the title's; the title's are in `years_before` already.
        years_before.extend(&years);
        years_before.sort_unstable();
        years_before.dedup();
        let dateline_end = dateline(p).map_or(0, |(_, end)| end);
        for sentence in sentences(p) {
            if !sentence.bytes().any(|b| b.is_ascii_digit()) {
                continue;
            }
            // Sentences are sub-slices of the paragraph, so their offset is the pointer difference.
            let offset = (sentence.as_ptr() as usize).saturating_sub(p.as_ptr() as usize);
            let about_event =
                EVENT_CONTEXT.get().is_match(sentence) || event.is_some_and(|e| sentence.contains(e));
            let other_edition = OTHER_EDITION.get().is_match(sentence);
            let mut taken: Vec<(usize, usize)> = Vec::new();
            for re in DATES.get().iter() {
                for c in re.captures_iter(sentence) {
                    let Some(m) = c.get(0) else { continue };
                    if taken.iter().any(|&(s, e)| m.start() < e && s < m.end()) {
                        continue;
                    }
                    taken.push((m.start(), m.end()));
                    let in_dateline = offset + m.start() < dateline_end;
                    let lent = only_year.or(text_year.filter(|_| !in_dateline));
                    let Some((start, end, had_year)) = date_of(&c, lent) else {
                        continue;
                    };
                    let before = tail(&sentence[..m.start()], 40);
                    let byline = BYLINE.get().is_match(before)
                        || STAMP_BEFORE.get().is_match(before)
                        || CLOCK_AFTER.get().is_match(&sentence[m.end()..]);
                    let score = 2 * i32::from(about_event) - 3 * i32::from(other_edition)
                        + i32::from(end.is_some())
                        - 3 * i32::from(byline)
                        - 2 * i32::from(in_dateline)
                        - i32::from(!had_year);
                    if best.as_ref().is_none_or(|(b, _, _)| score > *b) {
                        best = Some((score, start, end));
                    }
                }
            }
        }
    }
    best.map(|(_, s, e)| (s, e))
}

/// The dates of one match, and whether the year was stated.
fn date_of(c: &Captures, only_year: Option<i32>) -> Option<(NaiveDate, Option<NaiveDate>, bool)> {
    let num = |g: &str| -> Option<u32> {
        c.name(g)?
            .as_str()
            .trim_end_matches(char::is_alphabetic)
            .parse()
            .ok()
    };
    let stated = c.name("y").and_then(|y| y.as_str().parse::<i32>().ok());
    let year = stated.or(only_year)?;
    let m1 = match c.name("mn") {
        Some(m) => m.as_str().parse().ok()?,
        None => month_number(c.name("m1")?.as_str())?,
    };
    let d1 = num("d1")?;
    let Some(d2) = num("d2") else {
        return Some((NaiveDate::from_ymd_opt(year, m1, d1)?, None, stated.is_some()));
    };
    let m2 = c.name("m2").and_then(|m| month_number(m.as_str())).unwrap_or(m1);
    // The year is written once, at the end: "30 December – 2 January 2019" starts a year earlier.
    let start_year = if m2 < m1 { year - 1 } else { year };
    let start = NaiveDate::from_ymd_opt(start_year, m1, d1)?;
    let end = NaiveDate::from_ymd_opt(year, m2, d2)?;
    let days = (end - start).num_days();
    (1..=60)
        .contains(&days)
        .then_some((start, Some(end), stated.is_some()))
}

/// English month names and their usual abbreviations, and Russian month names in any case form, for
/// date parsing and for rejecting months as names or places.
pub(crate) fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.starts_with(|c: char| matches!(c, 'а'..='я' | 'ё')) {
        const RU: [&str; 12] = [
            "январ",
            "феврал",
            "март",
            "апрел",
            "ма",
            "июн",
            "июл",
            "август",
            "сентябр",
            "октябр",
            "ноябр",
            "декабр",
        ];
        let may = matches!(w.as_str(), "май" | "мая" | "мае");
        return RU
            .iter()
            .position(|m| w.starts_with(m) && (*m != "ма" || may))
            .map(|i| i as u32 + 1);
    }
    let n = match w.as_str() {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    };
    Some(n)
}

/// Whether `word` is a weekday name (full or abbreviated).
pub(crate) fn is_weekday(word: &str) -> bool {
    matches!(
        word.trim_end_matches('.').to_lowercase().as_str(),
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "mon"
            | "tue"
            | "tues"
            | "wed"
            | "thu"
            | "thur"
            | "thurs"
            | "fri"
            | "sat"
            | "sun"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str) -> Option<(NaiveDate, Option<NaiveDate>)> {
        let paragraphs: Vec<&str> = text.split("\n\n").collect();
        event_dates(None, &paragraphs, None)
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn single_dates_in_three_notations() {
        assert_eq!(
            dates("The summit took place on 15 November 2018 in Paris."),
            Some((d(2018, 11, 15), None))
        );
        assert_eq!(
            dates("It opened on Thursday, November 15th, 2018."),
            Some((d(2018, 11, 15), None))
        );
        assert_eq!(dates("Registration: 2019-03-07."), Some((d(2019, 3, 7), None)));
    }

    #[test]
    fn ranges() {
        assert_eq!(
            dates("The forum will be held November 15-16, 2018."),
            Some((d(2018, 11, 15), Some(d(2018, 11, 16))))
        );
        assert_eq!(
            dates("The expo runs 30 November – 2 December 2018."),
            Some((d(2018, 11, 30), Some(d(2018, 12, 2))))
        );
        assert_eq!(
            dates("It ran from 30 December to 2 January 2019."),
            Some((d(2018, 12, 30), Some(d(2019, 1, 2))))
        );
        assert_eq!(
            dates("Held from 9 to 11 May 2018."),
            Some((d(2018, 5, 9), Some(d(2018, 5, 11))))
        );
    }

    #[test]
    fn weekday_or_year_alone_stays_unknown() {
        assert_eq!(
            dates("The forum opened on Tuesday. It was the best event of 2018, and in May it grew."),
            None
        );
    }

    #[test]
    fn event_dates_beat_bylines_and_datelines() {
        assert_eq!(
            dates("Posted on 1 December 2018\n\nThe conference was held on 20 November 2018."),
            Some((d(2018, 11, 20), None))
        );
        assert_eq!(
            dates("SINGAPORE, 2 October 2019 – Delegates gathered at the summit, held on 1–2 October 2019."),
            Some((d(2019, 10, 1), Some(d(2019, 10, 2))))
        );
    }

    #[test]
    fn next_editions_date_loses_to_the_dateline() {
        assert_eq!(
            dates(
                "CAPE TOWN, June 24, 2022 -- The forum closed.\n\nNext year's forum will take place from 20-23 June 2023."
            ),
            Some((d(2022, 6, 24), None))
        );
    }

    #[test]
    fn yearless_date_borrows_the_only_year() {
        assert_eq!(
            dates("In 2018 the summit opened on 3 March."),
            Some((d(2018, 3, 3), None))
        );
        assert_eq!(dates("In 2018 and 2019 the summit opened on 3 March."), None);
        assert_eq!(
            dates("MOSCOW, April 18 (Reuters) - Talks began.\n\nThe next round is in 2020."),
            None
        );
        assert_eq!(
            event_dates(Some("Forum 2018 opens"), &["It opened on 3 March."], None),
            Some((d(2018, 3, 3), None))
        );
    }

    #[test]
    fn russian_and_chinese_dates() {
        assert_eq!(
            dates("Форум прошёл 10 октября 2018 года в Казани."),
            Some((d(2018, 10, 10), None))
        );
        assert_eq!(
            dates("Конференция пройдёт с 21 по 23 августа 2013 г."),
            Some((d(2013, 8, 21), Some(d(2013, 8, 23))))
        );
        assert_eq!(
            dates("论坛于2018年10月10日在上海开幕。"),
            Some((d(2018, 10, 10), None))
        );
        assert_eq!(
            dates("博览会将于2011年10月21日至25日举行。"),
            Some((d(2011, 10, 21), Some(d(2011, 10, 25))))
        );
        assert_eq!(
            dates("2024年举办的论坛于5月3日开幕。"),
            Some((d(2024, 5, 3), None))
        );
    }

    #[test]
    fn page_stamps_lose_and_lend_their_year() {
        assert_eq!(
            dates("2018年10月15日10:06\n\n第五届青山论坛10月14日在白水开幕。"),
            Some((d(2018, 10, 14), None))
        );
        assert_eq!(
            dates("3 сентября 2020, 10:50\n\nФорум пройдёт с 20 по 22 октября."),
            Some((d(2020, 10, 20), Some(d(2020, 10, 22))))
        );
        assert_eq!(
            dates(" date 2025-11-28\n\nСлёт прошёл 27 ноября."),
            Some((d(2025, 11, 27), None))
        );
        assert_eq!(
            dates("The expo opened on 3 March.\n\nIt was the largest of 2019."),
            Some((d(2019, 3, 3), None))
        );
    }

    #[test]
    fn invalid_dates_are_ignored() {
        for t in ["31 February 2018", "99 May 2018", "16-15 May 2018", "0 May 2018"] {
            assert_eq!(dates(t), None, "{t}");
        }
    }
}
