//! Language-specific text handling, one function per concern, shared by extraction, search, event
//! resolution and the questions users ask: which language a text is in ([`detect`]), its words
//! ([`tokens`]), a word's stem for matching ([`stem`]).
//!
//! Attaché reads and answers in English, Russian and Chinese. What a word is depends on its script, not on
//! the language a text is labelled with: a Chinese article names people in Latin letters, a Russian one
//! quotes English titles. So runs of Han characters are segmented into words with a dictionary (jieba, with
//! the 40,000 most frequent words of its dictionary plus current terms, `data/zh-words.txt`: 4 MB in
//! memory, 10 ms to load, once, on first use), and other runs are split at what is not a letter or digit;
//! Cyrillic words are stemmed with the Russian Snowball stemmer, Latin ones with the English one.

use std::borrow::Cow;
use std::sync::OnceLock;

use serde::Serialize;

use crate::transient::Transient;

/// A language Attaché reads and writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Ru,
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Ru, Lang::Zh];

    /// The BCP 47 tag: `en`, `ru`, `zh`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Zh => "zh",
        }
    }

    /// The language of a BCP 47 tag, by its primary subtag: `zh-CN`, `zh-TW`, `zh-Hans` are Chinese,
    /// `en-GB` English, `ru-RU` Russian. `None` for any other language.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "ru" => Some(Lang::Ru),
            "zh" | "cmn" => Some(Lang::Zh),
            _ => None,
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// The script of a character, as far as word handling cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Han,
    Cyrillic,
    Latin,
    /// Digits, and letters of other scripts: split like Latin, never stemmed.
    Other,
}

pub fn script(c: char) -> Script {
    match c {
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2A6DF}' => Script::Han,
        '\u{0400}'..='\u{04FF}' | '\u{0500}'..='\u{052F}' => Script::Cyrillic,
        c if c.is_ascii_alphabetic() => Script::Latin,
        '\u{00C0}'..='\u{024F}' => Script::Latin,
        _ => Script::Other,
    }
}

/// The language a text is written in, when there is enough of it to tell: by script for Chinese and
/// Russian (a Han character weighs as two letters, as it carries a word or half of one), and by whatlang's
/// trigram model among the Latin-script languages. `None` for a text with too few letters.
///
/// Returns a BCP 47 primary tag: `en`, `ru`, `zh`, or another language whatlang knows (`fr`, `de`, ...),
/// which Attaché stores but reads as English text.
pub fn detect(text: &str) -> Option<&'static str> {
    let (han, cyrillic, latin) = letters(text);
    if han + cyrillic + latin < 12 {
        return None;
    }
    if let Some(lang) = by_script(han, cyrillic, latin) {
        return Some(lang);
    }
    // The trigram model is sure of itself after some 150 words (a thousand characters): reading more only
    // costs time, a fifth of an article's extraction at two thousand.
    let latin_only: String = text
        .chars()
        .filter(|c| script(*c) != Script::Han && script(*c) != Script::Cyrillic)
        .take(1000)
        .collect();
    let info = LATIN.detect(&latin_only)?;
    if info.script() != whatlang::Script::Latin || (!info.is_reliable() && info.lang() != whatlang::Lang::Eng)
    {
        return Some("en");
    }
    Some(iso_639_1(info.lang()))
}

/// The language of a short text such as a chat question ("какие темы?", "议题？"), told by its script
/// alone: Chinese or Russian; `None` for Latin script or no letters, which only [`detect`] can tell.
pub fn detect_by_script(text: &str) -> Option<&'static str> {
    let (han, cyrillic, latin) = letters(text);
    by_script(han, cyrillic, latin)
}

/// Han characters (each weighing two letters), Cyrillic letters and Latin letters in `text`.
fn letters(text: &str) -> (usize, usize, usize) {
    let (mut han, mut cyrillic, mut latin) = (0usize, 0usize, 0usize);
    for c in text.chars() {
        match script(c) {
            Script::Han => han += 2,
            Script::Cyrillic => cyrillic += 1,
            Script::Latin => latin += 1,
            Script::Other => {}
        }
    }
    (han, cyrillic, latin)
}

/// Chinese when Han characters weigh 30 % of the letters, else Russian when Cyrillic letters are at
/// least as many as Latin ones; `None` when neither (or no letters at all).
fn by_script(han: usize, cyrillic: usize, latin: usize) -> Option<&'static str> {
    let letters = han + cyrillic + latin;
    if letters == 0 {
        None
    } else if han * 10 >= letters * 3 {
        Some("zh")
    } else if cyrillic >= latin {
        Some("ru")
    } else {
        None
    }
}

/// The Latin-script languages Attaché names, with their two-letter codes. Only these are weighed by the
/// trigram model: weighing the others too would cost half of the detection's time, to tell apart languages
/// that are all read as English.
const LATIN_CODES: [(whatlang::Lang, &str); 17] = {
    use whatlang::Lang as W;
    [
        (W::Eng, "en"),
        (W::Fra, "fr"),
        (W::Deu, "de"),
        (W::Spa, "es"),
        (W::Por, "pt"),
        (W::Ita, "it"),
        (W::Nld, "nl"),
        (W::Pol, "pl"),
        (W::Ces, "cs"),
        (W::Tur, "tr"),
        (W::Vie, "vi"),
        (W::Ind, "id"),
        (W::Swe, "sv"),
        (W::Dan, "da"),
        (W::Fin, "fi"),
        (W::Hun, "hu"),
        (W::Ron, "ro"),
    ]
};

static LATIN: std::sync::LazyLock<whatlang::Detector> = std::sync::LazyLock::new(|| {
    whatlang::Detector::with_allowlist(LATIN_CODES.iter().map(|(lang, _)| *lang).collect())
});

/// The two-letter code of a Latin-script language whatlang names, `en` for one without such a code.
fn iso_639_1(lang: whatlang::Lang) -> &'static str {
    LATIN_CODES
        .iter()
        .find(|(l, _)| *l == lang)
        .map_or("en", |(_, code)| code)
}

/// The lowercase words of `text`: Han runs segmented into words, other runs split at whatever is not a
/// letter or digit (an apostrophe or hyphen inside a word keeps it whole: `o'brien`, `cyber-security`).
/// Punctuation and spaces are never words.
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        if script(c) == Script::Han {
            let mut end = start;
            while let Some(&(i, c)) = chars.peek() {
                if script(c) != Script::Han {
                    break;
                }
                end = i + c.len_utf8();
                chars.next();
            }
            out.extend(
                chinese()
                    .cut(&text[start..end], true)
                    .into_iter()
                    .map(str::to_string),
            );
        } else if c.is_alphanumeric() {
            let mut word = String::new();
            while let Some(&(i, c)) = chars.peek() {
                let joiner = (c == '\'' || c == '’' || c == '-')
                    && text[i + c.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(|n| n.is_alphanumeric() && script(n) != Script::Han);
                let letter = c.is_alphanumeric() && script(c) != Script::Han;
                let inside = joiner && !word.is_empty();
                if !(letter || inside) {
                    break;
                }
                word.extend(c.to_lowercase());
                chars.next();
            }
            out.push(word.replace('’', "'"));
        } else {
            chars.next();
        }
    }
    out
}

/// The words of `text` as byte ranges, in order, for indexing and marking: runs of letters and digits
/// (split at hyphens and apostrophes too: `cyber-security` is two words to a search), and inside runs of
/// Han characters the words the segmenter finds.
pub fn word_spans(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        let kind = script(c);
        if kind == Script::Han {
            let mut end = start;
            while let Some(&(i, c)) = chars.peek() {
                if script(c) != Script::Han {
                    break;
                }
                end = i + c.len_utf8();
                chars.next();
            }
            let run = &text[start..end];
            let mut at = start;
            for word in chinese().cut(run, true) {
                out.push(at..at + word.len());
                at += word.len();
            }
        } else if c.is_alphanumeric() {
            let mut end = start;
            while let Some(&(i, c)) = chars.peek() {
                if !c.is_alphanumeric() || script(c) == Script::Han {
                    break;
                }
                end = i + c.len_utf8();
                chars.next();
            }
            out.push(start..end);
        } else {
            chars.next();
        }
    }
    out
}

/// The units two texts are compared by (ROUGE, label matching): lowercase words, and each Han character on
/// its own, since segmenters disagree on where Chinese words end but not on characters.
pub fn units(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() && script(c) != Script::Han {
            word.extend(c.to_lowercase());
            continue;
        }
        if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
        if script(c) == Script::Han {
            out.push(c.to_string());
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// The stem of a lowercase word, for matching word forms: `министерства` and `министерство` both give
/// `министерств`, `sponsors` and `sponsored` give `sponsor`. Chinese words and words of other scripts are
/// their own stems.
pub fn stem(word: &str) -> Cow<'_, str> {
    static ENGLISH: OnceLock<rust_stemmers::Stemmer> = OnceLock::new();
    static RUSSIAN: OnceLock<rust_stemmers::Stemmer> = OnceLock::new();
    let first = word.chars().next().map(script);
    match first {
        Some(Script::Cyrillic) => RUSSIAN
            .get_or_init(|| rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::Russian))
            .stem(word),
        Some(Script::Latin) => ENGLISH
            .get_or_init(|| rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English))
            .stem(word),
        _ => Cow::Borrowed(word),
    }
}

/// Whether two words are case forms of one name (Галиев, Галиева, Галиевым; Орлова, Орловой): they share
/// all but their last two or three letters. The Snowball stemmer cannot tell: it takes -ев and -ов off
/// Галиев and Иванов as if they were endings, but not off Галиева.
pub fn same_name(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (
        a.to_lowercase().chars().collect(),
        b.to_lowercase().chars().collect(),
    );
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let longest = a.len().max(b.len());
    a == b || (common >= 3 && common + 3 >= longest && common + 2 >= a.len().min(b.len()))
}

/// The words of `text`, stemmed: what search and resolution compare.
pub fn stems(text: &str) -> Vec<String> {
    tokens(text)
        .into_iter()
        .map(|w| match stem(&w) {
            Cow::Borrowed(_) => w,
            Cow::Owned(s) => s,
        })
        .collect()
}

/// A word as a name is written: its first letter upper case, the rest as it is.
pub fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Whether `text` holds any Han character (Chinese text is matched by its words, not by spaces).
pub fn has_han(text: &str) -> bool {
    text.chars().any(|c| script(c) == Script::Han)
}

/// The Chinese segmenter: built on first use, released after a load of briefings ([`transient`]).
static JIEBA: Transient<jieba_rs::Jieba> = Transient::new(|| {
    let mut words = include_str!("../data/zh-words.txt").as_bytes();
    jieba_rs::Jieba::with_dict(&mut words).expect("the shipped Chinese word list parses")
});

fn chinese() -> std::sync::Arc<jieba_rs::Jieba> {
    JIEBA.get()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_are_told_apart() {
        assert_eq!(
            detect("The forum discussed cloud security and the digital economy."),
            Some("en")
        );
        assert_eq!(
            detect("Форум прошёл в Шанхае при поддержке министерства цифрового развития."),
            Some("ru")
        );
        assert_eq!(
            detect("第五届中俄网络媒体论坛在上海举行，双方代表就数字经济交换了意见。"),
            Some("zh")
        );
        // A Chinese report full of Latin names is still Chinese.
        assert_eq!(
            detect("Konstantin Noskov 与 Xu Lin 在 Infoforum 上表示，中俄两国应加强网络安全合作。"),
            Some("zh")
        );
        assert_eq!(
            detect("Le forum a réuni des représentants de plusieurs pays pour discuter de la sécurité."),
            Some("fr")
        );
        assert_eq!(
            detect(
                "El foro reunió a representantes de varios países para debatir sobre la seguridad de internet y la economía digital."
            ),
            Some("es")
        );
        // A Latin-script language Attaché has no code for reads as English.
        assert_eq!(
            detect(
                "Forumo kunvenigis reprezentantojn de pluraj landoj por diskuti pri interreta sekureco kaj cifereca ekonomio."
            ),
            Some("en")
        );
        assert_eq!(detect("ok"), None);
        assert_eq!(detect("какие темы?"), None, "too short for detect");
        assert_eq!(detect_by_script("какие темы?"), Some("ru"));
        assert_eq!(detect_by_script("议题？"), Some("zh"));
        assert_eq!(detect_by_script("Инфофорум 2018 topics"), Some("ru"));
        assert_eq!(detect_by_script("topics?"), None);
        assert_eq!(detect_by_script("?!"), None);
    }

    #[test]
    fn tags_name_languages() {
        assert_eq!(Lang::from_tag("zh-TW"), Some(Lang::Zh));
        assert_eq!(Lang::from_tag("zh_CN"), Some(Lang::Zh));
        assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("RU"), Some(Lang::Ru));
        assert_eq!(Lang::from_tag("fr"), None);
    }

    #[test]
    fn words_by_script() {
        assert_eq!(
            tokens("Cyber-security, O’Brien's 2018 «Инфофорум»!"),
            ["cyber-security", "o'brien's", "2018", "инфофорум"]
        );
        assert_eq!(
            tokens("本次论坛由中国人民大学主办，围绕数字经济展开"),
            [
                "本次",
                "论坛",
                "由",
                "中国人民大学",
                "主办",
                "围绕",
                "数字经济",
                "展开"
            ]
        );
        assert_eq!(
            tokens("Infoforum 2018在上海"),
            ["infoforum", "2018", "在", "上海"]
        );
        assert!(tokens(" — , 。").is_empty());
    }

    #[test]
    fn word_spans_split_at_joiners_and_segment_han_runs() {
        let text = "Cyber-security at 信息论坛2018, «Инфофорум»";
        let words: Vec<&str> = word_spans(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            words,
            ["Cyber", "security", "at", "信息论坛", "2018", "Инфофорум"]
        );
    }

    #[test]
    fn units_are_words_and_han_characters() {
        assert_eq!(
            units("Форум, 2018: 论坛 in Shanghai"),
            ["форум", "2018", "论", "坛", "in", "shanghai"]
        );
    }

    #[test]
    fn case_forms_of_a_name() {
        assert!(same_name("Галиева", "Галиев") && same_name("Рустама", "Рустам"));
        assert!(same_name("Орловой", "Орлова") && same_name("Ковалёвым", "Ковалёв"));
        assert!(!same_name("Иванов", "Ивашин") && same_name("Ли", "Ли") && !same_name("Ли", "Лю"));
    }

    #[test]
    fn word_forms_share_a_stem() {
        assert_eq!(stem("министерства"), stem("министерство"));
        assert_eq!(stem("форуме"), stem("форум"));
        assert_eq!(stem("sponsors"), stem("sponsor"));
        assert_eq!(stem("discussed"), stem("discussion"));
        assert_eq!(stem("论坛"), "论坛");
    }
}
