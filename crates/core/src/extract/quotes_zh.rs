//! Direct quotes in Chinese text: a span in 「」, 『』, “” or "" next to a speech verb (表示, 指出, 强调, 说,
//! 介绍, 透露 …) whose subject is a person. The speaker stands before the verb, glued to a role and
//! maybe followed by an adverbial (校長張家宜於開幕致詞表示:「…」); the attribution may also follow the
//! quote (“…”徐伟新透露，“…”). 他/她 resolve to the last person who spoke or was said to speak.

use regex::Regex;

use crate::transient::Transient;

use super::notes::{Basis, quote_notes};
use super::quoted::{self, Span};
use super::zh::{is_han, person_at_end};
use crate::model::{Note, Quote};

/// Speech verbs, simplified and traditional.
const VERBS: &str = "表示|指出|强调|強調|说道|說道|说|說|介绍|介紹|认为|認為|称|稱|分享|透露|坦言|直言|提到|谈到|談到|\
回忆|回憶|感慨|呼吁|呼籲|补充|補充|总结|總結|致辞|致詞|寄语|寄語|讲道|講道|笑称|笑稱|承认|承認|宣布|坦承|告诉|告訴|解释|解釋|\
提醒|建议|建議|重申|期许|期許|评价|評價|写道|寫道|问道|問道|答道|说明|說明";

/// A speech verb ending the text before a quote (and its colon or comma).
static VERB_END: Transient =
    Transient::new(|| Regex::new(&format!(r"(?:{VERBS})[:：,，]?\s*$")).expect("verb end regex"));
/// An attribution right after a quote: "徐伟新透露，", "中央党校原副校长徐伟新介绍,".
static VERB_AFTER: Transient = Transient::new(|| {
    Regex::new(&format!(
        r"^[,，]?\s*([^，,。：:；;！？!?“”「」]{{1,60}}?)(?:{VERBS})[:：,，。]"
    ))
    .expect("verb after regex")
});
/// Any speech verb, for people named in indirect speech.
static VERB: Transient = Transient::new(|| Regex::new(VERBS).expect("verb regex"));

/// Adverbs between a subject and its verb (他还强调, 她同时表示).
const ADVERBS: [&str; 18] = [
    "还",
    "還",
    "也",
    "又",
    "则",
    "則",
    "更",
    "亦",
    "并",
    "並",
    "再次",
    "同时",
    "同時",
    "进一步",
    "進一步",
    "随后",
    "隨後",
    "当场",
];

/// A person and the role the text gives them.
type Person = (String, Option<String>);

/// Quotes of a Chinese text, in order, without duplicates, with notes on speakers found through 他/她
/// or without a role.
pub(crate) fn extract(paragraphs: &[&str]) -> (Vec<Quote>, Vec<Note>) {
    let mut out: Vec<Quote> = Vec::new();
    let mut notes = Vec::new();
    // The last person who spoke or was said to speak, for 他/她.
    let mut last: Option<Person> = None;
    for p in paragraphs {
        let (mut spans, tail) = quoted::spans_and_tail(p);
        // A quote cut off (or running on) at the end of the paragraph, when a verb introduces it.
        if let Some((open, inner_start)) = tail.filter(|&(open, _)| VERB_END.get().is_match(&p[..open])) {
            spans.push(Span {
                open,
                inner_start,
                inner_end: p.len(),
                close_end: p.len(),
            });
        }
        let said = speakers_in(p);
        let mut from = 0;
        for span in spans {
            if let Some((_, person)) = said.iter().rfind(|(at, _)| (from..span.open).contains(at)) {
                last = Some(person.clone());
            }
            from = span.open;
            let inner = span.inner(p).trim();
            if !is_speech(inner) {
                continue;
            }
            let before = subject(VERB_END.get().find(&p[..span.open]).map(|m| &p[..m.start()]));
            let after = || {
                let c = VERB_AFTER.get().captures(&p[span.close_end..])?;
                resolve(c.get(1)?.as_str(), last.as_ref())
            };
            let Some((person, basis)) = before.and_then(|s| resolve(s, last.as_ref())).or_else(after) else {
                continue;
            };
            last = Some(person.clone());
            if !out.iter().any(|q| q.text == inner) {
                let quote = Quote {
                    text: inner.to_string(),
                    speaker: person.0,
                    role: person.1,
                };
                notes.extend(quote_notes(&quote, &basis));
                out.push(quote);
            }
        }
    }
    (out, notes)
}

/// A quote says something: a few characters at least, and a clause or sentence rather than a title
/// (“一带一路”, “读懂中国·湾区对话” are names).
fn is_speech(inner: &str) -> bool {
    let n = inner.chars().count();
    n >= 12 || (n >= 6 && inner.contains(['，', ',', '。', '！', '!', '？', '?']))
}

/// The subject before a verb that ends `pre`: the text after the last clause boundary.
fn subject(pre: Option<&str>) -> Option<&str> {
    let pre = pre?;
    let start = pre
        .char_indices()
        .rev()
        .find(|&(_, c)| {
            matches!(
                c,
                '，' | ',' | '。' | '：' | ':' | '；' | ';' | '！' | '!' | '？' | '?' | '」' | '”' | '】'
            )
        })
        .map_or(0, |(i, c)| i + c.len_utf8());
    Some(pre[start..].trim())
}

/// The person a subject names, with its role and how it was found: 他/她 resolve to `last`; an
/// adverbial after the name (於開幕致詞, 在致辞中) and adverbs (还, 同时) are dropped.
fn resolve(subject: &str, last: Option<&Person>) -> Option<(Person, Basis)> {
    let mut s = subject.trim();
    loop {
        let before = s;
        for a in ADVERBS {
            s = s.strip_suffix(a).unwrap_or(s);
        }
        if s == before {
            break;
        }
    }
    if matches!(s, "他" | "她") {
        return last.cloned().map(|p| (p, Basis::Pronoun));
    }
    // "校長張家宜於開幕致詞": the name may stand before a place or time adverbial.
    let person = person_at_end(s).or_else(|| {
        s.char_indices()
            .filter(|&(i, c)| i > 0 && matches!(c, '於' | '于' | '在'))
            .map(|(i, _)| &s[..i])
            .rev()
            .find_map(person_at_end)
    })?;
    let basis = Basis::Named(person.0.clone());
    Some((person, basis))
}

/// People said to speak in a paragraph, quoted or not (中国政协委员刘洪才表示,…), with where the verb stands.
fn speakers_in(p: &str) -> Vec<(usize, Person)> {
    VERB.get()
        .find_iter(p)
        .filter_map(|m| {
            let s = subject(Some(&p[..m.start()]))?;
            // A subject is short and ends right at the verb.
            if s.chars().count() > 40 || !s.chars().last().is_some_and(is_han) {
                return None;
            }
            let person = person_at_end(s)?;
            Some((m.start(), person))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<(String, String)> {
        let paragraphs: Vec<&str> = text.lines().collect();
        extract(&paragraphs)
            .0
            .into_iter()
            .map(|q| (q.speaker, q.text))
            .collect()
    }

    #[test]
    fn speaker_before_the_quote() {
        let got = quotes(
            "校長張家宜於開幕致詞表示:「甫成立2年的系所,共有48位學生,值得期待!」系主任鄭欽模說:「這次學者們前來分享的內容緊扣時事。」",
        );
        assert_eq!(
            got,
            vec![
                (
                    "張家宜".to_string(),
                    "甫成立2年的系所,共有48位學生,值得期待!".to_string()
                ),
                (
                    "鄭欽模".to_string(),
                    "這次學者們前來分享的內容緊扣時事。".to_string()
                ),
            ]
        );
    }

    #[test]
    fn attribution_after_and_split_quotes() {
        let got = quotes(
            "“本次论坛依然具备中外嘉宾云集,议题设置多元等特点。”研究会候任会长徐伟新介绍,论坛以“新机遇”为主题。\n“可以看到,我们今天发布的论坛议题很丰富。”徐伟新透露,“会议原定于去年12月举办,后因疫情延期。”",
        );
        let speakers: Vec<&str> = got.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(speakers, vec!["徐伟新", "徐伟新", "徐伟新"]);
    }

    #[test]
    fn pronouns_titles_and_indirect_speech() {
        let got = quotes(
            "中国政协委员刘洪才表示,这完全是一种误解。他还强调:“有必要避免产生误解,不断构筑相互理解。”",
        );
        assert_eq!(got[0].0, "刘洪才");
        assert!(quotes("论坛以“中国式现代化与世界新机遇”为主题。有人提及“一带一路”倡议。").is_empty());
    }
}
