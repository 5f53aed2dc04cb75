//! Topics discussed at the event, in the article's language: the items of a list (bulleted, numbered,
//! or short lines of their own) introduced by a sentence about topics, sessions or the agenda, and
//! inline enumerations after cue words ([`en`]: "topics included", "the panels will discuss", "dialogues
//! centered on"; [`ru`]: обсуждались, обсудят вопросы, секции «…»; [`zh`]: 针对…等主题, 围绕…展开, 就…交换意见,
//! 探讨). Session and panel titles in quotation marks count, marks dropped. Beside them, in English and
//! Russian, a general [`enumeration`] detector takes lists of three or more noun phrases from sentences
//! with a topic cue that the cue rules gave nothing from.
//!
//! Lists introduced as speakers, attendees, partners or links are not topics, and neither are lists
//! whose items are mostly URLs.

mod en;
mod enumeration;
mod ru;
mod zh;

use regex::Regex;

use crate::transient::Transient;

use super::quoted;
use super::sentences::sentences;
use super::text::{Block, collapse_ws, is_cut_mark, word_count};
use crate::model::Topic;
use crate::text::Lang;

/// A URL or bare domain name, which makes a list item a link rather than a topic.
static LINK: Transient = Transient::new(|| {
    Regex::new(r"(?i)https?://|(?-u:\b)www\.|^\S+\.(?:com|org|net|io|gov|edu|int|info|ru|cn|uk|de)(?:/\S*)?$")
        .expect("link regex")
});

/// A session's presenter after its title: a participle and "by" before a titled person ("Represented by
/// Prof. Naoki Hirose", "presented by Dr. Ana Lima"), or a capitalized one with nothing after it where
/// the excerpt cuts it ("Represented by"). "Innovation Powered by Data" keeps its words.
static GIVEN_BY: Transient = Transient::new(|| {
    Regex::new(
        r"\s(?:[A-Z][a-z]+ed\s+by$|[A-Za-z][a-z]+ed\s+by\s+(?:Prof|Dr|Professor|Mr|Ms|Mrs|Sir)\.?\s.*$)",
    )
    .expect("given by regex")
});

/// Extracts topics in document order, without duplicates.
pub(crate) fn extract(blocks: &[Block], lang: Lang) -> Vec<Topic> {
    let mut out: Vec<Topic> = Vec::new();
    let push = |out: &mut Vec<Topic>, t: Topic| {
        let title = t.title.to_lowercase();
        // A session named again by the part of its title before the colon is the same session.
        // A repeat cut short by the excerpt ("кооперации между н") ends inside one of its words (where
        // words are spaced: a Chinese title may begin another one).
        let again = |o: &Topic| {
            let o = o.title.to_lowercase();
            o == title
                || o.strip_prefix(title.as_str()).is_some_and(|rest| {
                    rest.starts_with(':')
                        || rest.starts_with(|c: char| c.is_alphabetic() && !super::zh::is_han(c))
                })
        };
        if !t.title.is_empty() && !out.iter().any(again) && out.len() < 100 {
            out.push(t);
        }
    };
    let is_intro = |s: &str| match lang {
        Lang::En => en::is_intro(s),
        Lang::Ru => ru::is_intro(s),
        Lang::Zh => zh::is_intro(s),
    };
    // The blocks up to this index are lines of a list without marks.
    let mut listed_until = 0;
    for (i, block) in blocks.iter().enumerate() {
        match block {
            Block::List(items) => {
                let intro = i.checked_sub(1).and_then(|j| match &blocks[j] {
                    Block::Para(p) => sentences(p).pop(),
                    Block::List(_) => None,
                });
                if let Some(intro) = intro.filter(|s| is_intro(s)) {
                    list_topics(items.iter().map(String::as_str), intro)
                        .into_iter()
                        .for_each(|t| push(&mut out, t));
                }
            }
            Block::Para(p) => {
                // Short lines of their own after an introduction ending in a colon: a list without marks.
                let last = sentences(p).pop().unwrap_or("");
                if last.trim_end().ends_with([':', '：']) && is_intro(last) {
                    let lines: Vec<&str> = blocks[i + 1..]
                        .iter()
                        .map_while(|b| match b {
                            Block::Para(line) if is_bare_item(line) || is_titled_line(line) => {
                                Some(line.as_str())
                            }
                            _ => None,
                        })
                        .collect();
                    listed_until = i + 1 + lines.len();
                    list_topics(lines.into_iter(), last)
                        .into_iter()
                        .for_each(|t| push(&mut out, t));
                }
                // What an item of such a list says about its title is no list of topics of its own.
                if i < listed_until && is_titled_line(p) {
                    continue;
                }
                // "10:15 a.m. Panel 1: “Title”": a programme told hour by hour; its titles in marks are
                // the subjects of its sessions.
                if is_timed(p)
                    && i.checked_sub(1)
                        .is_none_or(|j| !matches!(&blocks[j], Block::Para(q) if is_timed(q)))
                {
                    let run: Vec<&str> = blocks[i..]
                        .iter()
                        .map_while(|b| match b {
                            Block::Para(line) if is_timed(line) => Some(line.as_str()),
                            _ => None,
                        })
                        .collect();
                    if run.len() >= 3 {
                        run.iter()
                            .filter_map(|line| timed_title(line))
                            .for_each(|t| push(&mut out, t));
                    }
                }
                let inline = match lang {
                    Lang::En => en::inline(p),
                    Lang::Ru => ru::inline(p),
                    Lang::Zh => zh::inline(p),
                };
                inline.into_iter().for_each(|t| push(&mut out, t));
            }
        }
    }
    // Enumerations in sentences the cue rules gave nothing from.
    if lang != Lang::Zh {
        let found: Vec<String> = out.iter().map(|t| t.title.to_lowercase()).collect();
        let mut listed = Vec::new();
        for block in blocks {
            let Block::Para(p) = block else { continue };
            if !enumeration::may_list(p, lang) {
                continue;
            }
            for sentence in sentences(p) {
                let items = enumeration::items(sentence, lang);
                if items.is_empty() {
                    continue;
                }
                let low = sentence.to_lowercase();
                if !found.iter().any(|f| low.contains(f.as_str())) {
                    listed.extend(items);
                }
            }
        }
        topics(listed).into_iter().for_each(|t| push(&mut out, t));
    }
    // A list cut off by the excerpt inside a word ("…, экологии и тури", "…, managing soil fert") ends
    // in no topic.
    if lang != Lang::Zh
        && let Some(cut) = cut_paragraph(blocks)
    {
        out.retain(|t| !cut.ends_with(t.title.as_str()));
    }
    out
}

/// The last paragraph (before a `[TRUNCATED]` mark) when it ends inside a word, trimmed.
fn cut_paragraph(blocks: &[Block]) -> Option<&str> {
    let last = blocks.iter().rev().find_map(|b| match b {
        Block::Para(p) if !is_cut_mark(p) => Some(p.trim()),
        _ => None,
    })?;
    last.ends_with(char::is_alphanumeric).then_some(last)
}

#[cfg(test)]
mod cut_tests {
    use super::*;
    use crate::extract::text::blocks;

    #[test]
    fn questions_are_topics_only_under_an_introduction_that_calls_them_so() {
        let b = blocks(
            "Topics for this year's agenda include:\n\n- How are cities closing their funding gaps?\n- What role does transit play for workers?",
        );
        let titles: Vec<String> = extract(&b, Lang::En).into_iter().map(|t| t.title).collect();
        assert_eq!(
            titles,
            vec![
                "How are cities closing their funding gaps?",
                "What role does transit play for workers?"
            ]
        );
        // An interview's questions after a cue of discussing are no agenda.
        let b = blocks(
            "The panel discussed:\n\n- How are cities closing their funding gaps?\n- What role does transit play?",
        );
        assert!(extract(&b, Lang::En).is_empty());
    }

    #[test]
    fn the_mark_of_a_cut_excerpt_is_no_item() {
        // The line before the mark may itself be cut, and is dropped as well.
        let b = blocks("Topics of the programme:\n\nWater policy\n\nState budget\n\n[TRUNCATED]");
        let titles: Vec<String> = extract(&b, Lang::En).into_iter().map(|t| t.title).collect();
        assert_eq!(titles, vec!["Water policy"]);
    }

    #[test]
    fn a_list_cut_inside_a_word_loses_its_last_item() {
        let b = blocks("Участники обсудили пасеки, ульи и во\n\n[TRUNCATED]");
        let titles: Vec<String> = extract(&b, Lang::Ru).into_iter().map(|t| t.title).collect();
        assert_eq!(titles, vec!["пасеки", "ульи"]);
        let b = blocks(
            "Breakout sessions covered topics including tide tables, net mending, hull care, sail rep\n\n[TRUNCATED]",
        );
        let titles: Vec<String> = extract(&b, Lang::En).into_iter().map(|t| t.title).collect();
        assert_eq!(titles, vec!["tide tables", "net mending", "hull care"]);
    }
}

/// A line that may be an item of a list without marks: short, not a finished sentence, not the mark of
/// an excerpt's cut.
fn is_bare_item(line: &str) -> bool {
    let line = line.trim();
    !line.is_empty()
        && !is_cut_mark(line)
        && line.chars().count() <= 120
        && !line.ends_with(['.', '。', '!', '！', '?', '？', ':', '：'])
}

/// A line of its own that opens with a short title and a dash before what it is about: "Outlook for the
/// Dairy Economy – As 2009 shapes up …, speakers will discuss …".
fn is_titled_line(line: &str) -> bool {
    [" – ", " — "].iter().any(|sep| {
        line.trim().split_once(sep).is_some_and(|(title, rest)| {
            (1..=8).contains(&word_count(title))
                && title.starts_with(char::is_uppercase)
                && !title.ends_with(['.', ':', ','])
                && word_count(rest) >= 5
        })
    })
}

/// A line of a programme opening with its hour: "9:15 a.m. Keynote", "10:00 – Пленарное заседание".
static TIMED: Transient = Transient::new(|| {
    Regex::new(r"(?i)^\s*(?:\d{1,2}(?::\d{2})?\s*[ap]\.?\s?m(?:\.|(?-u:\b))|\d{1,2}:\d{2}(?:\s*[–—-]\s*\d{1,2}:\d{2})?)\s*[–—-]?\s*\S")
        .expect("timed regex")
});

/// Whether a line is one of a programme's ([`TIMED`]), short as such lines are.
fn is_timed(line: &str) -> bool {
    TIMED.get().is_match(line) && word_count(line) <= 30
}

/// The one title in quotation marks of a programme's line, if it has exactly one.
fn timed_title(line: &str) -> Option<Topic> {
    let spans = quoted::spans(line);
    let [span] = spans.as_slice() else {
        return None;
    };
    let title = trim_item(span.inner(line));
    (!title.is_empty() && letters_enough(&title)).then_some(Topic {
        title,
        description: None,
    })
}

/// An introduction that calls what follows topics, themes, issues or questions.
static NAMES_TOPICS: Transient = Transient::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:topics?|themes?|issues|questions)(?-u:\b)|(?:^|\s)(?:темы|темами|вопросы)(?:\s|:|$)|议题|議題|主题|主題|话题|話題")
        .expect("names topics regex")
});

/// The items of a list after its introduction `intro` as topics, unless most of them are links.
/// Questions are topics only when the introduction calls them so ("Topics for this year's agenda
/// include:") and each is a single sentence.
fn list_topics<'a>(items: impl Iterator<Item = &'a str>, intro: &str) -> Vec<Topic> {
    let items: Vec<&str> = items.collect();
    let links = items.iter().filter(|it| LINK.get().is_match(it)).count();
    // Lines of a dialogue (an interview's questions and answers after dashes) are not an agenda.
    let prose = items.iter().filter(|it| is_prose(it)).count();
    let asked = || NAMES_TOPICS.get().is_match(intro) && items.iter().all(|it| sentences(it).len() == 1);
    if links * 2 >= items.len() || (prose * 2 >= items.len() && !asked()) {
        return Vec::new();
    }
    items
        .iter()
        .filter(|it| !LINK.get().is_match(it))
        .flat_map(|it| {
            // A line of a programme gives the title it holds in marks, if any; not its hour and speakers.
            if is_timed(it) {
                return timed_title(it).into_iter().collect();
            }
            quoted_titles(it).map_or_else(|| vec![bullet_topic(it)], topics)
        })
        .filter(|t| letters_enough(&t.title))
        .collect()
}

/// The titles of an item made of titles in quotation marks alone, each title without its marks:
/// "«Качество образования» «Анализ подготовки к ЕГЭ»,", "“Water and Agriculture”".
fn quoted_titles(item: &str) -> Option<Vec<String>> {
    let text = trim_item(item);
    let separator = |s: &str| {
        s.chars()
            .all(|c| c.is_whitespace() || matches!(c, ',' | ';' | '.'))
    };
    let run = quoted::leading_run(&text, separator);
    let whole = run.last().is_some_and(|last| separator(&text[last.close_end..]));
    whole.then(|| run.iter().map(|s| trim_item(s.inner(&text))).collect())
}

/// Whether a list item is speech rather than a title: a question, or several sentences.
fn is_prose(item: &str) -> bool {
    let item = item.trim();
    item.ends_with(['?', '？']) || sentences(item).len() >= 3
}

/// One bullet as a topic: the text without the trailing period. "Title: long description" is split
/// only when the title is short and the rest is a real sentence, so "Digital Economy: Global Risks and
/// International Cooperation" stays one title.
fn bullet_topic(item: &str) -> Topic {
    let text = trim_item(item);
    // "Integrated Dentistry in the Future Represented by Prof. Eijiro Jimi, Faculty of Dental Science":
    // the person a session is given by, on the item's second line, is no part of its title.
    if let Some(m) = GIVEN_BY.get().find(&text).filter(|m| m.start() > 0) {
        return Topic {
            title: text[..m.start()].trim().to_string(),
            description: Some(text[m.start()..].trim().to_string()),
        };
    }
    // "Blue Economy - 'Addressing inclusivity in development'": a subtitle in quotation marks after a
    // dash is the title's description, however short.
    for sep in [" – ", " — ", " - "] {
        let Some((title, subtitle)) = text.split_once(sep) else {
            continue;
        };
        let subtitle = subtitle.trim();
        let inner = [('\'', '\''), ('‘', '’'), ('“', '”'), ('"', '"')]
            .iter()
            .find_map(|&(open, close)| {
                subtitle
                    .strip_prefix(open)?
                    .strip_suffix(close)
                    .filter(|inner| !inner.is_empty() && !inner.contains(close))
            });
        if let Some(inner) = inner
            && (1..=8).contains(&word_count(title))
        {
            return Topic {
                title: title.trim().to_string(),
                description: Some(inner.to_string()),
            };
        }
    }
    for sep in [": ", " – ", " — ", " - "] {
        let Some((title, description)) = text.split_once(sep) else {
            continue;
        };
        let prose = description
            .split_whitespace()
            .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
            .count();
        if word_count(title) <= 6
            && !title.contains(". ")
            && word_count(description) >= 12
            && prose * 3 >= word_count(description)
        {
            return Topic {
                title: title.trim().to_string(),
                description: Some(description.trim().to_string()),
            };
        }
    }
    Topic {
        title: text,
        description: None,
    }
}

/// An item without its closing punctuation and a dangling "and".
fn trim_item(item: &str) -> String {
    let t = collapse_ws(item);
    // A dash that opens the list ("three key topics were explored – A, B and C") is not part of A.
    let t = t.trim_start_matches(['–', '—', ' ']);
    let t = t.trim_end_matches(['.', ';', ',', ' ', '。', '；', '，']);
    let t = t
        .strip_suffix("; and")
        .or_else(|| t.strip_suffix(" and"))
        .or_else(|| t.strip_suffix("; or"))
        .unwrap_or(t);
    t.trim_end_matches(['.', ';', ',', ' ']).to_string()
}

/// Whether a title has two letters or digits at least: one Latin letter is a word cut off at an
/// excerpt's end ("• m"), not a topic (one Chinese character is read by the Chinese rules).
fn letters_enough(title: &str) -> bool {
    !title.is_ascii() || title.chars().filter(|c| c.is_alphanumeric()).count() >= 2
}

/// Titles as topics.
fn topics(titles: impl IntoIterator<Item = String>) -> Vec<Topic> {
    titles
        .into_iter()
        .filter(|t| letters_enough(t))
        .map(|title| Topic {
            title,
            description: None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::blocks;

    fn titles(body: &str, lang: Lang) -> Vec<String> {
        extract(&blocks(body), lang)
            .into_iter()
            .map(|t| t.title)
            .collect()
    }

    #[test]
    fn a_letter_cut_off_at_an_excerpt_end_is_no_topic() {
        assert_eq!(
            titles(
                "The three core themes will be:\n• harbour dredging\n• m\n[TRUNCATED]",
                Lang::En
            ),
            ["harbour dredging"]
        );
    }

    #[test]
    fn bulleted_list_after_topic_intro() {
        let body =
            "Day one was busy. The agenda covered:\n\n• Smart cities.\n• Cloud security;\n• Data ethics";
        assert_eq!(
            titles(body, Lang::En),
            vec!["Smart cities", "Cloud security", "Data ethics"]
        );
        let ru = "Работа шла по секциям:\nИстория края\nЭкономика и право\n\nПосле обеда подвели итоги.";
        assert_eq!(titles(ru, Lang::Ru), vec!["История края", "Экономика и право"]);
        let zh = "本次论坛议题包括：\n- 数字经济\n- 城市治理";
        assert_eq!(titles(zh, Lang::Zh), vec!["数字经济", "城市治理"]);
    }

    #[test]
    fn a_session_named_again_by_its_short_title_is_one_topic() {
        let ru = "Работают две секции: «Наша демократия: механизмы диалога» и «Экономика инноваций». \
                  Губернатор придёт на секцию «Наша демократия».";
        assert_eq!(
            titles(ru, Lang::Ru),
            vec!["Наша демократия: механизмы диалога", "Экономика инноваций"]
        );
    }

    #[test]
    fn long_description_after_short_title_is_split() {
        let t = bullet_topic(
            "AI: how machine learning is changing the way cities plan their transport and energy use.",
        );
        assert_eq!(t.title, "AI");
        assert!(t.description.is_some_and(|d| d.starts_with("how machine")));
        assert_eq!(
            bullet_topic("Digital Economy: Global Risks and International Cooperation.").description,
            None
        );
    }

    #[test]
    fn a_subtitle_in_quotation_marks_after_a_dash_is_a_description() {
        let t = bullet_topic("2. Harbour Economy - 'Keeping the quays busy all year'");
        assert_eq!(t.title, "2. Harbour Economy");
        assert_eq!(t.description.as_deref(), Some("Keeping the quays busy all year"));
        let t = bullet_topic("Safer Seas – “Pilots: training and pay”");
        assert_eq!(t.title, "Safer Seas");
        // A dash inside a title without a quoted subtitle keeps the title whole.
        assert_eq!(bullet_topic("Ports - old and new").title, "Ports - old and new");
        let body = "The plenary sessions include:\n\n1. Fiscal overview\n\n2. Harbour Economy - 'Keeping the quays busy'";
        assert_eq!(titles(body, Lang::En), vec!["Fiscal overview", "Harbour Economy"]);
    }

    #[test]
    fn lists_of_links_speakers_or_partners_are_not_topics() {
        let links =
            "Further reading on these topics:\n- https://example.com/a\n- www.example.org/b\n- example.net";
        assert!(titles(links, Lang::En).is_empty());
        assert!(titles("Useful links:\n- Report A\n- Report B", Lang::En).is_empty());
        assert!(
            titles(
                "Speakers at the sessions included:\n- Jane Doe\n- John Roe",
                Lang::En
            )
            .is_empty()
        );
        assert!(titles("Partners:\n- Acme\n- Globex", Lang::En).is_empty());
        assert!(titles("- No intro at all\n- Second", Lang::En).is_empty());
        assert!(titles("Спикеры форума:\n- Иван Петров\n- Анна Сидорова", Lang::Ru).is_empty());
        assert!(titles("出席嘉宾：\n- 张三\n- 李四", Lang::Zh).is_empty());
    }

    #[test]
    fn garbage_does_not_panic() {
        for b in [
            "topics included",
            "topics included , , and",
            "sessions:\n-  \n- .",
            "namely and",
            "обсудили",
            "围绕展开",
            "就交换意见",
        ] {
            for lang in Lang::ALL {
                let _ = titles(b, lang);
            }
        }
    }

    #[test]
    fn the_presenter_on_a_session_line_is_no_part_of_its_title() {
        let body = "During this period, 10 satellite sessions were held:\n\n  1. Changing climate and environment in East Asia\n    Represented by Prof. Naoki Hirose, Research Institute for Applied Mechanics\n  2. Integrated Dentistry in the Future\n    Represented by Prof. Eijiro Jimi, Faculty of Dental Science\n  3. Nuclear Thermal-hydraulics and Safety\n    Represented by\n";
        assert_eq!(
            titles(body, Lang::En),
            vec![
                "Changing climate and environment in East Asia",
                "Integrated Dentistry in the Future",
                "Nuclear Thermal-hydraulics and Safety"
            ]
        );
        // A participle inside a title, with no titled person after it, stays.
        assert_eq!(
            titles(
                "Sessions:\n\n- Growth driven by innovation\n- Innovation Powered by Data\n",
                Lang::En
            ),
            vec!["Growth driven by innovation", "Innovation Powered by Data"]
        );
    }

    #[test]
    fn a_list_repeated_and_cut_by_the_excerpt_gives_no_cut_item() {
        let body = "В рамках дискуссии стороны обсудили:\n- ключевые вопросы развития инфраструктуры,\n- кооперацию между вузами и предприятиями.\nВ рамках дискуссии стороны обсудили:\n- ключевые вопросы развития инфраструктуры,\n- кооперацию между в\n[TRUNCATED]\n";
        assert_eq!(
            titles(body, Lang::Ru),
            vec![
                "ключевые вопросы развития инфраструктуры",
                "кооперацию между вузами и предприятиями"
            ]
        );
        // A shorter title that is a whole word of a longer one stays.
        assert_eq!(
            titles("Sessions:\n\n- Education policy\n- Education\n", Lang::En),
            vec!["Education policy", "Education"]
        );
    }

    #[test]
    fn bullets_of_titles_in_quotation_marks() {
        let body = "На форуме работали дискуссионные площадки:\n- «Пасека сегодня – мёд завтра!» «Сбыт мёда. Ярмарки»,\n- «Ульи и инвентарь», «Болезни пчёл»,\n- «Молодые пчеловоды».\n";
        assert_eq!(
            titles(body, Lang::Ru),
            vec![
                "Пасека сегодня – мёд завтра!",
                "Сбыт мёда. Ярмарки",
                "Ульи и инвентарь",
                "Болезни пчёл",
                "Молодые пчеловоды"
            ]
        );
        // A title in marks with words after it is one item, as written.
        assert_eq!(
            titles(
                "Sessions:\n\n- “Bees” and honey markets\n- Hive tools\n",
                Lang::En
            ),
            vec!["“Bees” and honey markets", "Hive tools"]
        );
    }

    #[test]
    fn lines_of_titles_with_what_they_are_about() {
        let body = "The summit opened on Monday.\n\nProgram highlights will include:\n\nHoney Prices in a Hard Year – As 2009 shapes up to be a tough year, speakers will discuss how beekeepers can deal with low prices, costly feed and credit.\n\nHive Health and Imports – This panel will examine the outlook for hive imports as beekeepers struggle to find bees.\n\nThe summit closes on Friday.";
        assert_eq!(
            titles(body, Lang::En),
            vec!["Honey Prices in a Hard Year", "Hive Health and Imports"]
        );
    }

    #[test]
    fn a_programme_told_hour_by_hour_gives_its_titles_in_marks() {
        let body = "The school will hold a one-day conference on honey on Monday.\n9 a.m. Opening Remarks by Dean Ann Orrin\n10:15 a.m. Panel 1: \"Honey Markets and Prices\"\n11:30 a.m. Working Lunch: \"Bees in Foreign Aid\"\n4 p.m. Closing Session\nThe conference is free.";
        assert_eq!(
            titles(body, Lang::En),
            vec!["Honey Markets and Prices", "Bees in Foreign Aid"]
        );
        // Under an introduction, as a list of its own, the same.
        let body = "Программа дня:\n\n- 10:00 – Пленарное заседание «Мёд и рынок»\n- 12:00 – Обед\n- 14:00 – Секция «Болезни пчёл»\n";
        assert_eq!(titles(body, Lang::Ru), vec!["Мёд и рынок", "Болезни пчёл"]);
    }
}
