//! Chinese topics: the items of 针对…等主题, 在…等议题上, 围绕…展开, 议题包括…; the object of 就…交换意见 and of
//! 探讨/讨论 (or the title in its quotation marks); a title 以「…」为题. Lists split at 、 and the last
//! item at 和/与/及 when both sides are plain noun phrases (营商环境优化与高水平对外开放), not a phrase with 的
//! (和平與衝突的灰色地帶). Reported opinions (X表示，…) are not the agenda.

use crate::transient::Transient;
use regex::Regex;

use super::super::quoted;
use super::super::sentences::sentences;
use super::{topics, trim_item};
use crate::model::Topic;

/// Enumerations closed by a topic noun, or opened by 议题包括.
static LISTS: Transient<Vec<Regex>> = Transient::new(|| {
    [
        r"(?:针对|針對|围绕|圍繞|聚焦于|聚焦於|关于|關於|涉及|结合|結合|就)着?(?P<list>ITEMS)等(?:[^，。；;,]{0,16}?)(?:主题|主題|议题|議題|问题|問題|话题|話題|领域|領域|方面|热点|熱點)",
        r"在(?P<list>ITEMS)等(?:议题|議題|领域|領域|方面|问题|問題)上",
        r"(?:围绕|圍繞)(?P<list>[^，。；;,:：等]+?)(?:展开|展開|进行|進行)",
        r"(?:议题|議題|主题|主題|话题|話題|分论坛|分論壇|专题|專題|板块|板塊|单元|單元)[,，]?(?:包括|包含|涵盖|涵蓋|有|分别是|分別是|分别为|分別為)[:：]?(?P<list>[^。；;:：][^。；;]*)",
        // 就A、B、C等进行了广泛交流, 就A、B等作了专题报告.
        r"就(?P<list>ITEMS)等(?:[^，。；;,]{0,4}?)(?:进行|進行|展开|展開|开展|開展|作了|做了|交换|交換|发表|發表)",
        // 共商A和B.
        r"(?:共商|商讨|商討)(?P<list>[^，。；;,:：]{4,})",
        // 讨论包括A、B、C等热点问题, 举办包括A、B等多场分论坛.
        r"包括(?P<list>ITEMS)等(?:[^，。；;,]{0,6}?)(?:主题|主題|议题|議題|问题|問題|话题|話題|领域|領域|热点|熱點|分论坛|分論壇|论坛|論壇)",
        // “A”、“B”专题论坛: titles in marks right before a session noun; one title alone is most often
        // the event's own name (“…”专题论坛).
        r"(?P<list>(?:[“「『][^”」』]{2,40}[”」』][、和与與及]?){2,8})(?:等)?(?:[两兩二三四五六七八九十\d]+(?:场|場|大|个|個))?(?:专题论坛|專題論壇|分论坛|分論壇|平行论坛|平行論壇|专题会议|專題會議|圆桌论坛|圓桌論壇|板块|板塊|版块|版塊|单元|單元)",
    ]
    .iter()
    .map(|p| Regex::new(&p.replace("ITEMS", ITEMS)).expect("list regex"))
    .collect()
});

/// The items of a list closed by 等: a title in quotation marks is taken whole, so that 等 inside it
/// (「…高等教育…」) does not close the list.
const ITEMS: &str = r"(?:[「“『][^」”』]*[」”』]|[^，。；;,:：「“『」”』])+?";

/// One subject: 就…交换意见, 探讨…, 以「…」为题.
static SUBJECTS: Transient<Vec<Regex>> = Transient::new(|| {
    [
        r"就(?P<item>[^，。；;,]+?)(?:交换|交換|进行|進行|展开|展開|开展|開展)了?(?:意见|意見|讨论|討論|交流|探讨|探討|磋商|对话|對話)",
        r"(?:探讨|探討|讨论|討論)了?(?P<item>[^，。；;,、会會院所议議主问問环環包却卻也都是则則仍已将將亦]+[^，。；;,]*)",
        r"以[「“『](?P<item>[^」”』]+)[」”』](?:为题|為題)",
        // 在“…”专题论坛上: a session of the event, named where something happened in it.
        r"在[「“『](?P<item>[^」”』]{2,40})[」”』](?:专题论坛|專題論壇|分论坛|分論壇|平行论坛|平行論壇|圆桌论坛|圓桌論壇)上",
        // 围绕着“推动两岸农业的合作与发展”(发表演讲); a title then (的)主题 alone is the event's theme.
        r"(?:围绕|圍繞)着?[「“『](?P<item>[^」”』]+)[」”』](?:[^的主、和与與及」”』「“『]|的[^主]|$)",
    ]
    .iter()
    .map(|p| Regex::new(p).expect("subject regex"))
    .collect()
});

/// Items counted off after a topic noun and a colon: "论文主题围绕以下四条主线:一是A,包括…;二是B,…".
static COUNTED: Transient = Transient::new(|| {
    Regex::new(r"(?:主线|主線|主题|主題|议题|議題|板块|板塊|议程|議程)[^。:：]{0,6}[:：]\s*一是")
        .expect("counted regex")
});
static COUNTED_ITEM: Transient = Transient::new(|| {
    Regex::new(r"[一二三四五六七八九十]是(?P<item>[^，。；;,]+)").expect("counted item regex")
});

/// A count of topics closing a list: "「A」、「B」和「C」这三大主题".
static COUNT_TAIL: Transient = Transient::new(|| {
    Regex::new(r"(?:这|這|等)?[一二三四五六七八九十两兩\d]*(?:个|個|项|項|大)*(?:主题|主題|议题|議題|话题|話題|方面|领域|領域)$")
        .expect("count tail regex")
});

/// Indirect speech: a speech verb followed by a comma.
static REPORTED: Transient =
    Transient::new(|| Regex::new(r"(?:表示|指出|认为|認為|强调|強調|称|稱)[,，]").expect("reported regex"));

static INTRO: Transient = Transient::new(|| {
    Regex::new(r"议题|議題|主题|主題|话题|話題|分论坛|分論壇|专题|專題|板块|板塊|议程|議程|环节|環節|探讨|探討|讨论|討論|研讨|研討")
        .expect("intro regex")
});
static OTHER: Transient = Transient::new(|| {
    Regex::new(r"嘉宾|嘉賓|出席|合作伙伴|合作夥伴|主办|主辦|赞助|贊助|链接|鏈接|名单|名單")
        .expect("other regex")
});

/// Whether a sentence introduces a list of topics (and not of guests or partners).
pub(super) fn is_intro(sentence: &str) -> bool {
    match (INTRO.get().find(sentence), OTHER.get().find(sentence)) {
        (Some(t), Some(o)) => t.start() < o.start(),
        (Some(_), None) => true,
        _ => false,
    }
}

/// Topics listed in a paragraph.
pub(super) fn inline(p: &str) -> Vec<Topic> {
    let mut out = Vec::new();
    for sentence in sentences(p) {
        for re in LISTS.get().iter() {
            for c in re.captures_iter(sentence) {
                // 围绕“…”主题进行讨论: one title named the theme is the event's theme.
                let theme = c.name("list").is_some_and(|m| {
                    let l = m.as_str().trim();
                    let body = l
                        .trim_end_matches("主题")
                        .trim_end_matches("主題")
                        .trim_end_matches('的');
                    body.len() < l.len() && quoted::spans(body).len() == 1 && !body.contains('、')
                });
                if theme {
                    continue;
                }
                out.extend(c.name("list").map(|m| split(m.as_str())).unwrap_or_default());
            }
        }
        // A list closed by a topic noun holds topics in reported speech too (秘书长表示,…将围绕A、B等
        // 议题展开讨论); a single subject there is an opinion.
        if REPORTED.get().is_match(sentence) {
            continue;
        }
        // The goals of the event (旨在…, 宗旨) are not its agenda.
        let goal = GOAL.get().find(sentence).map_or(usize::MAX, |m| m.start());
        for (i, re) in SUBJECTS.get().iter().enumerate() {
            for c in re.captures_iter(sentence) {
                // 以「…」为题作主题演讲: the title of a talk, not a subject discussed (a talk's subject
                // after 围绕着 is one).
                let talk = i == TITLED
                    && c.get(0).is_some_and(|m| {
                        let after: String = sentence[m.end()..].chars().take(10).collect();
                        TALK.iter().any(|t| after.contains(t))
                    });
                if talk {
                    continue;
                }
                if let Some(m) = c.name("item").filter(|m| m.start() < goal) {
                    out.extend(subject(m.as_str()));
                }
            }
        }
        if let Some(m) = COUNTED.get().find(sentence) {
            let rest = &sentence[m.end() - "一是".len()..];
            out.extend(
                COUNTED_ITEM
                    .get()
                    .captures_iter(rest)
                    .filter_map(|c| c.name("item"))
                    .map(|i| trim_item(i.as_str())),
            );
        }
    }
    topics(out)
}

/// The object of 探讨: titles in quotation marks joined into a list (就「A」和「B」兩個議題), the title
/// it opens with, else the whole noun phrase, unless it only refers to topics (研討會的核心議題).
fn subject(item: &str) -> Vec<String> {
    let item = item.trim();
    let spans = quoted::spans(item);
    if spans.len() >= 2 && spans[0].open == 0 {
        let titles = split(item);
        if titles.len() == spans.len() {
            return titles;
        }
    }
    if let Some(span) = spans.first().filter(|s| s.open == 0) {
        return vec![span.inner(item).trim().to_string()];
    }
    let n = item.chars().count();
    if !(4..=40).contains(&n) || REFERENCE.get().is_match(item) {
        return Vec::new();
    }
    vec![trim_item(item)]
}

/// A reference to the topics rather than a topic: the event's own (研討會的核心議題) or shared ones
/// (共同关心的话题, 相关议题).
static REFERENCE: Transient = Transient::new(|| {
    Regex::new(r"^(?:(?:本次|此次|本届|本屆)?(?:研讨会|研討會|会议|會議|论坛|論壇|大会|大會|峰会|峰會|年会|年會)的|.*(?:相关|相關|共同关心|共同關心)).*(?:议题|議題|主题|主題|话题|話題)$")
        .expect("reference regex")
});

/// The place of 以「…」为题 in [`SUBJECTS`].
const TITLED: usize = 2;

/// Words of a talk after its title (以「…」为题发表演讲, 作主题报告).
const TALK: [&str; 6] = ["演讲", "演講", "报告", "報告", "致辞", "致詞"];

/// Where the goals of an event are stated.
static GOAL: Transient =
    Transient::new(|| Regex::new(r"旨在|目的是|目的在於|目的在于|宗旨").expect("goal regex"));

const JOINERS: [&str; 5] = ["以及", "和", "与", "與", "及"];

/// A list split at 、, and its last item at a joiner when both sides are plain noun phrases; a list of
/// titles in quotation marks gives the titles, however they are joined (“A”“B”、“C”).
fn split(list: &str) -> Vec<String> {
    // "A、B、C等", "「A」、「B」等": the tail of an open list (平等, 高等 end a word, not a list).
    let list = list.trim();
    let list = match list.strip_suffix("等等").or_else(|| list.strip_suffix('等')) {
        Some(rest)
            if list.contains('、')
                && !rest.ends_with(['平', '同', '对', '對', '高', '均', '中', '初', '上', '次']) =>
        {
            rest
        }
        _ => list,
    };
    let list = COUNT_TAIL.get().find(list).map_or(list, |m| &list[..m.start()]);
    let spans = quoted::spans(list);
    if spans.len() >= 2 {
        let mut at = 0;
        let joined = spans.iter().all(|s| {
            let between = list[at..s.open]
                .trim_matches(|c: char| c.is_whitespace() || matches!(c, '、' | '和' | '与' | '與' | '及'));
            at = s.close_end;
            between.is_empty()
        });
        if joined && list[at..].trim().is_empty() {
            return spans.iter().map(|s| trim_item(s.inner(list))).collect();
        }
    }
    let mut items: Vec<&str> = list
        .split('、')
        .map(str::trim)
        .filter(|i| !i.is_empty())
        .collect();
    if items.len() >= 2
        && let Some(last) = items.pop()
    {
        let cut = JOINERS.iter().find_map(|j| {
            let (a, b) = last.split_once(j)?;
            let plain = |s: &str| s.chars().count() >= 4 && !s.contains('的');
            (plain(a) && plain(b)).then_some((a, b))
        });
        match cut {
            Some((a, b)) => items.extend([a, b]),
            None => items.push(last),
        }
    }
    items.into_iter().map(unquote).map(trim_item).collect()
}

/// An item that is one title in quotation marks, without them.
fn unquote(item: &str) -> &str {
    let item = item.trim();
    match quoted::spans(item).as_slice() {
        [span] if span.open == 0 && span.close_end == item.len() => span.inner(item),
        _ => item,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(p: &str) -> Vec<String> {
        inline(p).into_iter().map(|t| t.title).collect()
    }

    #[test]
    fn lists_closed_by_a_topic_noun() {
        assert_eq!(
            titles(
                "本次研討會針對亞太地區的和平與繁榮、中國崛起下的國際關係、和平與衝突的灰色地帶等主題,進行研究成果發表。"
            ),
            vec![
                "亞太地區的和平與繁榮",
                "中國崛起下的國際關係",
                "和平與衝突的灰色地帶"
            ]
        );
        assert_eq!(
            titles(
                "研讨议题将紧密围绕全过程人民民主、数字时代的城市治理、营商环境优化与高水平对外开放等热点和关键问题展开讨论。"
            ),
            vec![
                "全过程人民民主",
                "数字时代的城市治理",
                "营商环境优化",
                "高水平对外开放"
            ]
        );
    }

    #[test]
    fn quoted_titles_and_sub_forums() {
        assert_eq!(
            titles("与会者围绕“大学治理”“学科建设”、“国际合作”等议题进行交流。"),
            vec!["大学治理", "学科建设", "国际合作"]
        );
        assert_eq!(
            titles("分论坛包括：数字贸易、绿色金融和智慧物流。"),
            vec!["数字贸易", "绿色金融", "智慧物流"]
        );
    }

    #[test]
    fn lists_before_a_verb_of_discussing_counted_items_and_counted_themes() {
        assert_eq!(
            titles("会议就我国花卉产业现状、存在的问题、发展对策等进行了广泛交流和深入探讨。"),
            vec!["我国花卉产业现状", "存在的问题", "发展对策"]
        );
        assert_eq!(
            titles("代表们共商城市数字治理、数字产业发展和绿色转型,共谋发展。"),
            vec!["城市数字治理", "数字产业发展", "绿色转型"]
        );
        assert_eq!(
            titles("论文主题围绕以下两条主线:一是区域经济合作,包括自贸区等;二是人文交流前景,包括教育等。"),
            vec!["区域经济合作", "人文交流前景"]
        );
        assert_eq!(
            titles("與會代表將圍繞「尋求變革與轉型」、「亞洲的可持續發展」和「創新」這三大主題展開討論。"),
            vec!["尋求變革與轉型", "亞洲的可持續發展", "創新"]
        );
        assert_eq!(
            titles("年會議題涉及債務危機、就業與增長、國際貨幣體系改革等眾多領域。"),
            vec!["債務危機", "就業與增長", "國際貨幣體系改革"]
        );
        assert_eq!(
            titles("本届论坛包括5个平行分论坛,分别是“中国的现代化道路”“中国实践与全球治理”和“共同未来”。"),
            vec!["中国的现代化道路", "中国实践与全球治理", "共同未来"]
        );
        assert!(titles("嘉宾在不同的场合热烈交流,探讨问题、寻求共识。").is_empty());
        assert!(titles("透过多场讨论环节及活动吸引人士参加。").is_empty());
    }

    #[test]
    fn single_subjects() {
        assert_eq!(
            titles("两国专家学者就双边关系的发展交换了意见。"),
            vec!["双边关系的发展"]
        );
        assert_eq!(
            titles("中外嘉宾将共同探讨“中国式现代化与人类命运共同体”的深刻内涵。"),
            vec!["中国式现代化与人类命运共同体"]
        );
        assert!(titles("她表示,必须从全球层面来探讨人工智能相关的话题。").is_empty());
        assert!(titles("嘉宾应邀出席会议,共同探讨。").is_empty());
        assert_eq!(
            titles("會議就「青年創智——東海新未來」和「創意旅遊——經濟新動力」兩個議題進行討論。"),
            vec!["青年創智——東海新未來", "創意旅遊——經濟新動力"]
        );
        assert!(titles("三位校長分別發表專題演講,深入探討了研討會的核心議題。").is_empty());
        assert!(titles("本次研討會旨在加深合作交流,討論如何提供優越品質的高等教育環境。").is_empty());
    }

    #[test]
    fn lists_in_reported_speech_and_after_combining() {
        assert_eq!(
            titles("秘書長周海表示,與會代表將圍繞「尋求轉型」和「創新」這兩大主題展開討論。"),
            vec!["尋求轉型", "創新"]
        );
        assert_eq!(
            titles("論壇結合貿易暢通、智庫交流、海洋合作等議題舉辦6場專題論壇。"),
            vec!["貿易暢通", "智庫交流", "海洋合作"]
        );
    }

    #[test]
    fn a_quoted_title_holding_the_word_that_closes_the_list() {
        assert_eq!(
            titles(
                "與會貴賓針對「如何加深高校合作」、「如何提供終身學習的高等教育環境」、「如何增進學子的認知」等分主題展開交流。"
            ),
            vec![
                "如何加深高校合作",
                "如何提供終身學習的高等教育環境",
                "如何增進學子的認知"
            ]
        );
    }

    // Guards against missing 包括…等 lists, speech subjects after 围绕着 and sub-forum titles, and against
    // taking the event's theme or its own name for a topic.
    #[test]
    fn lists_after_including_speech_subjects_and_sub_forum_titles() {
        assert_eq!(
            titles("嘉宾将讨论包括海洋经济、港口物流、渔业转型等热点问题。"),
            vec!["海洋经济", "港口物流", "渔业转型"]
        );
        assert_eq!(
            titles("校长李明围绕着“推动港口合作”发表了演讲。"),
            vec!["推动港口合作"]
        );
        assert_eq!(
            titles("下午举行了“港口物流”、“渔业转型”专题论坛。"),
            vec!["港口物流", "渔业转型"]
        );
        assert!(titles("此次论坛围绕“海洋·城市·未来”的主题,邀请学者参加。").is_empty());
        assert!(titles("“海洋城市对话”专题论坛今天开幕。").is_empty());
        assert!(titles("关于“海洋”的探讨却始终是论坛关注的焦点。").is_empty());
    }

    #[test]
    fn sections_open_title_lists_themes_and_talk_titles() {
        assert_eq!(
            titles(
                "年会将设置「港口经济」、「渔业转型」、「海洋治理」三大板块,议题涵盖「绿色航运」、「智慧港口」等。"
            ),
            vec!["绿色航运", "智慧港口", "港口经济", "渔业转型", "海洋治理"]
        );
        assert!(titles("研讨会围绕“新形势下的海洋合作”主题进行讨论。").is_empty());
        assert!(titles("大会邀请东湖大学教授林海以「海洋与城市的未来」為題作為主題演講。").is_empty());
        assert_eq!(
            titles("学者们以「海洋与城市的未来」為題進行圓桌論壇與交流。"),
            vec!["海洋与城市的未来"]
        );
        assert_eq!(
            titles("论坛议题包括性别平等、教育公平、社区治理等。"),
            vec!["性别平等", "教育公平", "社区治理"]
        );
        assert_eq!(
            titles("在“海洋与城市发展”分论坛上,嘉宾展开热烈讨论。"),
            vec!["海洋与城市发展"]
        );
        assert_eq!(
            titles("论坛议题包括教育公平、性别平等。"),
            vec!["教育公平", "性别平等"]
        );
    }
}
