//! Every user-facing sentence, in English, Russian and Chinese, from Project Fluent catalogues
//! (`locales/en`, `locales/ru`, `locales/zh-CN`, compiled into the binary). Code holds message ids and
//! arguments; translators hold the sentences, plurals included (1 брифинг, 2 брифинга, 5 брифингов).
//!
//! [`tr!`](crate::tr) gives a message as plain text; [`tr_inline!`](crate::tr_inline) as an [`Inline`] whose
//! arguments marked [`code`] or [`strong`] become styled spans, so a translation moves a command name around
//! freely and the renderer still shows it as code. A message missing from a catalogue falls back to
//! English and is logged once; it is never shown as its id (a test holds the catalogues to the same ids
//! and arguments). Dates are written the locale's way: 10 October 2018, 10 октября 2018 г., 2018年10月10日.

use std::collections::HashSet;
use std::sync::{Mutex, OnceLock};

use chrono::{Datelike, NaiveDate};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::response::{Inline, Span};
pub use crate::text::Lang;

/// The catalogues, as shipped.
pub const CATALOGUES: [(Lang, &str); 3] = [
    (Lang::En, include_str!("../../../locales/en/attache.ftl")),
    (Lang::Ru, include_str!("../../../locales/ru/attache.ftl")),
    (Lang::Zh, include_str!("../../../locales/zh-CN/attache.ftl")),
];

/// The locale of a language's catalogue: `en`, `ru`, `zh-CN`.
pub fn locale(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "en",
        Lang::Ru => "ru",
        Lang::Zh => "zh-CN",
    }
}

fn bundles() -> &'static [FluentBundle<FluentResource>; 3] {
    static BUNDLES: OnceLock<[FluentBundle<FluentResource>; 3]> = OnceLock::new();
    BUNDLES.get_or_init(|| {
        CATALOGUES.map(|(lang, source)| {
            let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(partial, errors)| {
                tracing::error!(locale = locale(lang), "catalogue errors: {errors:?}");
                partial
            });
            let id = locale(lang).parse().expect("a valid locale");
            let mut bundle = FluentBundle::new_concurrent(vec![id]);
            // No Unicode isolation marks around arguments: chat clients would show them as stray characters.
            bundle.set_use_isolating(false);
            bundle
                .add_resource(resource)
                .expect("message ids are unique in a catalogue");
            bundle
        })
    })
}

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    &bundles()[match lang {
        Lang::En => 0,
        Lang::Ru => 1,
        Lang::Zh => 2,
    }]
}

/// Logs a problem once per process, however often it recurs.
fn once(problem: String) {
    static SEEN: OnceLock<Mutex<HashSet<String>>> = OnceLock::new();
    let mut seen = SEEN
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if seen.insert(problem.clone()) {
        tracing::warn!("{problem}");
    }
}

/// Whether `lang`'s catalogue has message `id`.
pub fn has(lang: Lang, id: &str) -> bool {
    bundle(lang).has_message(id)
}

/// An argument of a message: plain text, a number (which chooses the plural form), or text to show as
/// code or strong.
#[derive(Debug, Clone)]
pub enum Arg {
    Text(String),
    Number(i64),
    Code(String),
    Strong(String),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Number(n as i64)
            }
        }
    )*};
}
number_args!(usize, u32, u64, i32, i64);

/// `text` shown as code (a command, an id) when the message becomes an [`Inline`].
pub fn code(text: impl Into<String>) -> Arg {
    Arg::Code(text.into())
}

/// `text` shown strong when the message becomes an [`Inline`].
pub fn strong(text: impl Into<String>) -> Arg {
    Arg::Strong(text.into())
}

/// Characters that mark a styled argument inside a formatted message; never part of a catalogue.
const OPEN: char = '\u{F8F0}';
const CLOSE: char = '\u{F8F1}';

fn format(lang: Lang, id: &str, args: &[(&str, Arg)], marked: bool) -> String {
    let mut fluent = FluentArgs::new();
    for (name, arg) in args {
        let value: FluentValue = match arg {
            Arg::Number(n) => (*n).into(),
            Arg::Text(s) => s.replace([OPEN, CLOSE], "").into(),
            Arg::Code(s) | Arg::Strong(s) if !marked => s.clone().into(),
            Arg::Code(_) | Arg::Strong(_) => format!("{OPEN}{name}{CLOSE}").into(),
        };
        fluent.set(*name, value);
    }
    let found = match bundle(lang).get_message(id).and_then(|m| m.value()) {
        Some(pattern) => Some((lang, pattern)),
        None => {
            if lang != Lang::En {
                once(format!(
                    "message `{id}` is missing from the {} catalogue; using English",
                    locale(lang)
                ));
            }
            bundle(Lang::En)
                .get_message(id)
                .and_then(|m| m.value())
                .map(|p| (Lang::En, p))
        }
    };
    let Some((from, pattern)) = found else {
        once(format!("message `{id}` is missing from every catalogue"));
        return String::new();
    };
    let mut errors = Vec::new();
    let text = bundle(from).format_pattern(pattern, Some(&fluent), &mut errors);
    if !errors.is_empty() {
        once(format!("message `{id}` ({}): {errors:?}", locale(from)));
    }
    text.into_owned()
}

/// Message `id` in `lang`, as plain text.
pub fn text(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    format(lang, id, args, false)
}

/// Message `id` in `lang`, with its code and strong arguments as styled spans.
pub fn inline(lang: Lang, id: &str, args: &[(&str, Arg)]) -> Inline {
    let formatted = format(lang, id, args, true);
    let mut spans = Vec::new();
    let mut rest = formatted.as_str();
    while let Some(open) = rest.find(OPEN) {
        if open > 0 {
            spans.push(Span::Plain(rest[..open].to_string()));
        }
        let after = &rest[open + OPEN.len_utf8()..];
        let Some(close) = after.find(CLOSE) else {
            break;
        };
        let name = &after[..close];
        match args.iter().find(|(n, _)| *n == name).map(|(_, a)| a) {
            Some(Arg::Code(s)) => spans.push(Span::Code(s.clone())),
            Some(Arg::Strong(s)) => spans.push(Span::Strong(s.clone())),
            _ => {}
        }
        rest = &after[close + CLOSE.len_utf8()..];
    }
    if !rest.is_empty() {
        spans.push(Span::Plain(rest.to_string()));
    }
    Inline(spans)
}

/// Message `id` in a language, as plain text: `tr!(lang, "id")`, `tr!(lang, "id", count = n, name = s)`.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $id:expr) => {
        $crate::i18n::text($lang, $id, &[])
    };
    ($lang:expr, $id:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text($lang, $id, &[$((stringify!($name), $crate::i18n::Arg::from($value))),+])
    };
}

/// Message `id` in a language, as an [`Inline`]: `tr_inline!(lang, "id", name = code(id))`.
#[macro_export]
macro_rules! tr_inline {
    ($lang:expr, $id:expr) => {
        $crate::i18n::inline($lang, $id, &[])
    };
    ($lang:expr, $id:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::inline($lang, $id, &[$((stringify!($name), $crate::i18n::Arg::from($value))),+])
    };
}

/// A date the locale's way: 15 November 2018, 15 ноября 2018 г., 2018年11月15日.
pub fn date(lang: Lang, d: NaiveDate) -> String {
    text(lang, "date", &date_args(lang, d, false))
}

/// The parts of a date as message arguments: `day`, `month` (its name, in the form a date takes),
/// `monthnum`, `year`; for the second date of a range, the same names ending in `2`.
fn date_args(lang: Lang, d: NaiveDate, second: bool) -> [(&'static str, Arg); 4] {
    let names = match second {
        false => ["day", "month", "monthnum", "year"],
        true => ["day2", "month2", "monthnum2", "year2"],
    };
    let month = text(lang, &format!("month-{}", d.month()), &[]);
    [
        (names[0], Arg::Text(d.day().to_string())),
        (names[1], Arg::Text(month)),
        (names[2], Arg::Text(d.month().to_string())),
        (names[3], Arg::Text(d.year().to_string())),
    ]
}

/// A date or a range, the locale's way: "15–16 November 2018", "30 ноября – 2 декабря 2018 г.",
/// "2018年11月15日至16日".
pub fn date_range(lang: Lang, start: NaiveDate, end: Option<NaiveDate>) -> String {
    let Some(end) = end.filter(|e| *e > start) else {
        return date(lang, start);
    };
    let mut args = date_args(lang, start, false).to_vec();
    args.extend(date_args(lang, end, true));
    let id = if end.year() != start.year() {
        "date-range"
    } else if end.month() != start.month() {
        "date-range-same-year"
    } else {
        "date-range-same-month"
    };
    text(lang, id, &args)
}

#[cfg(test)]
mod tests;
