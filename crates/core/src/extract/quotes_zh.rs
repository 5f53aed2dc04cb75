//! Direct quotes in Chinese text: a span in 「」, 『』, “” or "" next to a speech verb (表示, 指出, 强调, 说,
//! 介绍, 透露 …) whose subject is a person. The speaker stands before the verb, glued to a role and
//! maybe followed by an adverbial (校長張家宜於開幕致詞表示:「…」); the attribution may also follow the
//! quote (“…”徐伟新透露，“…”). 他/她 resolve to the last person who spoke or was said to speak, or who
//! stood as the subject of a clause (a transliterated name with its name dot included, and a subject
//! ended by an adverb of degree before a verb of stance: X颇为赞同。他说:“…”).

use std::borrow::Cow;

use regex::Regex;

use crate::transient::Transient;

use super::notes::{Basis, quote_notes};
use super::quoted::{self, Span};
use super::zh::{ends_with_title, is_han, is_name_dot, person_at_end, titled_person_within};
use crate::model::{Note, Quote};

/// Speech verbs, simplified and traditional.
const VERBS: &str = "表示|指出|强调|強調|说道|說道|说|說|介绍|介紹|认为|認為|称|稱|分享|透露|坦言|直言|提到|谈到|談到|\
回忆|回憶|感慨|呼吁|呼籲|补充|補充|总结|總結|致辞|致詞|寄语|寄語|讲道|講道|笑称|笑稱|承认|承認|宣布|坦承|告诉|告訴|解释|解釋|\
提醒|建议|建議|重申|期许|期許|评价|評價|写道|寫道|问道|問道|答道|说明|說明|称赞|稱讚|赞叹|讚嘆|形容|阐述|闡述|\
回应|回應|回答|觉得|覺得|坦陈|坦陳|说起|說起|谈起|談起|直呼|表态|表態|感慨道|感嘆道|感叹道";

/// A speech verb ending the text before a quote (and its colon or comma); 指 (Hong Kong usage, 他指,)
/// only before its comma or colon.
static VERB_END: Transient = Transient::new(|| {
    Regex::new(&format!(
        r"(?:(?:{VERBS})+(?:[^，,。：:；;“”「」『』]{{0,8}}?(?:记者|記者))?[:：,，]?|指[:：,，])\s*$"
    ))
    .expect("verb end regex")
});
/// A speech verb opening reported speech (X表示，…): a quote later in the sentence continues it.
static VERB_COMMA: Transient =
    Transient::new(|| Regex::new(&format!(r"(?:{VERBS}|指)[:：,，]")).expect("verb comma regex"));
/// Where the subject of a clause ends: a verb, preposition or adverb after a name glued to its role
/// (黑龍江省委書記許勤代表…, 何厚鏵發表開幕致辭, 梁振英首先對…, 江南市長白雲也到場, 王蒙以《…》为题,
/// 李明就…作报告), or an adverb of degree before a verb of stance (江南大学校长安娜·白颇为赞同).
static SUBJECT_END: Transient = Transient::new(|| {
    Regex::new(&format!(
        r"代表|发表|發表|出席|主持|以|就|致辞|致詞|致欢迎|致歡迎|首先|向|对|對|在|于|於|也|亦|还|還|随后|隨後|亲自|親自|则|則|从|從|颇为|頗為|十分|非常|深表|深有|高度|极为|極為|{VERBS}"
    ))
    .expect("subject end regex")
});
/// An attribution right after a quote: "徐伟新透露，", "中央党校原副校长徐伟新介绍,", "X告诉记者。"; a
/// reaction stands for the verb there (“…”X感触颇深。).
static VERB_AFTER: Transient = Transient::new(|| {
    Regex::new(&format!(
        r"^[,，]?\s*((?:[^，,。：:；;！？!?“”「」]|“[^“”，,。]{{1,12}}”){{1,60}}?)(?:{VERBS}|{REACTIONS})+(?:记者|記者|道)?[:：,，。]"
    ))
    .expect("verb after regex")
});
/// Words of a speaker's reaction that attribute a quote before them like a speech verb.
const REACTIONS: &str = "感触颇深|感觸頗深|深有感触|深有感觸|感叹|感嘆|感慨道|笑言|笑道";
/// Speech verbs ending a text: the first of a chain of them (解释指出) follows the subject.
static VERB_TAIL: Transient =
    Transient::new(|| Regex::new(&format!(r"(?:{VERBS})+$")).expect("verb tail regex"));
/// Any speech verb, for people named in indirect speech.
static VERB: Transient = Transient::new(|| Regex::new(&format!(r"{VERBS}|指[:：,，]")).expect("verb regex"));

/// A sentence that names what is in marks as a title, theme, slogan or concept.
static NAMING: Transient = Transient::new(|| {
    Regex::new(
        r"主题|主題|题为|題為|名为|名為|称为|稱為|命名|口号|口號|标语|標語|理念|倡议|倡議|概念|誉为|譽為|号称|號稱|简称|簡稱|又称|又稱|被称|被稱|所谓|所謂|以[^，,。]{0,20}为题",
    )
    .expect("naming regex")
});

/// A speech given, after the speaker's name, as the occasion of the words: "致开幕辞时", "发表欢迎辞时",
/// "在视频演讲中" is an adverbial of [`CUTS`].
static SPEECH_OCCASION: Transient = Transient::new(|| {
    Regex::new(r"(?:致|发表|發表)[^，,。：:；;“”「」]{0,4}?(?:辞|辭|词|詞|讲话|講話|演讲|演講)(?:时|時)?$")
        .expect("speech occasion regex")
});

/// Adverbs between a subject and its verb (他还强调, 她同时表示, X先首先告知, X这样说, 他續指, X其後, X笑说).
const ADVERBS: [&str; 45] = [
    "续",
    "續",
    "其后",
    "其後",
    "之后",
    "之後",
    "先",
    "这样",
    "這樣",
    "如此",
    "最后",
    "最後",
    "接着",
    "接著",
    "特别",
    "特別",
    "一再",
    "多次",
    "明确",
    "明確",
    "再度",
    "郑重",
    "鄭重",
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
    "首先",
    "隨即",
    "如是",
    "笑",
];

/// Adverbials of manner before 地 and a speech verb (X动情地说).
const MANNER: [&str; 46] = [
    "感性",
    "开心",
    "開心",
    "欣慰",
    "骄傲",
    "驕傲",
    "动情",
    "動情",
    "感慨",
    "激动",
    "激動",
    "自豪",
    "兴奋",
    "興奮",
    "坦率",
    "坦诚",
    "坦誠",
    "认真",
    "認真",
    "幽默",
    "深情",
    "高兴",
    "高興",
    "笑眯眯",
    "笑盈盈",
    "意味深长",
    "意味深長",
    "语重心长",
    "語重心長",
    "深有感触",
    "深有感觸",
    "不无自豪",
    "不無自豪",
    "诚恳",
    "誠懇",
    "郑重",
    "鄭重",
    "自信",
    "坚定",
    "堅定",
    "风趣",
    "風趣",
    "由衷",
    "动容",
    "動容",
    "感慨万千",
];

/// Where an adverbial after a speaker's name may start (於開幕致詞, 在开幕式上, 对记者, 接受采访时, 如是).
const CUTS: [&str; 12] = [
    "於", "于", "在", "对", "對", "向", "接受", "告诉", "告訴", "如是", "笑着", "笑著",
];

/// Means of speaking after a speaker's name (通过视频连线, 透過視訊): where an adverbial may start.
const MEANS: [&str; 4] = ["通过", "通過", "透过", "透過"];

/// Occasions right after a speaker's name, without a preposition (X致辞时表示, X会上说).
const OCCASIONS: [&str; 12] = [
    "致辞时",
    "致詞時",
    "致辞",
    "致詞",
    "发言时",
    "發言時",
    "发言",
    "發言",
    "受访时",
    "受訪時",
    "会上",
    "會上",
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
    // The previous paragraph, when it ends with a speech verb and a colon (他说：¶“…”).
    let mut lead: Option<&str> = None;
    for (pi, p) in paragraphs.iter().enumerate() {
        let introduced = lead.take();
        lead = Some(*p).filter(|p| p.trim_end().ends_with([':', '：']));
        let curled = curl(p);
        let p: &str = &curled;
        let (mut spans, tail) = nested(p).map_or_else(|| quoted::spans_and_tail(p), |s| (s, None));
        // A quote cut off (or running on) at the end of the paragraph, when a verb introduces it.
        if let Some((open, inner_start)) = tail.filter(|&(open, _)| VERB_END.get().is_match(&p[..open])) {
            spans.push(Span {
                open,
                inner_start,
                inner_end: p.len(),
                close_end: p.len(),
            });
        }
        // Names inside the quotes are no speakers (“…关键在于落实。”).
        let outside = masked(p, &spans);
        let speakers = speakers_in(&outside);
        let mut said = speakers.clone();
        said.extend(subjects_in(&outside, paragraphs));
        said.sort_by_key(|(at, _)| *at);
        let mut from = 0;
        // The end of the last attributed quote of the paragraph, and its speaker.
        let mut prev: Option<(usize, Person)> = None;
        for span in spans {
            if let Some((_, person)) = said.iter().rfind(|(at, _)| (from..span.open).contains(at)) {
                last = Some(person.clone());
            }
            from = span.open;
            let inner = span.inner(p).trim();
            let speech = is_speech(inner);
            let short = !speech && short_said(p, &span, inner);
            if !speech && !short {
                // A fragment of reported speech (他强调,推动可持续发展“说易行难”, X形容论坛「难能可贵」):
                // its speaker is the subject of the sentence's speech verb.
                if let Some((person, basis)) =
                    reported_fragment(p, &span, inner).and_then(|s| resolve(s, last.as_ref(), paragraphs))
                {
                    prev = Some((span.close_end, person.clone()));
                    last = Some(person.clone());
                    push(&mut out, &mut notes, inner, person, &basis);
                }
                continue;
            }
            let before =
                subject(VERB_END.get().find(&p[..span.open]).map(|m| &p[..m.start()])).or_else(|| {
                    let lead = introduced.filter(|_| p[..span.open].trim().is_empty())?;
                    let lead = lead.trim_end();
                    subject(VERB_END.get().find(lead).map(|m| &lead[..m.start()]))
                });
            let after = || {
                let rest = &p[span.close_end..];
                let c = VERB_AFTER.get().captures(rest).or_else(|| {
                    inner
                        .ends_with(['。', '！', '？', '!', '?'])
                        .then(|| later(rest))
                        .flatten()
                        .and_then(|clause| VERB_AFTER.get().captures(clause))
                })?;
                resolve(c.get(1)?.as_str(), last.as_ref(), paragraphs)
            };
            let by_verb = before.and_then(|s| resolve(s, last.as_ref(), paragraphs));
            // A short quote is only taken after its verb.
            if short && by_verb.is_none() {
                continue;
            }
            let Some((person, basis)) = by_verb
                .or_else(after)
                .or_else(|| continued(p, &span, last.as_ref(), paragraphs))
                .or_else(|| by_account(p, &span, last.as_ref(), paragraphs))
                .or_else(|| known_after(p, &span, paragraphs))
                .or_else(|| after_reported(p, &span, &speakers, last.as_ref()))
                .or_else(|| named_before_colon(&p[..span.open]))
                .or_else(|| again(p, prev.as_ref(), &span))
                .or_else(|| {
                    // A paragraph that is one quote, the next paragraph going on with 他强调 / 她表示:
                    // the person the pronoun stands for said it.
                    let alone = p[..span.open].trim().is_empty() && p[span.close_end..].trim().is_empty();
                    (alone && speech && pronoun_speaks_next(&paragraphs[pi + 1..]))
                        .then(|| last.clone().map(|l| (l, Basis::Continuation)))
                        .flatten()
                })
                // A longer fragment closing a clause of reported speech (他表示,香港是“具有…影响力的
                // 城市”,可以…): the subject of the sentence's speech verb, as for a short one.
                .or_else(|| {
                    let sentence = last_sentence(&p[..span.open], &['。', '！', '？', '!', '?', '\n']);
                    if !VERB_COMMA.get().is_match(sentence) {
                        return None;
                    }
                    reported_fragment(p, &span, inner).and_then(|s| resolve(s, last.as_ref(), paragraphs))
                })
            else {
                continue;
            };
            prev = Some((span.close_end, person.clone()));
            last = Some(person.clone());
            push(&mut out, &mut notes, inner, person, &basis);
        }
        // Who speaks or acts last in the paragraph, after its last quote, is 他/她 in the next one
        // (X出席开幕式并致辞。¶他强调:“…”).
        if let Some((_, person)) = said.iter().rfind(|(at, _)| *at >= from) {
            last = Some(person.clone());
        }
    }
    (out, notes)
}

/// A quote of `person`'s, once, with the notes on how its speaker was found.
fn push(out: &mut Vec<Quote>, notes: &mut Vec<Note>, inner: &str, person: Person, basis: &Basis) {
    if !out.iter().any(|q| q.text == inner) {
        let quote = Quote {
            text: inner.to_string(),
            speaker: person.0,
            role: person.1.and_then(|r| bare_role(&r)),
        };
        notes.extend(quote_notes(&quote, basis));
        out.push(quote);
    }
}

/// The subject of the speech verb of the sentence a short quoted fragment ends a clause of: 他强调,推动
/// 可持续发展“说易行难”, / 梁美芬形容论坛「难能可贵」。 A name or term in marks runs on into its clause
/// (表示,「一帶一路」倡議…), and a title, theme or slogan is named as one (主题为“…”, 提出“…”理念).
fn reported_fragment<'a>(p: &'a str, span: &Span, inner: &str) -> Option<&'a str> {
    const CLAUSE_ENDS: [char; 10] = ['，', ',', '。', '；', ';', '！', '!', '？', '?', '：'];
    // The name of an event, an award or a programme (首屆“東南亞青年論壇”), or a thing counted (一場“零和
    // 遊戲”).
    const NAME_ENDS: [&str; 24] = [
        "论坛", "論壇", "奖", "獎", "会议", "會議", "大会", "大會", "峰会", "峰會", "节", "節", "展", "赛",
        "賽", "杯", "计划", "計劃", "計畫", "工程", "项目", "項目", "活动", "活動",
    ];
    const COUNTERS: [char; 14] = [
        '场', '場', '个', '個', '种', '種', '项', '項', '届', '屆', '次', '期', '座', '位',
    ];
    // A paper or a report presented (X發表「…之研究」): its title.
    const PRESENTED: [&str; 6] = ["发表", "發表", "发表了", "發表了", "提交", "提交了"];
    let rest = p[span.close_end..].trim_start();
    let closes_clause = rest.is_empty() || rest.starts_with(CLAUSE_ENDS);
    let pre = &p[..span.open];
    if inner.chars().count() < 4
        || !inner.chars().any(is_han)
        || !closes_clause
        || NAME_ENDS.iter().any(|e| inner.ends_with(e))
        || pre.trim_end().ends_with(COUNTERS)
        || PRESENTED.iter().any(|v| pre.trim_end().ends_with(v))
    {
        return None;
    }
    let sentence = last_sentence(pre, &['。', '！', '？', '!', '?', '\n']);
    if NAMING.get().is_match(sentence) {
        return None;
    }
    let verb = VERB.get().find(sentence)?;
    subject(Some(&sentence[..verb.start()])).filter(|s| !s.is_empty())
}

/// Whether the next paragraph opens with 他 or 她 and a speech verb (他强调，…), a short heading
/// without a sentence's end passed over.
fn pronoun_speaks_next(rest: &[&str]) -> bool {
    let Some(next) = rest
        .iter()
        .map(|n| n.trim())
        .find(|n| !n.is_empty() && (n.contains(['。', '，', ',']) || n.chars().count() > 12))
    else {
        return false;
    };
    let Some(after) = next.strip_prefix('他').or_else(|| next.strip_prefix('她')) else {
        return false;
    };
    let head: String = after.chars().take(6).collect();
    VERB.get().find(&head).is_some_and(|m| m.start() <= 3)
}

/// The outermost “…” spans of a paragraph that nests a title in a quote with the same marks
/// (“我们提出“一带一路”倡议……”), when “ and ” are balanced and nest properly and no other marks are used;
/// otherwise `None`, and the marks pair as elsewhere.
fn nested(p: &str) -> Option<Vec<Span>> {
    if p.contains(['"', '「', '」', '『', '』', '«', '»']) {
        return None;
    }
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut deepest = 0usize;
    let mut open = 0;
    for (i, c) in p.char_indices() {
        match c {
            '“' => {
                if depth == 0 {
                    open = i;
                }
                depth += 1;
                deepest = deepest.max(depth);
            }
            '”' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    out.push(Span {
                        open,
                        inner_start: open + '“'.len_utf8(),
                        inner_end: i,
                        close_end: i + '”'.len_utf8(),
                    });
                }
            }
            _ => {}
        }
    }
    (depth == 0 && deepest >= 2).then_some(out)
}

/// `p` with the inside of each quote blanked, byte for byte, so that offsets stay those of `p`.
fn masked(p: &str, spans: &[Span]) -> String {
    let mut out = p.to_string();
    for span in spans {
        if let Some(inner) = p.get(span.inner_start..span.inner_end) {
            out.replace_range(span.inner_start..span.inner_end, &" ".repeat(inner.len()));
        }
    }
    out
}

/// A paragraph whose straight double quotes are paired in order as “ and ”: glued to Chinese characters on
/// both sides (表示:"…"他说), they show no direction of their own.
fn curl(p: &str) -> Cow<'_, str> {
    let n = p.matches('"').count();
    if n == 0 || n % 2 == 1 || !p.chars().any(is_han) {
        return Cow::Borrowed(p);
    }
    let mut open = true;
    Cow::Owned(
        p.chars()
            .map(|c| match c {
                '"' => {
                    open = !open;
                    if open { '”' } else { '“' }
                }
                c => c,
            })
            .collect(),
    )
}

/// The speaker of a quote that ends reported speech (白天表示，…，「…」。): the quote opens a clause,
/// closes its sentence, and a speech verb with a person before it opens the sentence's reported speech.
fn continued(p: &str, span: &Span, last: Option<&Person>, all: &[&str]) -> Option<(Person, Basis)> {
    let pre = p[..span.open].trim_end();
    if !pre.ends_with(['，', ',']) {
        return None;
    }
    if !closes_sentence(p, span) {
        return None;
    }
    let sentence = last_sentence(pre, &['。', '！', '？', '!', '?', '；', ';']);
    let verb = VERB_COMMA.get().find_iter(sentence).last()?;
    resolve(subject(Some(&sentence[..verb.start()]))?, last, all)
}

/// What follows the last of `stops` in `text` (all of it when none is there): the sentence a quote's
/// attribution is sought in.
fn last_sentence<'a>(text: &'a str, stops: &[char]) -> &'a str {
    text.rfind(stops).map_or(text, |i| {
        &text[i + text[i..].chars().next().map_or(1, char::len_utf8)..]
    })
}

/// The last clause of the sentence after a quote (“…。”第一次参加年会，专家X感触颇深。), from its comma to
/// the sentence's end, when the sentence is short, holds no other quote and ends with 。 or ！: the
/// attribution may stand there, after a clause.
fn later(rest: &str) -> Option<&str> {
    let end = rest.find(['。', '！', '!'])?;
    let sentence = &rest[..end];
    if sentence.contains(['“', '”', '「', '」', '；', ';', '？', '?', '\n']) || sentence.chars().count() > 100
    {
        return None;
    }
    let comma = sentence.rfind([',', '，']).filter(|&i| i > 0)?;
    rest.get(comma..end + rest[end..].chars().next().map_or(1, char::len_utf8))
}

/// The speaker of a quote that stands as a sentence of its own right after a sentence of reported speech
/// (X表示,论坛意义重大。“…。”): the person who spoke there, or the last speaker when that sentence is
/// about 他/她, when nothing follows the quote in its sentence.
fn after_reported(
    p: &str,
    span: &Span,
    speakers: &[(usize, Person)],
    last: Option<&Person>,
) -> Option<(Person, Basis)> {
    let pre = p[..span.open].trim_end();
    if !pre.ends_with(['。', '！', '!']) {
        return None;
    }
    let rest = p[span.close_end..].trim_start();
    if !(rest.is_empty() || rest.starts_with(['。', '\n']))
        || !span.inner(p).trim_end().ends_with(['。', '！', '!', '？', '?'])
    {
        return None;
    }
    let body = pre.trim_end_matches(['。', '！', '!']);
    // A closing mark ends a sentence only after a quote that ended one ("…。”"); a title in marks
    // inside the sentence ("以“…”为主题的会议") does not.
    let start = body
        .char_indices()
        .rev()
        .find(|&(i, c)| {
            matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | ';')
                || (matches!(c, '”' | '」') && body[..i].ends_with(['。', '！', '？', '!', '?']))
        })
        .map_or(0, |(i, c)| i + c.len_utf8());
    if let Some((_, person)) = speakers.iter().rfind(|(at, _)| (start..body.len()).contains(at)) {
        let basis = Basis::Named(person.0.clone());
        return Some((person.clone(), basis));
    }
    // "X表示,…。他堅信…。“…。”": a sentence about the last speaker, who goes on.
    body[start..]
        .trim_start()
        .starts_with(['他', '她'])
        .then(|| last.cloned().map(|p| (p, Basis::Pronoun)))
        .flatten()
}

/// The speaker of a quote that opens its paragraph and is followed right away by a person the text has
/// named after a title, then by 对/在/向 (「…」X對…, the verb later or beyond the excerpt): X.
fn known_after(p: &str, span: &Span, all: &[&str]) -> Option<(Person, Basis)> {
    if !p[..span.open].trim().is_empty() {
        return None;
    }
    let rest = &p[span.close_end..];
    let ends: Vec<usize> = rest.char_indices().map(|(i, _)| i).skip(2).take(3).collect();
    ends.into_iter().find_map(|end| {
        let name = &rest[..end];
        if !name.chars().all(is_han) || !rest[end..].starts_with(['对', '對', '在', '向']) {
            return None;
        }
        let role = all.iter().find_map(|q| {
            q.match_indices(name).find_map(|(i, _)| {
                let before = &q[..i];
                let role = subject(Some(before)).unwrap_or(before);
                let role = role.rsplit_once('、').map_or(role, |(_, r)| r);
                ends_with_title(before).then(|| role.to_string())
            })
        })?;
        let person = (name.to_string(), (!role.is_empty()).then_some(role));
        let basis = Basis::Named(person.0.clone());
        Some((person, basis))
    })
}

/// An account of what someone said standing for the speech verb: after the quote, heard
/// (“…”听着X的叙述, …); before it, with a colon (X的解释是:「…」, 他的回答是:“…”), or a view (在X看来,“…”).
static ACCOUNT_AFTER: Transient = Transient::new(|| {
    Regex::new(r"^[,，]?\s*(?:听着|聽著|听了|聽了|听完|聽完)(?P<who>[^，,。：:；;！？!?“”「」『』]{1,30}?)的(?:叙述|敘述|讲述|講述|介绍|介紹|解释|解釋|回答|发言|發言|讲话|講話|分享)")
        .expect("account after regex")
});
static ACCOUNT_BEFORE: Transient = Transient::new(|| {
    Regex::new(r"(?:(?P<who>[^，,。：:；;！？!?“”「」『』]{1,30}?)的(?:解释|解釋|回答|看法|观点|觀點|说法|說法|回应|回應)(?:是|为|為)[:：]|在(?P<viewer>[^，,。：:；;！？!?“”「」『』]{1,30}?)(?:看来|看來)[,，:：]?)\s*$")
        .expect("account before regex")
});

/// The speaker of a quote attributed by an account of the speech ([`ACCOUNT_AFTER`], [`ACCOUNT_BEFORE`]): a
/// person, or 他/她 for the last one.
fn by_account(p: &str, span: &Span, last: Option<&Person>, all: &[&str]) -> Option<(Person, Basis)> {
    let who = ACCOUNT_AFTER
        .get()
        .captures(&p[span.close_end..])
        .or_else(|| ACCOUNT_BEFORE.get().captures(&p[..span.open]))
        .and_then(|c| c.name("who").or_else(|| c.name("viewer")))?
        .as_str();
    resolve(subject(Some(who))?, last, all)
}

/// The speaker of a quote after a name and a colon, with no verb (钟明远:“…”): the name is the whole
/// clause or follows a title, so that a list's cue (议题包括:) is no speaker.
fn named_before_colon(pre: &str) -> Option<(Person, Basis)> {
    let s = pre.trim_end().strip_suffix([':', '：'])?;
    let s = subject(Some(s))?;
    let person = person_at_end(s)?;
    // "向記者表示": a speech verb after a title is no name.
    if VERB.get().is_match(&person.0) {
        return None;
    }
    let whole = person.0 == s;
    if !whole && !person.1.as_deref().is_some_and(ends_with_title) {
        return None;
    }
    let basis = Basis::Named(person.0.clone());
    Some((person, basis))
}

/// The speaker of a quote that follows another one's attribution in the same paragraph (“…。”X说。“…”):
/// only that attribution stands between them.
fn again(p: &str, prev: Option<&(usize, Person)>, span: &Span) -> Option<(Person, Basis)> {
    let (end, person) = prev?;
    let between = p.get(*end..span.open)?.trim_end();
    let c = VERB_AFTER.get().captures(between)?;
    let end = c.get(0)?.end();
    // "“…”她说,并特别提到…:“…”": the same speaker goes on with 并/还 and a speech verb before a colon.
    let goes_on = |rest: &str| {
        rest.starts_with(['并', '並', '还', '還', '又'])
            && rest.ends_with([':', '：'])
            && VERB.get().is_match(rest)
            && !rest.contains(['。', '！', '？', '!', '?', '；', ';'])
    };
    if end != between.len() && !goes_on(&between[end..]) {
        return None;
    }
    let basis = Basis::Named(person.0.clone());
    Some((person.clone(), basis))
}

/// A quote says something: a few characters at least, and a clause or sentence rather than a title
/// (“一带一路”, “读懂中国·湾区对话” are names); it is Chinese (an English summary after the report, with its
/// titles in marks, quotes nobody).
fn is_speech(inner: &str) -> bool {
    let n = inner.chars().count();
    inner.chars().any(is_han)
        && (n >= 12 || (n >= 6 && inner.contains(['，', ',', '。', '！', '!', '？', '?'])))
}

/// A short quote that is a whole sentence said: four characters at least, right after a speech verb and
/// its colon or comma (他说:“欢迎大家。”, 她表示,「合作才有未來」。), and ending its sentence; a name or
/// title in marks runs on into the sentence (表示,「一帶一路」倡議…).
fn short_said(p: &str, span: &Span, inner: &str) -> bool {
    let pre = p[..span.open].trim_end();
    inner.chars().count() >= 4
        && inner.chars().any(is_han)
        && pre.ends_with([':', '：', ',', '，'])
        && VERB_END.get().is_match(pre)
        && closes_sentence(p, span)
}

/// Whether a quote ends its sentence: its text ends with a full stop, or one follows the closing mark,
/// or nothing does.
fn closes_sentence(p: &str, span: &Span) -> bool {
    const STOPS: [char; 5] = ['。', '！', '？', '!', '?'];
    let rest = p[span.close_end..].trim_start();
    span.inner(p).trim_end().ends_with(STOPS) || rest.is_empty() || rest.starts_with(STOPS)
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
    // "(吉隆坡27日讯)马来西亚首相…": a dateline before the subject is no part of it.
    Some(super::text::without_stamp(pre[start..].trim()))
}

/// The person a subject names, with its role and how it was found: 他/她 resolve to `last`; an
/// adverbial after the name (於開幕致詞, 在致辞中) and adverbs (还, 同时) are dropped.
fn resolve(subject: &str, last: Option<&Person>, all: &[&str]) -> Option<(Person, Basis)> {
    let mut s = subject.trim();
    loop {
        let before = s;
        // "陈云英会长在致辞中", "X在开幕式上", "X在记者招待会上": an adverbial of 在 closed by 中, 时 or
        // 上, dropped whole before an occasion could be cut off its end.
        // (金在中 is a name: the adverbial holds two characters at least between 在 and its end.)
        if let Some(i) = s.rfind('在').filter(|&i| i > 0)
            && s.ends_with(['中', '时', '時', '上'])
            && (4..=10).contains(&s[i..].chars().count())
        {
            s = &s[..i];
        }
        let cut = s.len();
        for a in ADVERBS.iter().chain(OCCASIONS.iter()) {
            s = s.strip_suffix(a).unwrap_or(s);
        }
        // "X在会上": a preposition left before an occasion.
        if s.len() < cut {
            s = s.strip_suffix(['在', '于', '於']).unwrap_or(s);
        }
        // "弗赖贝加10日", "X昨日": a day after the name.
        s = without_day(s);
        // "X致开幕辞时", "X发表欢迎辞时": the speech the words were said in.
        if let Some(m) = SPEECH_OCCASION.get().find(s).filter(|m| m.start() > 0) {
            s = &s[..m.start()];
        }
        // "X动情地", "X意味深长地": an adverbial of manner before 地.
        if let Some(rest) = s.strip_suffix('地') {
            s = MANNER.iter().find_map(|m| rest.strip_suffix(m)).unwrap_or(s);
        }
        // "正如X所", "用X的话": a speaker cited.
        for (open, close) in [
            ("正如", "所"),
            ("诚如", "所"),
            ("誠如", "所"),
            ("如同", "所"),
            ("用", "的话"),
            ("用", "的話"),
        ] {
            if let Some(inner) = s.strip_prefix(open).and_then(|r| r.strip_suffix(close)) {
                s = inner;
            }
        }
        if s == before {
            break;
        }
    }
    // "她在主旨发言中", "他对记者": a pronoun before an adverbial.
    let pronoun = s
        .strip_prefix(['他', '她'])
        .is_some_and(|rest| rest.is_empty() || CUTS.iter().any(|c| rest.starts_with(c)));
    if pronoun {
        return last.cloned().map(|p| (p, Basis::Pronoun));
    }
    // "林海东（江南商会会长）在发言中": an adverbial after the bracket.
    if let Some(close) = s.rfind(['）', ')']) {
        let after = &s[close..].trim_start_matches(['）', ')']);
        if CUTS.iter().chain(OCCASIONS.iter()).any(|c| after.starts_with(c)) {
            s = &s[..s.len() - after.len()];
        }
    }
    // "林海东（江南商会会长）": the role in brackets after the name.
    if let Some(rest) = s.strip_suffix(['）', ')'])
        && let Some(open) = rest.rfind(['（', '('])
    {
        let role = rest[open..].trim_start_matches(['（', '(']).trim();
        let (name, own) = person_at_end(&rest[..open])?;
        let role = own.or_else(|| (!role.is_empty()).then(|| role.to_string()));
        let basis = Basis::Named(name.clone());
        return Some(((name, role), basis));
    }
    // "首相特别强调": a title alone stands for the person the text named with it, the last speaker
    // when that one holds it.
    if !all.is_empty()
        && super::zh::is_title(s)
        && let Some(found) = by_title(s, last, all)
    {
        return Some(found);
    }
    // "江南大学副校长白云在论坛开幕式上代表主办单位致辞时", "X通过视频连线": a titled person right before the
    // first place an adverbial may start, however long the adverbial is.
    let titled = heads(s, &MEANS).map(trim_head).find_map(|head| {
        person_at_end(head).filter(|(name, role)| role.is_some() && name.chars().count() >= 2)
    });
    // "校長張家宜於開幕致詞", "X对记者", "X如是": the name may stand before an adverbial.
    // "王局长对记者": the reporter spoken to is no speaker; the name before the adverbial is.
    let reporter = |p: &Person| p.0.ends_with("记者") || p.0.ends_with("記者");
    // "白云主席": a name the text gives elsewhere, with its title after it here.
    let person = titled
        .or_else(|| titled_after_name(s, all))
        .or_else(|| person_at_end(s).filter(|p| !reporter(p)))
        .or_else(|| heads(s, &[]).rev().map(trim_head).find_map(person_at_end));
    let person = person
        .or_else(|| titled_person_within(s))
        .or_else(|| dotted_full_name(s, all))?;
    // "兴奋地向记者": the reporter spoken to is no speaker.
    if reporter(&person) {
        return None;
    }
    // "张志强说" after "中国国际商会会长张志强出席…": the role the text gave the name before.
    let person = match person {
        (name, None) => {
            let role = known_role(&name, all);
            (name, role)
        }
        titled => titled,
    };
    let basis = Basis::Named(person.0.clone());
    Some((person, basis))
}

/// The person a title alone refers to: the last speaker when their role holds it, else the first person
/// the text has speak with that title.
fn by_title(title: &str, last: Option<&Person>, all: &[&str]) -> Option<(Person, Basis)> {
    let holds = |p: &Person| p.1.as_deref().is_some_and(|r| r.contains(title));
    if let Some(p) = last.filter(|p| holds(p)) {
        return Some((p.clone(), Basis::Named(p.0.clone())));
    }
    all.iter()
        .flat_map(|p| speakers_in(p))
        .map(|(_, person)| person)
        .find(holds)
        .map(|p| {
            let basis = Basis::Named(p.0.clone());
            (p, basis)
        })
}

/// The title the text glues to a name where it names the person with one ("中国国际商会会长张志强").
/// A role without the words of a quote or a clause before it: what follows the last comma, colon or
/// full stop ("在谈到文化保护时，" and "“…，”" give none).
fn bare_role(role: &str) -> Option<String> {
    let at = role
        .rfind(['，', ',', '：', ':', '。', '；'])
        .map_or(0, |i| i + role[i..].chars().next().map_or(0, char::len_utf8));
    let rest = role[at..].trim();
    // A closing mark left alone is the end of a quote; a name in marks inside a role stays.
    let rest = if rest
        .chars()
        .all(|c| quoted::is_quote_mark(c) || c.is_whitespace())
    {
        ""
    } else {
        rest
    };
    (!rest.is_empty()).then(|| rest.to_string())
}

fn known_role(name: &str, all: &[&str]) -> Option<String> {
    if name.chars().count() < 2 {
        return None;
    }
    all.iter().find_map(|p| {
        p.match_indices(name).find_map(|(i, _)| {
            let (who, role) = person_at_end(&p[..i + name.len()])?;
            (who == name).then_some(role).flatten()
        })
    })
}

/// The words before each place in `s` where an adverbial may start ([`CUTS`], and `more`), in order.
fn heads<'a>(s: &'a str, more: &'a [&'a str]) -> impl DoubleEndedIterator<Item = &'a str> + 'a {
    s.char_indices()
        .filter(move |&(i, _)| i > 0 && CUTS.iter().chain(more).any(|c| s[i..].starts_with(c)))
        .map(move |(i, _)| &s[..i])
}

/// The words before an adverbial, without an adverb or a day that ends them ("白雲其後在…", "汤绍成28日接受…").
fn trim_head(head: &str) -> &str {
    without_day(ADVERBS.iter().find_map(|a| head.strip_suffix(a)).unwrap_or(head))
}

/// `s` without a day at its end: "10日", "昨日", "当天".
fn without_day(s: &str) -> &str {
    if let Some(rest) = s.strip_suffix('日') {
        let digits = rest.trim_end_matches(|c: char| c.is_ascii_digit());
        if digits.len() < rest.len() {
            return digits;
        }
    }
    [
        "昨日", "昨天", "今日", "今天", "当天", "當天", "当日", "當日", "日前", "近日",
    ]
    .iter()
    .find_map(|d| s.strip_suffix(d))
    .unwrap_or(s)
}

/// A name with its title after it ("马时亨主席"), when the text names the same person elsewhere after a
/// title ("贸发局主席马时亨教授"): that person, with the role read there.
fn titled_after_name(s: &str, all: &[&str]) -> Option<Person> {
    let (at, _) = s
        .char_indices()
        .rev()
        .take(6)
        .find(|&(i, _)| TITLES_AFTER.contains(&&s[i..]))?;
    let (name, title) = s.split_at(at);
    if !(2..=4).contains(&name.chars().count()) || !name.chars().all(is_han) {
        return None;
    }
    let role = known_role(name, all)?;
    // A role read there may run back over a clause: the title given here is enough then.
    let role = if role.chars().count() <= 12 {
        role
    } else {
        title.to_string()
    };
    Some((name.to_string(), Some(role)))
}

/// Titles that may follow a name they belong to.
const TITLES_AFTER: [&str; 14] = [
    "主席", "教授", "院长", "院長", "部长", "部長", "校长", "校長", "会长", "會長", "先生", "女士", "博士",
    "局长",
];

/// A transliterated name by its last part (弗里萨, after 教授玛丽·劳尔·弗里萨 in the text): `s`, or `s` before
/// an adverbial (弗里萨笑着), of two to six Han characters, follows a name dot somewhere in `all`; the
/// full name and its role are read there, else the last part stands alone.
fn dotted_full_name(s: &str, all: &[&str]) -> Option<Person> {
    let cut = heads(s, &[]).next();
    [Some(s), cut].into_iter().flatten().find_map(|part| {
        let n = part.chars().count();
        if !(2..=6).contains(&n) || !part.chars().all(is_han) {
            return None;
        }
        // Each place the part stands (a fast substring search), then whether a dot is before it.
        all.iter().find_map(|p| {
            p.match_indices(part).find_map(|(at, _)| {
                if !p[..at].ends_with(is_name_dot) {
                    return None;
                }
                let end = at + part.len();
                // A description before the role (第一次参加论坛的…教授) is no part of it.
                let full = person_at_end(&p[..end])
                    .filter(|(name, _)| name.ends_with(part))
                    .map(|(name, role)| {
                        let role =
                            role.map(|r| r.rsplit_once('的').map_or(r.clone(), |(_, r)| r.to_string()));
                        (name, role)
                    });
                Some(full.unwrap_or_else(|| (part.to_string(), None)))
            })
        })
    })
}

/// People standing as the subject of a clause (全國政協副主席何厚鏵發表開幕致辭。), with where the clause
/// starts: the antecedents of a later 他/她.
fn subjects_in(p: &str, all: &[&str]) -> Vec<(usize, Person)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in p.char_indices().chain(std::iter::once((p.len(), '。'))) {
        if !matches!(c, '，' | ',' | '。' | '；' | ';' | '！' | '？' | '!' | '?' | '\n') {
            continue;
        }
        let clause = p[start..i].trim();
        let at = start;
        start = i + c.len_utf8();
        let Some(end) = SUBJECT_END.get().find(clause) else {
            continue;
        };
        let s = &clause[..end.start()];
        // A transliterated name keeps its name dot (安娜·白).
        if s.chars().count() > 30
            || !s
                .chars()
                .all(|c| is_han(c) || c == '、' || c.is_ascii_digit() || is_name_dot(c))
        {
            continue;
        }
        if let Some((person, _)) = resolve(s, None, all) {
            out.push((at, person));
        }
    }
    out
}

/// What follows 表示 in a greeting or thanks rather than in speech.
const GREETINGS: [&str; 12] = [
    "欢迎", "歡迎", "感谢", "感謝", "祝贺", "祝賀", "衷心", "热烈", "熱烈", "诚挚", "誠摯", "谢意",
];

/// People said to speak in a paragraph, quoted or not (中国政协委员刘洪才表示,…), with where the verb stands.
fn speakers_in(p: &str) -> Vec<(usize, Person)> {
    VERB.get()
        .find_iter(p)
        .filter_map(|m| {
            // 表示欢迎, 表示衷心祝贺: a greeting, not speech.
            if GREETINGS.iter().any(|g| p[m.end()..].starts_with(g)) {
                return None;
            }
            // "谢诗坚解释指出": verbs in a chain; the subject stands before the first.
            let pre = &p[..m.start()];
            // "出席大会相关活动并致辞": a verb joined by 并 to a predicate before it; its subject is the
            // clause's, not the words before it.
            if pre.ends_with(['并', '並']) {
                return None;
            }
            // Only the last few characters can hold the chain.
            let near = super::text::tail(pre, 48);
            let pre = VERB_TAIL
                .get()
                .find(near)
                .map_or(pre, |t| &pre[..pre.len() - near.len() + t.start()]);
            let s = subject(Some(pre))?;
            // A subject is short and ends right at the verb.
            if s.chars().count() > 40 || !s.chars().last().is_some_and(is_han) {
                return None;
            }
            // "潘基文在记者招待会上说": the adverbial after the name is no part of it; 他/她 are
            // resolved where the quotes are.
            let (person, _) = resolve(s, None, &[])?;
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
    fn a_long_fragment_closing_a_clause_of_reported_speech() {
        let s = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(
            quotes("文化部长王蓉出席论坛。她表示,文化产业应与邻国“将壁垒降到最低,书籍才能流通”,并期待合作。"),
            vec![s("王蓉", "将壁垒降到最低,书籍才能流通")]
        );
        // Without reported speech before it (a verb and its comma), a phrase in marks quotes no one.
        assert!(quotes("文化部长王蓉介绍了“让书籍跨越边界走进千家万户的新做法”,并期待合作。").is_empty());
        // The title of a paper presented is no one's words.
        assert!(
            quotes("研究员王海出席。他指出,青年缺少信息;中心主任李明发表“十九大后促进两岸关系发展之政策研究”,建议合作。")
                .is_empty()
        );
    }

    #[test]
    fn a_verb_after_bing_and_a_modal_after_a_family_name_name_nobody() {
        let said = speakers_in("副省长受邀出任大会顾问、出席大会相关活动并致辞。");
        assert!(said.is_empty(), "{said:?}");
        assert_eq!(super::super::zh::person_at_end("以及江南企业总商会将"), None);
    }

    #[test]
    fn a_dateline_a_title_in_the_sentence_before_and_a_title_alone_as_the_subject() {
        let got = quotes(
            "(江南27日讯)江南省长王海今日在峰会上表示,这场会议标志着合作进入新纪元。\n王海在开场演讲中指出,这场以“协调机遇,共同繁荣”为主题的会议汇聚了三方代表。“我们共享悠久的文明遗产,也拥有共同的愿景。”\n省长特别强调,三方合计人口约21亿,“这为市场协同与跨区域投资提供了前所未有的机遇”。",
        );
        let who: Vec<&str> = got.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(who, ["王海", "王海"], "{got:?}");
        assert_eq!(got[1].1, "这为市场协同与跨区域投资提供了前所未有的机遇");
    }

    #[test]
    fn a_quote_alone_before_a_pronoun_that_speaks_and_chained_verbs() {
        assert_eq!(
            quotes(
                "大会主席王明解释指出「三州府」指的是海峡殖民地。\n看好一带一路\n「江南海峡今日依旧是两国的生命线和最重要的通道。每年经过的油船不下10万艘。」\n他强调,两国近年来不遗余力地增进联系。"
            ),
            vec![(
                "王明".to_string(),
                "江南海峡今日依旧是两国的生命线和最重要的通道。每年经过的油船不下10万艘。".to_string()
            )]
        );
    }

    #[test]
    fn a_role_given_with_the_name_earlier() {
        let got = extract(&[
            "江南商會會長白雲出席開幕式。",
            "「本屆論壇意義重大,我們明年再見。」白雲說。",
        ])
        .0;
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].speaker, "白雲");
        assert_eq!(got[0].role.as_deref(), Some("江南商會會長"));
    }

    #[test]
    fn the_subject_of_a_paragraph_without_quotes_a_smile_and_dao_after_the_verb() {
        let said = "本屆論壇為各國企業搭建了交流合作的平台,意義重大。";
        let intro = "江南商會會長白雲出席開幕式並致辭。";
        for line in [
            format!("他強調:「{said}」"),
            format!("「{said}」白雲笑說。"),
            format!("談及論壇成果,白雲感慨道:「{said}」"),
        ] {
            let got = quotes(&format!("{intro}\n{line}"));
            assert_eq!(got, vec![("白雲".to_string(), said.to_string())], "{line}");
        }
    }

    #[test]
    fn a_speech_as_the_occasion_a_title_after_the_name_and_a_quoted_name_in_a_role() {
        let got = quotes(
            "江南贸发局主席白云教授致欢迎词。\n白云主席发表欢迎辞时表示:「我们很荣幸今年迎来论坛的第十届,多项伙伴关系得以建立。」",
        );
        assert_eq!(
            got,
            vec![(
                "白云".to_string(),
                "我们很荣幸今年迎来论坛的第十届,多项伙伴关系得以建立。".to_string()
            )]
        );
        let got = quotes("李海致开幕辞时表示:「江南是合作的理想枢纽,一直是促进合作的首选门户。」");
        assert_eq!(
            got,
            vec![(
                "李海".to_string(),
                "江南是合作的理想枢纽,一直是促进合作的首选门户。".to_string()
            )]
        );
        let got = quotes(
            "“我希望有机会能去江南,感受江南良好的生态。”联合国原副秘书长、“一带一路”绿色发展联盟主席埃里克·索尔海姆在视频演讲中表示,合作很重要。",
        );
        assert_eq!(
            got,
            vec![(
                "埃里克·索尔海姆".to_string(),
                "我希望有机会能去江南,感受江南良好的生态。".to_string()
            )]
        );
    }

    #[test]
    fn a_day_in_the_adverbial_and_a_sentence_about_the_speaker() {
        // "X28日接受…采访时如是说": the day after the name is no part of it.
        assert_eq!(
            quotes(
                "“学术交流是一种非常重要的交流,对增进理解具有积极作用。”江南研究院院长白云28日接受 江南日报 采访时如是说。"
            ),
            vec![(
                "白云".to_string(),
                "学术交流是一种非常重要的交流,对增进理解具有积极作用。".to_string()
            )]
        );
        // A sentence about 他 between the speaker's verb and a quote of its own.
        assert_eq!(
            quotes(
                "江南大學校長白云表示,對話很重要。他堅信學者們一定會利用江南的地位進行研究。“我們願意繼續作為知識的平台,進行全面的交流。”"
            ),
            vec![(
                "白云".to_string(),
                "我們願意繼續作為知識的平台,進行全面的交流。".to_string()
            )]
        );
        // A sentence about someone else is no such link.
        assert!(
            quotes("江南大學校長白云表示,對話很重要。學者們一定會利用江南的地位進行研究。“我們願意繼續作為知識的平台,進行全面的交流。”")
                .is_empty()
        );
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
    fn a_pronoun_after_a_subject_that_a_preposition_closes() {
        for clause in ["李明以《茶与文化》为题", "李明就茶叶出口"] {
            let got = quotes(&format!(
                "论坛中,{clause},阐述了茶文化的价值等内容。他表示:“茶叶有利于提高生活质量,具有传承性。”"
            ));
            assert_eq!(
                got,
                vec![(
                    "李明".to_string(),
                    "茶叶有利于提高生活质量,具有传承性。".to_string()
                )],
                "{clause}"
            );
        }
    }

    #[test]
    fn pronouns_titles_and_indirect_speech() {
        let got = quotes(
            "中国政协委员刘洪才表示,这完全是一种误解。他还强调:“有必要避免产生误解,不断构筑相互理解。”",
        );
        assert_eq!(got[0].0, "刘洪才");
        assert!(quotes("论坛以“中国式现代化与世界新机遇”为主题。有人提及“一带一路”倡议。").is_empty());
    }

    #[test]
    fn straight_marks_between_chinese_characters() {
        let got = quotes(
            "江南大学校长周明远表示:\"有必要加强交流,不断构筑相互理解。\"他还介绍了\"一带一路\"倡议。",
        );
        assert_eq!(
            got,
            vec![(
                "周明远".to_string(),
                "有必要加强交流,不断构筑相互理解。".to_string()
            )]
        );
    }

    #[test]
    fn antecedents_and_reported_speech_continued() {
        let got = quotes(
            "江南省委书记林海东代表省委向嘉宾表示欢迎。他说：「论坛是交流合作的重要平台，我们愿与各方共同努力。」\n东港大学副校长白云在会上发表演讲。白云表示，合作成果丰硕，「回顾过去十年，我们有理由为取得的成就感到自豪」。",
        );
        let speakers: Vec<&str> = got.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(speakers, vec!["林海东", "白云"]);
        // A title after 为 in reported speech is not a quote.
        assert!(quotes("周海表示,今次的主题为「知识互联——亚洲发展的创新思路」,参与代表约800人。").is_empty());
    }

    #[test]
    fn speaker_after_the_quote_behind_an_adverbial_or_a_clause() {
        let got = quotes(
            "“我们希望论坛推动合作不断深化,取得更多成果。”青川国副总理兼财长科达兰在开幕式上说。\n\
             “论坛的议题非常丰富,讨论也很深入,收获很大。”谈及此次论坛,东港大学教授白云如是说。\n\
             “以交流为核心,大家畅所欲言,这种氛围令人难忘。”第一次参加年会,江南研究院院长林海东感触颇深。\n\
             “我们希望论坛越办越好,合作越走越远。”江南商会会长赵立新告诉记者。",
        );
        let speakers: Vec<&str> = got.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(speakers, vec!["科达兰", "白云", "林海东", "赵立新"]);
        // A clause before the attribution is allowed only after a quote that ends its own sentence.
        assert!(quotes("“江南论坛与东港博览会联合发布报告”,会后,林海东表示。").is_empty());
    }

    #[test]
    fn a_colon_after_a_name_a_second_quote_and_a_lead_paragraph() {
        let got = quotes(
            "江南大学教授周明远:“区域合作前景广阔,关键在于落实。”\n\
             “合作是唯一的出路。”江南商会会长赵立新说。“只有合作,才能共赢,才能走得更远。”\n\
             江南省省长孙立平在致辞中说:\n\
             “今年是落实规划的关键之年,我们将继续扩大开放。”",
        );
        let speakers: Vec<&str> = got.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(speakers, vec!["周明远", "赵立新", "赵立新", "孙立平"]);
        // A list's cue before a colon is no speaker, nor is a name inside a quote (关键).
        assert!(quotes("子议题包括:“江南与东港的合作关系研究”“区域安全形势与地区治理”").is_empty());
        let got = quotes("周明远认为:“前景广阔,关键在于落实。”他还说:“我们会继续努力,共同进步。”");
        assert_eq!(got[1].0, "周明远");
    }

    #[test]
    fn dotted_names_and_chained_verbs() {
        let got = quotes(
            "江南大学教授罗伯特·西蒙表示:“这次论坛提供了宝贵的交流机会,我们期待更多合作。”\n\
             艾哈迈德·阿里在开幕式上说,“江南是我们最重要的合作伙伴之一,我们期待深化合作。”\n\
             吴教授介绍说:“本次会议共收到论文一百余篇,涉及多个领域。”",
        );
        let speakers: Vec<&str> = got.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(speakers, vec!["罗伯特·西蒙", "艾哈迈德·阿里", "吴教授"]);
    }

    #[test]
    fn an_honorific_after_the_name() {
        let got = quotes(
            "江南商会会长林海东先生在开幕致辞中表示,“今年的论坛规模空前,我们期待更多合作成果。”\n\
             東港大學校長羅伯特•西蒙先生在致詞中表示,「這次論壇提供了寶貴的交流機會,我們期待更多合作。」\n\
             江南研究院研究员张先生说:“我们会继续努力,共同进步,把论坛办好。”",
        );
        let speakers: Vec<&str> = got.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(speakers, vec!["林海东", "羅伯特•西蒙", "张先生"]);
    }

    #[test]
    fn a_role_in_brackets_adverbs_and_occasions_after_the_name() {
        let got = quotes(
            "林海东（江南商会会长）表示:“今年的论坛规模空前,我们期待更多合作成果。”\n\
             周明远最后强调:“合作是唯一的出路,只有合作才能共赢。”\n\
             白雲致詞時表示,「這次論壇提供了寶貴的交流機會,我們期待更多合作。」",
        );
        let speakers: Vec<&str> = got.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(speakers, vec!["林海东", "周明远", "白雲"]);
        let (all, _) = extract(&["林海东（江南商会会长）表示:“今年的论坛规模空前,我们期待更多合作成果。”"]);
        assert_eq!(all[0].role.as_deref(), Some("江南商会会长"));
        // An adverbial after the bracket (在发言中).
        let (all, _) = extract(&["孙明(江南商会会长)在发言中表示:“我们愿与各方共同努力,推动合作不断深化。”"]);
        assert_eq!(all[0].speaker, "孙明");
        assert_eq!(all[0].role.as_deref(), Some("江南商会会长"));
    }

    #[test]
    fn a_role_holds_no_clause_and_no_quote_before_the_name() {
        for text in [
            "在谈到江海联动时，林海东说：“合作是唯一的出路，只有合作才能共赢。”",
            "“合作是唯一的出路，”林海东说，“只有合作才能共赢。”",
            "11月10日,在论坛闭幕之际,江南商会会长林海东表示:“合作是唯一的出路,只有合作才能共赢。”",
        ] {
            let (all, _) = extract(&[text]);
            assert!(!all.is_empty(), "{text}");
            for q in &all {
                assert_eq!(q.speaker, "林海东", "{text}");
                assert!(
                    q.role.as_deref().is_none_or(|r| r == "江南商会会长"),
                    "{text}: {:?}",
                    q.role
                );
            }
        }
        // Titles joined by 、 stay together.
        let (all, _) =
            extract(&["江南商会会长、江海研究院院长林海东表示:“合作是唯一的出路,只有合作才能共赢。”"]);
        assert_eq!(all[0].role.as_deref(), Some("江南商会会长、江海研究院院长"));
    }

    #[test]
    fn a_title_nested_in_a_quote_with_the_same_marks() {
        let got = quotes(
            "江南省省长孙立平说:“我们提出“江海联动”倡议已经十年,成果非常丰硕。”他还介绍了“江海联动”的进展。",
        );
        assert_eq!(
            got,
            vec![(
                "孙立平".to_string(),
                "我们提出“江海联动”倡议已经十年,成果非常丰硕。".to_string()
            )]
        );
    }

    #[test]
    fn a_fragment_of_reported_speech_is_its_speakers_unless_it_names_something() {
        let got = quotes(
            "会长李明出席开幕式。他强调,推动改革“知易行难”,各方需要坚持。王芳形容本次展会「难能可贵」。",
        );
        assert_eq!(
            got,
            [
                ("李明".to_string(), "知易行难".to_string()),
                ("王芳".to_string(), "难能可贵".to_string())
            ]
        );
        // An event, a thing counted, a theme: names in marks, no words said.
        let got = quotes(
            "会长李明表示,首届“青年创新论坛”,将在明年举行。李明指出,合作不应成为一场“零和游戏”。李明介绍,本届大会主题为“开放合作”。",
        );
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_number_before_a_family_name_is_no_name() {
        let got = quotes(
            "林海东首先对基金会成立10周年表示衷心祝贺。他指,过去10年很不寻常,「我们能够一齐站稳脚跟,在此我向同仁表示谢意和敬意。」",
        );
        assert_eq!(got[0].0, "林海东");
    }

    // Guards against missing a speaker named by the last part of a transliterated name, taking a pronoun
    // phrase (作为学者的她) or a time clause (接受记者采访时) for a name, and missing quotes attributed by an
    // account of the speech (“…”听着X的叙述, 他的解释是:「…」).
    #[test]
    fn short_transliterated_names_pronoun_phrases_and_accounts() {
        let (got, _) = extract(&[
            "第一次参加论坛的江南大学历史系教授安娜·玛丽·西蒙整个下午都在会场。",
            "西蒙在会议间隙接受记者采访时说,她来参加论坛是因为兴趣,而作为历史学者的她对江南了解不多。她说:“这次论坛组织得非常好,听众可以提出问题,也能得到回应。”",
        ]);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].speaker, "安娜·玛丽·西蒙");
        assert_eq!(got[0].role.as_deref(), Some("江南大学历史系教授"));
        assert_eq!(
            quotes(
                "江南省发展委员会副主任林海东列出了三个方面。\n“十年来,江南港口从蓝图变为现实,取得了实实在在的成就。”听着林海东的叙述,不少嘉宾频频点头。"
            ),
            vec![(
                "林海东".to_string(),
                "十年来,江南港口从蓝图变为现实,取得了实实在在的成就。".to_string()
            )]
        );
        assert_eq!(
            quotes(
                "第一場演講由東港市科技委員會主任梁海生帶來。梁海生先首先告知大家,演講全程沒有投影片。對此,他的解釋是:「如果用投影片,大家都只顧著拍照了,我更希望大家聽我說話。」"
            ),
            vec![(
                "梁海生".to_string(),
                "如果用投影片,大家都只顧著拍照了,我更希望大家聽我說話。".to_string()
            )]
        );
        // An account with no person before it attributes nothing.
        assert!(quotes("会议的回答是:“我们会继续努力,共同进步,把论坛办好。”").is_empty());
    }

    // Guards against missing a speaker before an adverbial of manner (动情地, 意味深长地) or 这样, a speaker
    // cited (正如X所说, 用X的话说), and a verb before a named reporter (告诉新华社记者).
    #[test]
    fn manner_adverbials_cited_speakers_and_named_reporters() {
        let got = quotes(
            "江南商会会长林海东动情地说:“十年来,我们见证了港口的巨大变化,倍感自豪。”\n             东港大学教授白云意味深长地表示:「合作是唯一的出路,只有合作才能共赢。」\n             正如江南省省长孙立平所说:“今年是落实规划的关键之年,我们将继续扩大开放。”\n             用周明远的话说:“区域合作前景广阔,关键在于落实,不能停留在纸面上。”\n             江南研究院院长赵立新告诉新华社记者:“很多嘉宾都是从开幕式直接赶来,几乎是无缝衔接。”\n             林海这样说:“我们希望论坛越办越好,合作越走越远,成果越来越多。”",
        );
        let speakers: Vec<&str> = got.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(
            speakers,
            vec!["林海东", "白云", "孙立平", "周明远", "赵立新", "林海"]
        );
        assert!(quotes("一位嘉宾兴奋地说:“我们听到的分明是城市与自然和谐共生的追求。”").is_empty());
    }

    // Guards against missing a quote after 在X看来, keeping 在 of 在会上 in a name, and 据 of 据X介绍 in a role.
    #[test]
    fn a_view_an_occasion_after_the_name_and_according_to() {
        let (got, _) = extract(&[
            "在林海东看来,“合作是唯一的出路,只有合作才能共赢。”",
            "白雲在會上呼籲:「各方應加強合作,共同應對挑戰,實現共贏發展。」",
            "据江南商会会长赵立新介绍,“本次论坛共有三百多名代表参加,规模为历届之最。”",
        ]);
        let speakers: Vec<&str> = got.iter().map(|q| q.speaker.as_str()).collect();
        assert_eq!(speakers, vec!["林海东", "白雲", "赵立新"]);
        assert_eq!(got[2].role.as_deref(), Some("江南商会会长"));
    }

    // Guards against missing the antecedent of 她 in a clause whose verb follows an adverb (白雲也到場), and a
    // speaker named by a family name and a long title (鄭理事長) before an occasion and 感性地.
    #[test]
    fn antecedents_before_an_adverb_and_a_family_name_with_a_title() {
        let got = quotes(
            "東港大學校長林海東致詞時指出，「論壇是交流合作的重要平台，我們期待更多合作。」\n             江南市長白雲也到場致意，她說，「今年的論壇規模空前，我們期待更多合作成果。」\n             鄭理事長在閉幕時感性地說：「謝謝大家的參與，我們明年再見，論壇一定會更好。」",
        );
        let speakers: Vec<&str> = got.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(speakers, vec!["林海東", "白雲", "鄭理事長"]);
    }

    // Guards against missing 續 between a pronoun and 指, taking 其後 or a preposition after a name for part of
    // it (雲其後, 周明远在).
    #[test]
    fn hong_kong_adverbs_and_prepositions_after_a_name() {
        let got = quotes(
            "行政長官林海東在論壇上致辭。他續指，「香港會繼續發揮獨特優勢，積極參與區域合作。」\n             白雲其後在社交媒體發文指，「論壇取得豐碩成果，感謝各界支持，我們明年再見。」\n             “会议开得很成功,大家收获很大。”江南大学副校长周明远在接受采访时说。",
        );
        let speakers: Vec<&str> = got.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(speakers, vec!["林海東", "白雲", "周明远"]);
    }

    // Guards against missing a quote that is a sentence of its own after its speaker's reported speech, and
    // the antecedent of 他 in a clause whose verb follows 则/从.
    #[test]
    fn a_quote_after_reported_speech_and_antecedents_after_ze() {
        let got = quotes(
            "东港大学教授吴华表示,论坛意义重大。“这是一次难得的交流机会,让我们受益匪浅。”\n             江南研究院院长周明远则从另一个角度谈了看法。他认为:“区域合作前景广阔,关键在于落实。”",
        );
        let speakers: Vec<&str> = got.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(speakers, vec!["吴华", "周明远"]);
        // Something after the quote in its sentence, or no speech before it: no attribution.
        assert!(
            quotes("吴华表示,论坛意义重大。“这是一次难得的交流机会,让我们受益匪浅。”成为共识。").is_empty()
        );
        assert!(quotes("吴华出席论坛。“这是一次难得的交流机会,让我们受益匪浅。”").is_empty());
    }

    // Guards against missing a short quote that is a whole sentence after its verb and colon, and against
    // taking a name in marks that runs on into reported speech for one.
    #[test]
    fn short_quotes_after_a_verb() {
        let got =
            quotes("東港市長林海東致詞表示,「感謝各位蒞臨」。\n             江南大学校长吴华说:“欢迎大家。”");
        let speakers: Vec<&str> = got.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(speakers, vec!["林海東", "吴华"]);
        assert!(quotes("林海東表示,「一帶一路」倡議為區域合作帶來新機遇。").is_empty());
        assert!(quotes("論壇主題為:「海洋與未來」。").is_empty());
    }

    // Guards against taking part of a long adverbial between a titled speaker and the verb for the speaker
    // (…白雲在論壇開幕式上代表主辦單位致詞時指出, X在会见与会嘉宾时强调, X通过视频连线表示, X在贺信中写道).
    #[test]
    fn titled_speakers_before_long_adverbials() {
        let got = quotes(
            "江南大學副校長白雲在論壇開幕式上代表主辦單位致詞時指出:「我們希望為青年搭建交流平台。」\n             “合作才能共赢。”江南省委书记林海东在会见与会嘉宾时强调。\n             东港前市长约翰·史密斯通过视频连线表示,“全球经济需要更多合作。”\n             江南大学校长古特雷斯在贺信中写道:“论坛为各方提供了宝贵平台。”",
        );
        let speakers: Vec<&str> = got.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(speakers, vec!["白雲", "林海东", "约翰·史密斯", "古特雷斯"]);
        let got = quotes("王局长对记者说:“今年的参展商比去年多了三成。”");
        assert_eq!(got[0].0, "王局长");
    }

    // Guards against missing the antecedent of 他 in a clause whose subject is a transliterated name with a
    // name dot and whose verb of stance follows an adverb of degree (…校长安娜·白颇为赞同。他说:“…”).
    #[test]
    fn antecedents_with_a_name_dot_before_an_adverb_of_degree() {
        let got = quotes(
            "江南研究院院长吴华表示,合作基础扎实。“双方的友谊经受住了考验。”\n             对此,东港大学校长安娜·白颇为赞同。他说:“我们相互支持,共同应对挑战,成果有目共睹。”",
        );
        let speakers: Vec<&str> = got.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(speakers, vec!["吴华", "安娜·白"]);
    }

    #[test]
    fn an_english_summary_quotes_nobody() {
        assert!(
            quotes("The two keynotes were: \"Green Ports: A Shared Future\" and \"Open Seas\". The seminars include: \"Amid Change: Recover the Quiet Homeland\".")
                .is_empty()
        );
    }

    // Guards against missing a quote that opens its paragraph before a person named earlier after a title,
    // when the verb stands later or beyond the excerpt (「…」X對…).
    #[test]
    fn a_quote_before_a_titled_person_and_a_preposition() {
        let (got, _) = extract(&[
            "典禮邀請江南省長林海東、東港市長白雲擔任致詞貴賓。",
            "「推動港口永續發展,即是城市生存的關鍵。」林海東對致力於綠色航運的企業,",
        ]);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].speaker, "林海東");
        assert!(got[0].role.as_deref().is_some_and(|r| r.ends_with("江南省長")));
        // A name never introduced after a title, or a quote inside the paragraph, attributes nothing.
        assert!(quotes("「推動港口永續發展,即是城市生存的關鍵。」林海東對此不置可否。").is_empty());
        assert!(
            quotes("江南省長林海東出席。\n會上播放「推動港口永續發展,即是城市生存的關鍵。」林海東在台下。")
                .is_empty()
        );
    }

    #[test]
    fn reporters_pronouns_with_adverbials_and_a_day_after_the_name() {
        assert_eq!(
            quotes("主持会议的江南商会副会长林海东告诉记者:“很多嘉宾都是从开幕式直接赶来,几乎是无缝衔接。”"),
            vec![(
                "林海东".to_string(),
                "很多嘉宾都是从开幕式直接赶来,几乎是无缝衔接。".to_string()
            )]
        );
        assert_eq!(
            quotes(
                "江南联盟主席、东港前市长赵丽华10日表示,希望与会者畅所欲言。\
                 “合作在促进城市发展方面取得了成功,但也面临新的考验。”她在主旨发言中说,\
                 并特别提到两市在区域问题上的角色变化:“东港有所退让,而江南则向前迈进。”"
            ),
            vec![
                (
                    "赵丽华".to_string(),
                    "合作在促进城市发展方面取得了成功,但也面临新的考验。".to_string()
                ),
                (
                    "赵丽华".to_string(),
                    "东港有所退让,而江南则向前迈进。".to_string()
                )
            ]
        );
        assert_eq!(
            quotes("一位專家在聽完對話後,興奮地向記者表示:「我們聽到的分明是城市與自然和諧共生的追求。」"),
            Vec::<(String, String)>::new()
        );
    }

    #[test]
    fn an_adverbial_of_zai_after_a_titled_name_is_no_speaker() {
        let got = quotes(
            "江南学会会长李海、副会长王明出席开幕式。\n李海会长在致辞中说:“我们搭建了一个学术交流的高端平台。”",
        );
        assert_eq!(
            got,
            vec![(
                "李海".to_string(),
                "我们搭建了一个学术交流的高端平台。".to_string()
            )]
        );
        let got = quotes("王明在开幕式上表示:“合作是唯一的出路。”");
        assert_eq!(got[0].0, "王明");
    }

    #[test]
    fn the_one_spoken_to_is_no_speaker() {
        let got = quotes(
            "貿發局主席馬時亨表示:「論壇今年一定要升級！」\n他向溫多娜稱:「好多謝同事，諗得十分好！」",
        );
        assert_eq!(got.len(), 2);
        assert!(got.iter().all(|(who, _)| who == "馬時亨"), "{got:?}");
        let got = quotes("他向記者王明先生表示:「合作是唯一的出路。」");
        assert!(got.iter().all(|(who, _)| who != "王明"), "{got:?}");
        let got = quotes("王明向记者表示:“合作是唯一的出路。”");
        assert_eq!(got[0].0, "王明");
        let got = quotes("王明在开幕式上表示:“合作是唯一的出路。”");
        assert_eq!(got[0].0, "王明");
        let got = quotes("歌手金在中表示:“我很高兴来到这里。”");
        assert_eq!(got[0].0, "金在中");
    }

    #[test]
    fn an_occasion_inside_an_adverbial_of_zai_is_no_name() {
        // "在记者招待会上" is dropped whole: 会上 is not cut off its end first, which left "招待" as a name.
        let got = quotes(
            "潘基文在记者招待会上说,中国做出了杰出贡献。他强调:“推动可持续发展说易行难,需要各国共同努力。”",
        );
        assert_eq!(
            got,
            vec![(
                "潘基文".to_string(),
                "推动可持续发展说易行难,需要各国共同努力。".to_string()
            )]
        );
    }
}
