//! Chinese event facts: the event's name (第十四届X论坛, “X”国际学术研讨会, X论坛(2013)) and its place
//! (在X举行, 于X舉辦, 假X举行, the X…电 dateline of a wire report).
//!
//! A name is a run of characters between clause marks that ends with a kind of event; inside the run it
//! starts after the last function word or verb (的, 在, 由, 举办 …), so "由A主办的第二届B论坛" gives 第二届B论坛.
//! Text in 「」“”《》 marks is kept whole. A mention in a sentence that says the event is held, opened or
//! closed wins; one with an edition (第N届, 首届) or a year wins among those.

use crate::transient::Transient;
use regex::Regex;

use super::text::captures;

/// Kinds of event, simplified and traditional, longest first so 研讨会 is not read as 会.
const KINDS: &str = "博览会|博覽會|展览会|展覽會|研讨会|研討會|交流会|交流會|洽谈会|洽談會|交易会|交易會|座谈会|座談會|\
对话会|對話會|工作会议|工作會議|高峰会|高峰會|论坛|論壇|峰会|峰會|大会|大會|年会|年會|会议|會議|研讨班|研習營";

/// Verbs saying the event takes place.
const HELD: &str = "举行|舉行|举办|舉辦|召开|召開|开幕|開幕|揭幕|闭幕|閉幕|落幕|落下帷幕|拉开帷幕|拉開帷幕|登场|登場|启幕|啟幕|开讲|開講";

/// A run of name characters: no clause punctuation, no spaces; marked text counts as one piece.
static RUN: Transient = Transient::new(|| {
    Regex::new(
        r#"(?:“[^”\n]{1,40}”|「[^」\n]{1,40}」|《[^》\n]{1,40}》|"[^"\n]{1,40}"|[^\s，。、：；！？,.:;!?“”「」《》"—|【】\[\]<>＞/／])+"#,
    )
    .expect("zh run regex")
});

/// Function words and verbs a name cannot contain (outside marks): the name starts after the last one.
static BREAK: Transient = Transient::new(|| {
    Regex::new(&format!(
        r"的|在|于|於|由|是|将|將|与会|與會|出席|参加|參加|参与|參與|主办|主辦|承办|承辦|协办|協辦|合办|合辦|获悉|獲悉|报道|報道|報導|日电|日電|日讯|日訊|称|稱|表示|今天|今日|昨天|昨日|本届|本屆|本次|此次|今年|该|該|这|這|{HELD}"
    ))
    .expect("zh break regex")
});

/// The kind word that ends a name, and an optional year after it: 北京论坛(2013).
static KIND_END: Transient = Transient::new(|| {
    Regex::new(&format!(r"(?:{KINDS})(?:[（(](?:19|20)\d{{2}}[)）])?")).expect("zh kind regex")
});

/// An edition or a year: 第十四届, 首届, 第3屆, 2023年.
static EDITION: Transient = Transient::new(|| {
    Regex::new(r"第[\d一二三四五六七八九十百零〇两]+[届屆次]|首[届屆]|(?:19|20)\d{2}")
        .expect("zh edition regex")
});

/// A date (and time of day) opening a run: 2018年10月20日上午.
static LEADING_DATE: Transient = Transient::new(|| {
    Regex::new(r"^(?:(?:19|20)\d{2}\s*年\s*)?\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?(?:上午|下午|晚上|晚)?")
        .expect("zh leading date regex")
});

static HELD_WORD: Transient = Transient::new(|| Regex::new(HELD).expect("zh held regex"));

/// "在X举行", "于X舉辦", "假X举行", with an adverb or two between place and verb.
static HELD_AT: Transient = Transient::new(|| {
    Regex::new(&format!(
        r"(?:在|于|於|假座|假)(?P<place>[\p{{Han}}A-Za-z·\-]{{1,16}}?)(?:隆重|盛大|成功|正式|顺利|順利|圆满|圓滿|如期|同期|联合|聯合|共同)*(?:{HELD})"
    ))
    .expect("zh held-at regex")
});

/// After a date, a venue before the verb: "将于2021年10月18日上海国际会议中心开幕".
static DATE_VENUE: Transient = Transient::new(|| {
    Regex::new(&format!(
        r"\d{{1,2}}\s*日(?P<place>\p{{Han}}{{2,16}}?(?:中心|会堂|會堂|大厦|大廈|酒店|饭店|飯店|宾馆|賓館|会馆|會館|大礼堂|大禮堂|礼堂|禮堂|会议厅|會議廳|广场|廣場|体育馆|體育館|博物馆|博物館|大学|大學))(?:隆重|盛大|成功|正式)*(?:{HELD})"
    ))
    .expect("zh date-venue regex")
});

/// A wire dateline: 新华社北京10月1日电, 本报福州6月16日电, 厦门11月28日电, 央广网杭州9月4日消息.
static DATELINE: Transient = Transient::new(|| {
    Regex::new(
        r"(?:^|[社网網报報台站】\]\s])(?P<place>\p{Han}{2,4}?)\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:电|電|消息|讯|訊)",
    )
    .expect("zh dateline regex")
});

/// Words that refer back to a place rather than naming one: 该校, 当地, 此.
fn is_reference(place: &str) -> bool {
    [
        "该", "該", "此", "当地", "當地", "本", "这", "這", "其", "线上", "線上", "网上", "網上",
    ]
    .iter()
    .any(|w| place.starts_with(w))
}

/// One event name candidate and how good it is.
struct Candidate {
    name: String,
    score: u8,
}

/// Event names in one text, in order, scored by whether their sentence says the event is held and
/// whether they carry an edition, a year or marks.
fn candidates(text: &str, out: &mut Vec<Candidate>) {
    let kind = KIND_END.get();
    for sentence in text.split(['。', '！', '？', '\n']) {
        // Every name ends with a kind word: most sentences hold none and need no closer look.
        if !kind.is_match(sentence) {
            continue;
        }
        let held = HELD_WORD.get().is_match(sentence);
        for run in RUN.get().find_iter(sentence) {
            if let Some(name) = name_in(run.as_str()) {
                let edition = EDITION.get().is_match(&name)
                    || name.contains(['“', '「', '《', '"'])
                    || name.contains(['(', '（']);
                out.push(Candidate {
                    score: 2 * u8::from(held) + u8::from(edition),
                    name,
                });
            }
        }
    }
}

/// The name in one run: up to its last kind word (or the end of a marked piece holding one), from
/// after the last break word outside marks.
fn name_in(run: &str) -> Option<String> {
    // "X论坛(以下简称“论坛”)": the short form after the name is not it.
    let run = ["(以下", "（以下", "(简称", "（简称", "(簡稱", "（簡稱"]
        .iter()
        .filter_map(|g| run.find(g))
        .min()
        .map_or(run, |i| &run[..i]);
    let kind = KIND_END
        .get()
        .find_iter(run)
        .filter(|m| {
            // 大会堂, 会议室: a kind word inside a longer word for a place.
            let next = run[m.end()..].chars().next();
            !next.is_some_and(|c| "堂场場所址室厅廳馆館展中".contains(c))
        })
        .last()?;
    // Where the marked pieces are, so breaks and kinds inside them are treated as part of the name.
    let marks: Vec<(usize, usize)> = run
        .char_indices()
        .filter(|(_, c)| matches!(c, '“' | '「' | '《' | '"'))
        .filter_map(|(i, c)| {
            let close = match c {
                '“' => '”',
                '「' => '」',
                '《' => '》',
                _ => '"',
            };
            let after = i + c.len_utf8();
            run[after..]
                .find(close)
                .map(|j| (i, after + j + close.len_utf8()))
        })
        .collect();
    let inside = |pos: usize| marks.iter().any(|&(s, e)| pos > s && pos < e);
    let mut end = kind.end();
    if let Some(&(_, e)) = marks.iter().find(|&&(s, e)| kind.start() > s && kind.start() < e) {
        end = e;
    }
    let head = &run[..kind.start()];
    let start = BREAK
        .get()
        .find_iter(head)
        .filter(|m| !inside(m.start()))
        .last()
        .map_or(0, |m| m.end());
    // "(记者 林艷)第三届…": a bracket closed without being opened ends a byline, not the name.
    let start = unopened_close(head).map_or(start, |i| start.max(i));
    let name = run[start..end].trim_matches(|c: char| c.is_whitespace() || c == '-');
    // A date before the name is not part of it: "10月20日第二届…论坛"; a year alone is (2012年X论坛).
    let name = LEADING_DATE.get().find(name).map_or(name, |m| &name[m.end()..]);
    // A name says more than its kind: 论坛 alone, or 本届论坛, names nothing.
    let bare = name
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '年')
        .chars()
        .count();
    let kind_len = kind.as_str().chars().count();
    (bare >= kind_len + 2 && name.chars().count() <= 45).then(|| name.to_string())
}

/// Just after the last closing bracket in `head` that no opening bracket in it matches.
fn unopened_close(head: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut last = None;
    for (i, c) in head.char_indices() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' if depth > 0 => depth -= 1,
            ')' | '）' => last = Some(i + c.len_utf8()),
            _ => {}
        }
    }
    last
}

/// The event name: the best candidate of the body, else of the title.
#[cfg(test)]
pub(crate) fn event(title: Option<&str>, paragraphs: &[&str]) -> Option<String> {
    events(title, paragraphs).0
}

/// The event's name as [`event`] gives it, and as the body alone gives it (for the notes on what the
/// title decided): the body's candidates are looked for once.
pub(crate) fn events(title: Option<&str>, paragraphs: &[&str]) -> (Option<String>, Option<String>) {
    let mut body = Vec::new();
    for p in paragraphs {
        candidates(p, &mut body);
    }
    let mut head = Vec::new();
    if let Some(t) = title {
        candidates(t, &mut head);
    }
    let best = |list: &[Candidate]| {
        let top = list.iter().map(|c| c.score).max()?;
        list.iter()
            .find(|c| c.score == top)
            .map(|c| (top, c.name.clone()))
    };
    let (body, head) = (best(&body), best(&head));
    // The title's best only when it scores higher than the body's (any score beats an empty body).
    let with_title = match (&body, head) {
        (Some((b, _)), Some((h, name))) if h > *b => Some(name),
        (None, Some((_, name))) => Some(name),
        (body, _) => body.as_ref().map(|(_, name)| name.clone()),
    };
    (with_title, body.map(|(_, name)| name))
}

/// The event's place: where a sentence says it is held, then a venue after its date, then the
/// dateline.
pub(crate) fn location(title: Option<&str>, paragraphs: &[&str]) -> Option<String> {
    let texts = || paragraphs.iter().copied().chain(title);
    let held = texts().find_map(|t| {
        captures(&HELD_AT.get(), t).find_map(|c| {
            let place = c.name("place")?.as_str();
            // "暑假期间在北京举行": the place starts after the last preposition.
            let place = place.rsplit(['在', '于', '於']).next().unwrap_or(place);
            let place = trim_place(place)?;
            (!is_reference(place)).then(|| place.to_string())
        })
    });
    held.or_else(|| {
        texts().find_map(|t| {
            let c = captures(&DATE_VENUE.get(), t).next()?;
            let place = c.name("place")?.as_str();
            let place = place.trim_start_matches(['在', '于', '於']);
            Some(place.to_string())
        })
    })
    .or_else(|| {
        paragraphs.iter().take(4).find_map(|p| {
            let c = captures(&DATELINE.get(), p).next()?;
            let place = c.name("place")?.as_str();
            // "本报福州": the wire's or paper's name ends at 社, 网, 报 ….
            let place = place
                .rsplit(['社', '网', '網', '报', '報', '台', '站'])
                .next()
                .unwrap_or(place);
            (place.chars().count() >= 2).then(|| place.to_string())
        })
    })
}

/// A place without a date or a time before it ("5月27日—28日在…" is caught by the date, not here) and
/// with a name left.
fn trim_place(place: &str) -> Option<&str> {
    let place = place.trim();
    // "在开幕式上致辞后举行", "在北京参加论坛开幕": a clause, not a place; 国际会议中心 is one.
    if place.is_empty()
        || place.chars().any(|c| c.is_ascii_digit())
        || place.contains(['的', '上'])
        || KIND_END.get().find_iter(place).any(|m| m.end() == place.len())
    {
        return None;
    }
    Some(place)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_with_editions_marks_and_years() {
        assert_eq!(
            event(None, &["由松林协会主办的第五届青山-白水论坛于3月2日在白水开幕。"]).as_deref(),
            Some("第五届青山-白水论坛")
        );
        assert_eq!(
            event(
                None,
                &["松林学系于上月27日在星光会议厅舉辦「明日的橋」國際學術研討會。"]
            )
            .as_deref(),
            Some("「明日的橋」國際學術研討會")
        );
        assert_eq!(
            event(
                Some("青山论坛(2019)开幕"),
                &["今天上午,青山论坛(2019)在松林宾馆隆重开幕。"]
            )
            .as_deref(),
            Some("青山论坛(2019)")
        );
        assert_eq!(
            event(None, &["历时三天的白水论坛2021年年会5日落下帷幕。"]).as_deref(),
            Some("白水论坛2021年年会")
        );
    }

    #[test]
    fn a_bare_kind_names_nothing() {
        assert_eq!(event(None, &["本次论坛在此举行。会议结束了。"]), None);
    }

    #[test]
    fn places_where_it_is_held() {
        assert_eq!(
            location(None, &["第五届青山论坛于5月27日—28日在松林省白水市成功举办。"]).as_deref(),
            Some("松林省白水市")
        );
        assert_eq!(
            location(None, &["青山论坛将于2021年10月18日白水国际会议中心开幕。"]).as_deref(),
            Some("白水国际会议中心")
        );
        assert_eq!(
            location(None, &["松林社白水7月30日电 青山论坛今天召开。"]).as_deref(),
            Some("白水")
        );
        assert_eq!(location(None, &["青山论坛在该校举行。"]), None);
    }
}
