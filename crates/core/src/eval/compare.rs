//! How a label and a prediction are compared: texts folded (NFKC, case, whitespace, quotation marks, edge
//! punctuation), Chinese character by character, speakers by surname, dates by the day and month the
//! label's own wording states.

use crate::transient::Transient;
use chrono::{Datelike, NaiveDate};
use regex::Regex;
use unicode_normalization::UnicodeNormalization;

use crate::text::{Script, has_han, script};

/// Folds NFKC forms (full-width `，：（` to `,:(`), case, whitespace, quotation marks and edge punctuation,
/// so labels and predictions compare by words. Chinese has no spaces between words, so in a text with Han
/// characters, spaces next to one are dropped and the comparison is character by character.
pub fn fold(s: &str) -> String {
    let han = has_han(s);
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.nfkc() {
        match c {
            '"' | '“' | '”' | '„' | '‟' | '«' | '»' | '「' | '」' | '『' | '』' | '‹' | '›' | '〝' | '〞' =>
                {}
            // Apostrophes stay (as one kind), quotation marks made of them are edge punctuation below.
            '‘' | '’' | '`' => out.push('\''),
            c if c.is_whitespace() => space = !out.is_empty(),
            c => {
                let joins_han = han
                    && (script(c) == Script::Han
                        || out.chars().next_back().is_some_and(|p| script(p) == Script::Han));
                if space && !joins_han {
                    out.push(' ');
                }
                space = false;
                out.extend(c.to_lowercase());
            }
        }
    }
    out.trim_matches(|c: char| {
        c.is_whitespace()
            || c.is_ascii_punctuation()
            || matches!(c, '—' | '–' | '…' | '。' | '、' | '；' | '！' | '？')
    })
    .to_string()
}

/// Organization names also drop a leading "the".
pub fn fold_org(s: &str) -> String {
    let f = fold(s);
    f.strip_prefix("the ").map(str::to_string).unwrap_or(f)
}

/// Whether a predicted speaker names the labeled one: the label's surname (its last word) is a word of the
/// prediction; a Chinese name (no spaces) is contained in it, or contains a prediction of two characters
/// or more (系主任鄭欽模 and 鄭欽模 name the same man).
pub fn same_speaker(label: &str, predicted: &str) -> bool {
    let (l, p) = (fold(label), fold(predicted));
    if l.is_empty() || p.is_empty() {
        return false;
    }
    if has_han(&l) {
        return p.contains(&l) || (l.contains(&p) && p.chars().count() >= 2);
    }
    let surname = l.rsplit(' ').next().unwrap_or("");
    p.split(' ')
        .any(|w| w.trim_matches(|c: char| !c.is_alphanumeric()) == surname)
}

/// Whether folded `predicted` covers folded `label` (contains it, or is most of it: more than half).
pub fn covers(predicted: &str, label: &str) -> bool {
    !predicted.is_empty()
        && (predicted.contains(label) || (label.contains(predicted) && predicted.len() * 2 >= label.len()))
}

/// A day and month (and maybe a year) in a label's wording: "26 March", "March 26-28", "Aug. 25-28, 2008",
/// "7 июля", "С 21 по 23 августа 2013 г.", "10月14日", "2007年4月28日上午", or an ISO date.
static DAY_MONTH: Transient<Vec<Regex>> = Transient::new(|| {
    let month = r"(?P<m>[A-Za-z]{3,9}|[а-яё]{3,9})\.?";
    [
        r"^(?P<y>\d{4})-(?P<mn>\d{2})-(?P<d>\d{2})$".to_string(),
        r"(?:(?P<y>\d{4})年)?(?P<mn>\d{1,2})月(?P<d>\d{1,2})日".to_string(),
        format!(r"(?i)(?P<d>\d{{1,2}})(?:\s*(?:-|–|по|to)\s*\d{{1,2}})?\s+{month}(?:,?\s+(?P<y>\d{{4}}))?"),
        format!(r"(?i){month}\s+(?P<d>\d{{1,2}})(?:\s*[-–]\s*\d{{1,2}})?(?:,?\s+(?P<y>\d{{4}}))?"),
    ]
    .iter()
    .map(|p| Regex::new(p).expect("label date regex"))
    .collect()
});

/// Whether `predicted` is the date a label's wording states: the same day and month, and the same year
/// when the label gives one. `None` when the label states no calendar day ("Tuesday", "next month",
/// "今天上午"): such a date is not scored.
pub fn same_date(label: &str, predicted: Option<NaiveDate>) -> Option<bool> {
    let (year, month, day) = DAY_MONTH.get().iter().find_map(|re| {
        let c = re.captures(label)?;
        let month = match c.name("mn") {
            Some(m) => m.as_str().parse().ok()?,
            None => month_of(c.name("m")?.as_str())?,
        };
        let day: u32 = c.name("d")?.as_str().parse().ok()?;
        let year: Option<i32> = c.name("y").and_then(|y| y.as_str().parse().ok());
        Some((year, month, day))
    })?;
    Some(
        predicted.is_some_and(|p| p.month() == month && p.day() == day && year.is_none_or(|y| p.year() == y)),
    )
}

/// The month an English or Russian month word (any case form, or an abbreviation) names.
fn month_of(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    const EN: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    const RU: [&str; 12] = [
        "янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек",
    ];
    if matches!(w.as_str(), "мая" | "мае") {
        return Some(5);
    }
    let i = EN.iter().chain(&RU).position(|m| w.starts_with(m))? % 12;
    Some(i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn folding_ignores_case_space_marks_edges_and_width() {
        assert_eq!(fold("  “Hello,   World.”  "), "hello, world");
        assert_eq!(fold("It’s «fine»!"), "it's fine");
        assert_eq!(fold("中国 人民，大学（北京）主办"), "中国人民,大学(北京)主办");
        assert_eq!(fold("在 Infoforum 上"), "在infoforum上");
    }

    #[test]
    fn speakers_by_surname_or_whole_chinese_name() {
        assert!(same_speaker("Ana Lima", "Dr. Ana Lima"));
        assert!(!same_speaker("Ana Lima", "Ana Smith"));
        assert!(same_speaker("鄭欽模", "系主任鄭欽模"));
        assert!(same_speaker("徐伟新", "徐伟新"));
        assert!(!same_speaker("徐伟新", "徐"));
    }

    #[test]
    fn label_dates_in_three_languages() {
        assert_eq!(same_date("2018-10-10", d(2018, 10, 10)), Some(true));
        assert_eq!(same_date("March 26-28", d(2019, 3, 26)), Some(true));
        assert_eq!(same_date("Aug. 25-28, 2008", d(2009, 8, 25)), Some(false));
        assert_eq!(same_date("7 июля", d(2019, 7, 7)), Some(true));
        assert_eq!(
            same_date("С 21 по 23 августа 2013 г.", d(2013, 8, 21)),
            Some(true)
        );
        assert_eq!(same_date("25 мая", d(2013, 5, 25)), Some(true));
        assert_eq!(same_date("2007年4月28日上午", d(2007, 4, 28)), Some(true));
        assert_eq!(same_date("10月14日", None), Some(false));
        assert_eq!(same_date("Tuesday", d(2019, 3, 26)), None);
        assert_eq!(same_date("今天上午", None), None);
    }
}
