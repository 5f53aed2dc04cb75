//! Chinese topics: the items of 针对…等主题, 在…等议题上, 围绕…展开, 议题包括…; the object of 就…交换意见 and of
//! 探讨/讨论 (or the title in its quotation marks); a title 以「…」为题. Lists split at 、 and the last
//! item at 和/与/及 when both sides are plain noun phrases (营商环境优化与高水平对外开放), not a phrase with 的
//! (和平與衝突的灰色地帶). Reported opinions (X表示，…) are not the agenda. Also: 聚焦A、B议题 without 等;
//! 从A、B等方面 and 对A、B等问题的看法; session titles in marks before 小组; a title named 作为…议题之一; the
//! subject of 围绕X(,)分享/探索/讨论 kept whole (a list there splits at 、), but not when a verb of
//! discussing after a comma has its own object (围绕X,深入探讨了Y: X is the frame). Titles in marks that
//! sessions were held on (围绕「A」、「B」而召开的两场论坛, 就「C」…举行的专题论坛); a list after a topic noun
//! with a predicate of breadth (议题范围广泛,涵盖…) or after a counted topic noun and a colon (分为三个板块:…).
//! A title 以「…」为题 followed by a verb of speaking or of a talk (发言, 指出, 阐述 …) is a talk's, not a
//! topic.

use crate::transient::Transient;
use regex::Regex;

use super::super::quoted;
use super::super::sentences::sentences;
use super::{topics, trim_item};
use crate::model::Topic;

/// How the items of a list in [`LISTS`] are read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum List {
    /// Split at 、 and a last 和/与/及.
    Plain,
    /// After 议题包括: items may be whole titles separated by semicolons.
    Including,
    /// After 共商: not a set phrase (共商合作大计) nor a clause before a noun.
    Talks,
}

/// Enumerations closed by a topic noun, or opened by 议题包括.
static LISTS: Transient<Vec<(List, Regex)>> = Transient::new(|| {
    [
        (List::Plain, r"(?:针对|針對|围绕|圍繞|聚焦于|聚焦於|聚焦|关于|關於|涉及|结合|結合|就)[着到]?(?P<list>ITEMS)等(?:[^，。；;,]{0,16}?)(?:主题|主題|议题|議題|问题|問題|话题|話題|领域|領域|方面|热点|熱點|内容|內容)"),
        // 从A、B等方面(介绍): the aspects a talk covers (从…等领域 is a point of view).
        (List::Plain, r"(?:从|從)(?P<list>ITEMS)等方面"),
        // 介绍对A、B等问题的看法, 对A等问题进行探讨: issues, with an opinion or a discussion of them.
        // (以及对A的影响: 对 inside an item of a longer list opens none.)
        (List::Plain, r"(?:^|[^及和与與、])(?:对|對)(?P<list>ITEMS)等(?:问题|問題|议题|議題|话题|話題)的?(?:看法|观点|觀點|见解|見解|进行|進行|展开|展開|交流|讨论|討論|探讨|探討)"),
        // 聚焦A、B、C议题: the head noun right after the last item, without 等.
        (List::Plain, r"(?:聚焦于|聚焦於|聚焦)(?P<list>[^，。；;,:：、等“”「」『』]{2,24}(?:、[^，。；;,:：、等“”「」『』]{2,24})+)(?:核心|重点|重點|热点|熱點)?(?:议题|議題|话题|話題)"),
        // 在A和B等重大课题,以及C、D等全球性问题方面: a short modifier may stand before the noun, and a
        // second list after 以及 closes the frame.
        (List::Plain, r"在(?P<list>ITEMS)等[^，。；;,、]{0,6}?(?:议题|議題|课题|課題|领域|領域|方面|问题|問題)(?:上|方面|[,，]以及)"),
        (List::Plain, r"在[^。；;]{2,80}?[,，]以及(?P<list>ITEMS)等[^，。；;,、]{0,8}?(?:议题|議題|课题|課題|领域|領域|问题|問題)(?:上|方面)"),
        // 依A、B及C为议题, 以A、B为主题: a list (a single title there is the theme) taken as the topics.
        (List::Plain, r"(?:以|依)(?P<list>[^，。；;,:：“”「」『』]{2,30}(?:、[^，。；;,:：“”「」『』]{2,30})+)(?:为|為)(?:议题|議題|话题|話題|主轴|主軸)"),
        // 围绕A、B、C三个主题: a list counted off before a topic noun.
        (List::Plain, r"(?:围绕|圍繞)着?(?P<list>[^，。；;,:：等“”「」『』]{2,30}(?:、[^，。；;,:：等“”「」『』]{2,30})+)等?[两兩二三四五六七八九十\d]+(?:个|個|大|项|項)(?:主题|主題|议题|議題|话题|話題|方面|领域|領域)"),
        // 就八个主题展开讨论,内容涉及A、B、C: the content of topics named just before.
        (List::Including, r"(?:主题|主題|议题|議題|话题|話題)[^。；;]{0,20}?[,，](?:其)?(?:内容|內容)(?:主要)?(?:涉及|包括|涵盖|涵蓋)[:：]?(?P<list>[^。；;:：][^。]*、[^。]*)"),
        (List::Plain, r"(?:围绕|圍繞)着?(?P<list>[^，。；;,:：等]+?)(?:展开|展開|进行|進行)"),
        // (其他论坛则包括:“A”;“B”: sessions named by their titles; 主题有着…意义 is no list.)
        (List::Including, r"(?:议题|議題|论题|論題|主题|主題|话题|話題|分论坛|分論壇|专题|專題|板块|板塊|单元|單元|交流领域|交流領域|合作领域|合作領域)(?:(?:范围|範圍)?(?:广泛|廣泛|丰富|豐富|多元))?[,，]?(?:则|則|还|還)?(?:包括|包含|涵盖|涵蓋|涉及|有|分别是|分別是|分别为|分別為)[:：]?(?P<list>[^。；;:：着著][^。]*)"),
        // 其他论坛则包括:“A”;“B”: forums named by their titles in marks.
        (List::Including, r"(?:论坛|論壇)(?:则|則|还|還)?(?:包括|包含|分别是|分別是|分别为|分別為)[:：]?(?P<list>[“「『][^。]*)"),
        // 分为三个板块:A、B和C: a counted topic noun before a colon.
        (List::Including, r"[两兩二三四五六七八九十\d]+(?:个|個|大|场|場|项|項)(?:议题|議題|主题|主題|话题|話題|分论坛|分論壇|专题|專題|板块|板塊|单元|單元)[:：](?P<list>[^。；;:：][^。]*)"),
        // 议题为A、B和C (主题为 names the theme).
        (List::Including, r"(?:议题|議題|话题|話題)(?:主要)?(?:为|為|是)[:：]?(?P<list>[^。；;:：否“”「」『』][^。“”「」『』]*、[^。“”「」『』]*)"),
        // 就A、B、C等进行了广泛交流, 就A、B等作了专题报告, 針對A、B,以及C等加以討論, 围绕A、B等提出建议.
        (List::Plain, r"(?:就|针对|針對|围绕|圍繞)着?(?P<list>ITEMS(?:[,，](?:以及|及)ITEMS)?)等(?:[^，。；;,]{0,4}?)(?:进行|進行|展开|展開|开展|開展|作了|做了|交换|交換|发表|發表|加以|讨论|討論|探讨|探討|研讨|研討|提出)"),
        // 共商A和B.
        (List::Talks, r"(?:共商|商讨|商討)(?P<list>[^，。；;,:：]{4,})"),
        // 研讨会内容包含A、B,以及C等领域: what the programme's content takes in.
        (List::Plain, r"(?:内容|內容)(?:主要)?(?:包含|包括|涵盖|涵蓋)(?P<list>ITEMS(?:[,，](?:以及|及)ITEMS)?)等(?:[^，。；;,]{0,6}?)(?:主题|主題|议题|議題|问题|問題|话题|話題|领域|領域|方面)"),
        // 讨论包括A、B、C等热点问题, 举办包括A、B等多场分论坛.
        (List::Plain, r"包括(?P<list>ITEMS)等(?:[^，。；;,]{0,6}?)(?:主题|主題|议题|議題|问题|問題|话题|話題|领域|領域|热点|熱點|分论坛|分論壇|论坛|論壇)"),
        // “A”、“B”专题论坛, “A”和“B”雲分論壇, 分为“A”、“B”三个篇章: titles in marks right before a
        // session noun, online or not; one title alone is most often the event's own name (“…”专题论坛).
        (List::Plain, r"(?P<list>(?:[“「『][^”」』]{2,40}[”」』][、和与與及]?){2,8})(?:等)?(?:[两兩二三四五六七八九十\d]+(?:场|場|大|个|個))?(?:云|雲|线上|線上|网上|網上)?(?:篇章|专题论坛|專題論壇|分论坛|分論壇|平行论坛|平行論壇|专题会议|專題會議|圆桌论坛|圓桌論壇|板块|板塊|版块|版塊|单元|單元|专题小组|專題小組|专题组|專題組|小组|小組|分组|分組|场次|場次|议题|議題|话题|話題)"),
        // 分别以“A”“B”为题展开讨论: two titles or more that parts of the event took as their subjects.
        (List::Plain, r"以(?P<list>(?:[“「『][^”」』]{2,40}[”」』][、和与與及]?){2,6})(?:为题|為題)"),
        // 围绕“A”、“B”而召开的两场高级别论坛, 就“C”、“D”举行的专题论坛: titles in marks as the
        // subjects of sessions held, with the verb of holding and a count between them and the session noun.
        (List::Plain, r"(?:围绕|圍繞|就)着?(?P<list>(?:[“「『][^”」』]{2,40}[”」』][、和与與及]?){2,8})(?:等)?而?(?:召开|召開|举行|舉行|举办|舉辦|开设|開設|设置|設置)的(?:[两兩二三四五六七八九十\d]+(?:场|場|个|個))?[^，。；;,、“”「」『』]{0,4}?(?:论坛|論壇|会议|會議|研讨会|研討會|对话会|對話會|圆桌会|圓桌會)"),
        // 设置A、B、C三个议题, 分为A、B两个专题: unquoted items counted off before a topic noun.
        (List::Plain, r"(?:设置|設置|设有|設有|设立|設立|分为|分為|分成|另有|另设|另設)了?(?P<list>[^，。；;,:：、“”「」『』]{2,30}(?:、[^，。；;,:：、“”「」『』]{2,30})+)(?:等)?[两兩二三四五六七八九十\d]+(?:个|個|大|场|場)?(?:平行)?(?:议题|議題|专题|專題|分论坛|分論壇|板块|板塊|单元|單元|主题|主題)"),
        // 将举办A、“B”论坛、C等15个分场论坛: the sub-forums held, a title in marks among them (what
        // else is held, 三大板块的活动, is no subject).
        (List::Plain, r"(?:举办|舉辦|举行|舉行)了?(?P<list>(?:[“「『][^”」』]+[”」』]|[^，。；;,:：、“”「」『』])+?(?:、(?:[“「『][^”」』]+[”」』]|[^，。；;,:：、“”「」『』])+?)+)(?:等)?[两兩二三四五六七八九十\d]+(?:个|個|场|場)?(?:分论坛|分論壇|分场论坛|分場論壇|平行论坛|平行論壇)"),
        // 围绕“A”“B”主题开展对话交流: titles in marks named as the subjects of the talks.
        (List::Plain, r"(?:围绕|圍繞)着?(?P<list>(?:[“「『][^”」』]+[”」』][、和与與及]?){2,})(?:等)?(?:主题|主題|议题|議題|话题|話題)(?:开展|開展|展开|展開|进行|進行)"),
        // 关键词…:A、B、C……: keywords of the talks after a colon, three at least.
        (List::Plain, r"(?:关键词|關鍵詞)[^，。；;,:：]{0,24}[:：](?P<list>[^，。；;,:：、…]{2,12}(?:、[^，。；;,:：、…]{2,12}){2,9})(?:…|。|$)"),
    ]
    .iter()
    .map(|(kind, p)| (*kind, Regex::new(&p.replace("ITEMS", ITEMS)).expect("list regex")))
    .collect()
});

/// A list told over commas, after 围绕 and closed by 等 and a verb of discussing: "围绕A,特别是B,C以及D等
/// 发表见解" (three clauses at least; a narrower item after 特别是 stands on its own).
static AROUND: Transient = Transient::new(|| {
    Regex::new(r"(?:围绕|圍繞)着?(?P<list>[^。；;:：“”「」『』]+?)等(?:[^，。；;,]{0,4}?)(?:发表|發表|展开|展開|进行|進行|开展|開展|交流|探讨|探討|讨论|討論|研讨|研討)")
        .expect("around regex")
});

/// One item named as one of the event's issues: "把A设为峰会的核心议题之一", "“B”是主要议题之一".
static AGENDA: Transient<Vec<Regex>> = Transient::new(|| {
    [
        r"把(?P<item>[^，。；;,把]+?)(?:设为|設為|列为|列為|作为|作為|定为|定為|纳入|納入)[^，。；;,]{0,12}?(?:议题|議題|议程|議程)",
        r"(?:^|[，,。；;])(?:其中|而)?(?P<item>[^，。；;,]+?)(?:是|成为|成為)[^，。；;,]{0,10}?(?:议题|議題|话题|話題)之一",
        // 论坛一主题为“A”: the theme of a numbered sub-forum is a subject of the event, where the
        // forum's own theme (论坛主题为) is its theme.
        r"(?:分论坛|分論壇|平行论坛|平行論壇|论坛|論壇)[一二三四五六七八九十\d]+(?:的)?(?:主题|主題)(?:为|為|是)[:：]?(?P<item>[“「『][^”」』]{2,40}[”」』])",
        // 作为本届年会的议题之一,“…”吸引了…: the title in marks right after the phrase.
        r"(?:作为|作為)[^，。；;,]{0,20}?(?:议题|議題|话题|話題)之一[，,]\s*(?P<item>[“「『][^”」』]{2,40}[”」』])",
    ]
    .iter()
    .map(|p| Regex::new(p).expect("agenda regex"))
    .collect()
});

/// The items of a list closed by 等: a title in quotation marks is taken whole, so that 等 inside it
/// (「…高等教育…」) does not close the list.
const ITEMS: &str = r"(?:[「“『][^」”』]*[」”』]|[^，。；;,:：「“『」”』])+?";

/// Which cue of [`SUBJECTS`] found a subject.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Subject {
    /// 就…交换意见: in reported speech too, where a list after it is the agenda.
    Exchange,
    /// 以「…」为题: the title of a talk when a word of speaking follows.
    Titled,
    /// 围绕X(,)分享/探讨: one subject kept whole, or a list split at 、.
    Around,
    /// A session's title in marks, taken whole.
    Session,
    /// Any other cue.
    Other,
}

/// One subject: 就…交换意见, 探讨…, 以「…」为题.
static SUBJECTS: Transient<Vec<(Subject, Regex)>> = Transient::new(|| {
    [
        (Subject::Exchange, r"就(?P<item>[^，。；;,]+?)(?:深入|广泛|廣泛|充分|坦诚|坦誠)?(?:(?:交换|交換|进行|進行|展开|展開|开展|開展|加以)了?(?:专题|專題|深入|广泛|廣泛|热烈|熱烈)?(?:意见|意見|讨论|討論|交流|探讨|探討|研讨|研討|磋商|对话|對話|座谈|座談)|建言献策|建言獻策|(?:发表|發表)了?(?:真知灼见|真知灼見|见解|見解|看法|观点|觀點|(?:主旨|主题|主題|专题|專題)?(?:演讲|演講)))"),
        (Subject::Other, r"(?:探讨|探討|讨论|討論|(?:共同|深入|一同|一起|集中|重点|重點|认真|認真)(?:研讨|研討)|(?:研讨|研討)了)了?(?P<item>[^，。；;,、会會院所议議主问問环環包却卻也都是则則仍已将將亦必]+[^，。；;,]*)"),
        (Subject::Titled, r"以[「“『](?P<item>[^」”』]+)[」”』](?:为题|為題)"),
        // 围绕X一同探索, 围绕X,分享…, 围绕X,讨论愈发热烈: the subject of sharing or discussing.
        (Subject::Around, r"(?:围绕|圍繞)着?(?P<item>[^，。；;,:：“”「」『』]{4,40}?)(?P<comma>[,，])?(?:一同|共同|一起|深入|热烈|熱烈|广泛|廣泛|充分|进一步|進一步|继续|繼續|持续|持續|积极|積極)?(?:分享|探索|交流|对话|對話|(?P<discuss>讨论|討論|探讨|探討|研讨|研討))"),
        // 在“…”专题论坛上: a session of the event, named where something happened in it.
        (Subject::Other, r"在[「“『](?P<item>[^」”』]{2,40})[」”』](?:专题论坛|專題論壇|分论坛|分論壇|平行论坛|平行論壇|圆桌论坛|圓桌論壇)上"),
        // 围绕着“推动两岸农业的合作与发展”(发表演讲); a title then (的)主题 alone is the event's theme.
        (Subject::Other, r"(?:围绕|圍繞)着?[「“『](?P<item>[^」”』]+)[」”』](?:[^的主、和与與及」”』「“『]|的[^主]|$)"),
        // 第二場座談會主題為“A”: the theme of one numbered session is a topic of the event.
        (Subject::Session, r"第[一二三四五六七八九十\d]+(?:场|場)[^，。；;,“”「」『』]{0,10}?主[题題](?:为|為|是)[:：]?[「“『](?P<item>[^」”』]{2,40})[」”』]"),
        // 針對A及B提出建言: the subject of proposals or a discussion.
        (Subject::Other, r"(?:针对|針對)(?P<item>[^，。；;,]+?)(?:提出|进行|進行|展开|展開|加以)了?(?:建言|建议|建議|讨论|討論|探讨|探討|研讨|研討)"),
    ]
    .iter()
    .map(|(kind, p)| (*kind, Regex::new(p).expect("subject regex")))
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

/// Titles in quotation marks closed by a count of sessions or topics: "设立了“A”“B”以及“C”等三个专题",
/// "「A」、「B」兩大議題".
static COUNTED_TITLES: Transient = Transient::new(|| {
    Regex::new(r"(?P<list>(?:[“「『][^“”「」『』]{2,40}[”」』]\s*(?:、|，|,|和|与|與|及|以及)?\s*){2,})(?:等|这|這)?(?:[一二三四五六七八九十两兩\d])+(?:个|個|项|項|大)?(?:专题|專題|议题|議題|主题|主題|话题|話題|分论坛|分論壇|板块|板塊|单元|單元)")
        .expect("counted titles regex")
});

/// A count of topics followed by a comma, ending a list before a comment on it: "A、B、C三大问题,".
static COUNT_CLOSE: Transient = Transient::new(|| {
    Regex::new(r"(?:这|這|等)?[一二三四五六七八九十两兩\d]+(?:个|個|项|項|大)+(?:问题|問題|主题|主題|议题|議題|话题|話題|方面|领域|領域)[,，]")
        .expect("count close regex")
});

/// A count of topics closing a list: "「A」、「B」和「C」这三大主题".
static COUNT_TAIL: Transient = Transient::new(|| {
    Regex::new(r"(?:(?:这|這|等)?(?:[一二三四五六七八九十两兩\d]|多|几|幾|若干|众多|眾多|诸多|諸多)*(?:个|個|项|項|大)*(?:主题|主題|议题|議題|话题|話題|方面|领域|領域)|(?:这|這)[一二三四五六七八九十两兩\d]*(?:个|個|项|項|大)*(?:问题|問題))$")
        .expect("count tail regex")
});

/// Indirect speech: a speech verb followed by a comma.
static REPORTED: Transient = Transient::new(|| {
    Regex::new(r"(?:表示|指出|认为|認為|强调|強調|称|稱|谈到|談到|提到)[,，]").expect("reported regex")
});

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
        for (kind, re) in LISTS.get().iter() {
            for c in re.captures_iter(sentence) {
                if c.get(0).is_some_and(|m| word_not_cue(m.as_str())) {
                    continue;
                }
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
                let Some(list) = c.name("list").map(|m| m.as_str()) else {
                    continue;
                };
                // 共商合作大计 (a set phrase), 共商…问题的平台 (a relative clause before a noun): no subjects.
                let set_phrase = list.trim_end().ends_with("大计") || list.trim_end().ends_with("大計");
                if *kind == List::Talks && (set_phrase || modifies_noun(list)) {
                    continue;
                }
                // 共同商讨X,具有重要意义 in reported speech: an opinion on talks, not the agenda.
                if *kind == List::Talks && REPORTED.get().is_match(sentence) {
                    continue;
                }
                // "在A等领域的合作": the list modifies a noun after 的, which is the subject.
                let modifier = c.get(0).is_some_and(|m| {
                    let cue = m.as_str();
                    (cue.ends_with("领域") || cue.ends_with("領域") || cue.ends_with("方面"))
                        && sentence[m.end()..].starts_with('的')
                });
                if modifier {
                    continue;
                }
                if *kind == List::Including
                    && let Some(titles) = leading_titles(list)
                {
                    out.extend(titles);
                    continue;
                }
                if *kind == List::Including {
                    // 包括A;B;C: titles separated by semicolons, each whole; else the list ends at the
                    // first semicolon.
                    match by_semicolons(list) {
                        Some(items) => out.extend(items),
                        None => {
                            // "涉及A、B等热点话题": the open tail of the list.
                            let first = list.split([';', '；']).next().unwrap_or(list).trim_end();
                            let first = OPEN_TAIL.get().find(first).map_or(first, |m| &first[..m.start()]);
                            out.extend(split(first));
                        }
                    }
                    continue;
                }
                out.extend(split(list));
            }
        }
        for c in AROUND.get().captures_iter(sentence) {
            out.extend(
                c.name("list")
                    .and_then(|m| by_commas(m.as_str()))
                    .unwrap_or_default(),
            );
        }
        for re in AGENDA.get().iter() {
            for c in re.captures_iter(sentence) {
                if let Some(m) = c.name("item") {
                    out.extend(agenda_item(m.as_str()));
                }
            }
        }
        // A list closed by a topic noun holds topics in reported speech too (秘书长表示,…将围绕A、B等
        // 议题展开讨论); a single subject there is an opinion.
        if REPORTED.get().is_match(sentence) {
            // …就A、B以及C交换意见, …讨论A、B这个话题: a list there is the agenda.
            let subjects = SUBJECTS.get();
            for (kind, re) in subjects
                .iter()
                .filter(|(k, _)| matches!(k, Subject::Exchange | Subject::Other))
            {
                for c in re.captures_iter(sentence) {
                    let Some(item) = c.name("item").map(|m| m.as_str().trim()) else {
                        continue;
                    };
                    let items = match kind {
                        Subject::Exchange => listed(item),
                        _ => demonstrated(item).filter(|items| items.len() >= 2),
                    };
                    out.extend(items.unwrap_or_default());
                }
            }
            continue;
        }
        // The goals of the event (旨在…, 宗旨) are not its agenda.
        let goal = GOAL.get().find(sentence).map_or(usize::MAX, |m| m.start());
        for (kind, re) in SUBJECTS.get().iter() {
            for c in re.captures_iter(sentence) {
                // 以「…」为题作主题演讲: the title of a talk, not a subject discussed (a talk's subject
                // after 围绕着 is one).
                let talk = *kind == Subject::Titled
                    && c.get(0).is_some_and(|m| {
                        let after: String = sentence[m.end()..].chars().take(10).collect();
                        TALK.iter().any(|t| after.contains(t))
                    });
                if talk || c.get(0).is_some_and(|m| word_not_cue(m.as_str())) {
                    continue;
                }
                // "学习、讨论X": one of the activities listed, not the subject of the event; 研討論證會:
                // 討論 inside the name of an event (研討 + 論證會) is no verb.
                let activity = *kind == Subject::Other
                    && c.get(0)
                        .is_some_and(|m| sentence[..m.start()].ends_with(['、', '研', '的']));
                if activity {
                    continue;
                }
                let Some(m) = c.name("item").filter(|m| m.start() < goal) else {
                    continue;
                };
                // 围绕X,深入探讨了Y: after a comma, a verb of discussing with an object of its own
                // makes X the frame; 围绕X,讨论愈发热烈 (讨论 as a noun) keeps it.
                let framed = c.name("comma").is_some()
                    && c.name("discuss").is_some_and(|d| {
                        let rest = &sentence[d.end()..];
                        !STATE.iter().any(|a| rest.starts_with(a))
                    });
                if *kind == Subject::Around && !framed {
                    out.extend(around(m.as_str()));
                } else if *kind == Subject::Around {
                    continue;
                } else if *kind == Subject::Session {
                    out.push(trim_item(m.as_str()));
                } else {
                    out.extend(subject(m.as_str()));
                }
            }
        }
        if let Some(list) = COUNTED_TITLES
            .get()
            .captures(sentence)
            .and_then(|c| c.name("list"))
        {
            let list = list.as_str();
            out.extend(quoted::spans(list).iter().map(|s| trim_item(s.inner(list))));
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
    // Two cues may read the same list (針對A、B等分主題展開交流). One character is a word, not a
    // topic: 產、官、學、研 lists the sectors taking part.
    let mut seen = std::collections::HashSet::new();
    out.retain(|t| t.chars().filter(|c| c.is_alphanumeric()).count() >= 2 && seen.insert(t.clone()));
    topics(out)
}

/// Titles in marks that open a list, one after another with only separators between them (包括:“A”;“B”、
/// “C”,…): each whole, two at least, whatever commas they hold.
fn leading_titles(list: &str) -> Option<Vec<String>> {
    let list = list.trim_start();
    let separator = |between: &str| {
        between.chars().all(|c| {
            matches!(
                c,
                ';' | '；' | '、' | ',' | '，' | '和' | '及' | '与' | '與' | ' '
            )
        })
    };
    let run = quoted::leading_run(list, separator);
    (run.len() >= 2).then(|| run.iter().map(|s| trim_item(s.inner(list))).collect())
}

/// Whether a match opens with 就 in a word (就业 employment, 就是, 就读) rather than the preposition.
fn word_not_cue(m: &str) -> bool {
    m.strip_prefix('就').is_some_and(|rest| {
        rest.starts_with(['业', '業', '是', '读', '讀', '职', '職', '医', '醫', '诊', '診'])
    })
}

/// Whether a phrase is a relative clause before a short noun (…所面临的问题的平台).
fn modifies_noun(list: &str) -> bool {
    list.trim_end()
        .rsplit_once('的')
        .is_some_and(|(_, noun)| (1..=2).contains(&noun.chars().count()))
}

/// Titles separated by semicolons (六个分论坛,包括A;B,C;D), when there are three at least and each is
/// short; a comment after the last one (…,可以说涵盖得很广) is not part of it.
fn by_semicolons(list: &str) -> Option<Vec<String>> {
    let mut items: Vec<&str> = list.split([';', '；']).map(str::trim).collect();
    let last = items.pop()?;
    let last = COMMENT
        .iter()
        .filter_map(|c| {
            let i = last.find(c)?;
            last[..i].trim_end().strip_suffix([',', '，'])
        })
        .min_by_key(|s| s.len())
        .unwrap_or(last);
    items.push(last);
    let ok = items.len() >= 3
        && items
            .iter()
            .all(|i| (2..=30).contains(&i.chars().count()) && !i.contains(['“', '”', '「', '」']));
    ok.then(|| items.into_iter().map(trim_item).collect())
}

/// Words that open a comment on a list rather than another item.
const COMMENT: [&str; 10] = [
    "可以说",
    "可以說",
    "可谓",
    "可謂",
    "涵盖",
    "涵蓋",
    "这些",
    "這些",
    "均",
    "都",
];

/// The items of a list told over commas (围绕A,特别是B,C以及D等): three at least, each a phrase of four
/// to forty characters; 特别是 or 尤其是 before an item is dropped, and the last item splits at 以及.
fn by_commas(list: &str) -> Option<Vec<String>> {
    let mut items: Vec<&str> = list.split([',', '，']).map(str::trim).collect();
    if items.len() < 3 {
        return None;
    }
    if let Some(last) = items.pop() {
        match last.split_once("以及") {
            Some((a, b)) => items.extend([a, b]),
            None => items.push(last),
        }
    }
    let items: Vec<String> = items
        .into_iter()
        .map(|i| NARROWER.iter().find_map(|n| i.strip_prefix(n)).unwrap_or(i))
        .map(trim_item)
        .collect();
    items
        .iter()
        .all(|i| (4..=40).contains(&i.chars().count()) && !i.contains('、'))
        .then_some(items)
}

/// Words that introduce a narrower item of a list (特别是俄乌冲突).
const NARROWER: [&str; 6] = ["特别是", "特別是", "尤其是", "尤其是", "包括", "例如"];

/// An issue named as one of the event's: the title in its quotation marks, else a phrase of four to forty
/// characters that is not a pronoun's (这也是…之一).
fn agenda_item(item: &str) -> Option<String> {
    let item = item.trim();
    let spans = quoted::spans(item);
    if let [span] = spans.as_slice()
        && span.open == 0
        && span.close_end == item.len()
    {
        return Some(trim_item(span.inner(item)));
    }
    let n = item.chars().count();
    let plain = (4..=40).contains(&n)
        && spans.is_empty()
        && !item.starts_with(['这', '這', '此', '该', '該', '它', '其', '本'])
        && !REFERENCE.get().is_match(item);
    plain.then(|| trim_item(item))
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
    if let Some(items) = listed(item) {
        return items;
    }
    if let Some(items) = demonstrated(item) {
        return items;
    }
    // 探讨在新发展格局下,推进…: an adverbial of 在 …下 before the object, cut off at the comma, names
    // no subject.
    if item.starts_with(['在', '于', '於']) && item.ends_with(['下', '中', '上', '时', '時']) {
        return Vec::new();
    }
    let n = item.chars().count();
    // A list closed by 等 is read by [`LISTS`], also when a partner follows it (就A等问题与B进行交流); 讨论
    // as a noun before an adverb (讨论即将开始, 讨论愈发热烈) has no object.
    if !(4..=40).contains(&n) || INNER_LIST.get().is_match(item) || names_no_subject(item) {
        return Vec::new();
    }
    match joined(item) {
        Some((a, b)) => vec![trim_item(a), trim_item(b)],
        None => vec![trim_item(item)],
    }
}

/// What is discussed when a demonstrative and a topic noun close it ("讨论A、B这个话题具有特殊的意义"): the
/// items before them, split at 、.
fn demonstrated(item: &str) -> Option<Vec<String>> {
    let m = THIS_TOPIC.get().find(item).filter(|m| m.start() > 0)?;
    let items: Vec<String> = item[..m.start()].split('、').map(trim_item).collect();
    items
        .iter()
        .all(|i| (2..=30).contains(&i.chars().count()))
        .then_some(items)
}

/// A demonstrative and a topic noun closing what is discussed: "A、B这个话题", "A这些问题".
static THIS_TOPIC: Transient = Transient::new(|| {
    Regex::new(r"(?:这|這)(?:个|個|些|一|两个|兩個|几个|幾個)?(?:话题|話題|议题|議題|主题|主題|问题|問題)")
        .expect("this topic regex")
});

/// A list closed by 等 and a topic noun, with a partner after it: "A等问题与B".
static INNER_LIST: Transient = Transient::new(|| {
    Regex::new(r"等(?:[^、，。；;,等]{0,4}?)(?:问题|問題|议题|議題|话题|話題|领域|領域|方面|主题|主題)(?:与|與|同|和|跟)")
        .expect("inner list regex")
});

/// Adverbs and verbs of state after 讨论 as a noun (讨论即将开始, 讨论愈发热烈), 的 after it as a modifier
/// (探讨的话题十分广泛), 通过 of 讨论通过 (a document adopted), and 这一/这些 (a reference to a topic named
/// before).
const STATE: [&str; 23] = [
    "的", "通过", "通過", "这一", "這一", "这些", "這些", "这个", "這個", "即将", "即將", "愈发", "愈發",
    "越发", "越發", "更加", "十分", "非常", "正在", "开始", "開始", "结束", "結束",
];

/// Talks as the object of discussing (围绕刚才的发言交流): a reference to what was said, not a subject.
const TALKED: [&str; 6] = ["发言", "發言", "讲话", "講話", "演讲", "演講"];

/// The subject after 围绕 and before a verb of sharing or discussing: a list split at 、, else the whole
/// phrase (以A和B为基础的C is one subject); a reference to the theme (围绕主题) is none.
fn around(item: &str) -> Vec<String> {
    let item = item.trim();
    // 围绕A、B主题进行深入交流, 围绕A、B等话题进行了交流 are read by [`LISTS`].
    let verb = item.strip_suffix('了').unwrap_or(item);
    if ["进行", "進行", "展开", "展開", "开展", "開展"]
        .iter()
        .any(|v| verb.ends_with(v))
    {
        return Vec::new();
    }
    if item.contains('、') {
        return split(item);
    }
    if names_no_subject(item) {
        return Vec::new();
    }
    vec![trim_item(item)]
}

/// A count of topics that a list then gives (探討香港未來發展的五個主題，包括…).
static COUNTED_NOUN: Transient = Transient::new(|| {
    Regex::new(r"[一二三四五六七八九十两兩\d]+(?:个|個|项|項|大)(?:主题|主題|议题|議題|话题|話題|方面|领域|領域|问题|問題)$")
        .expect("counted noun regex")
});

/// An object that names no subject of its own: a reference to the topics ([`REFERENCE`]), a count of
/// them ([`COUNTED_NOUN`]), a list closed by 等 (read by [`LISTS`]), a state (讨论即将开始) or a talk
/// (…发言).
fn names_no_subject(item: &str) -> bool {
    REFERENCE.get().is_match(item)
        || COUNTED_NOUN.get().is_match(item)
        || item.ends_with('等')
        || STATE.iter().any(|a| item.starts_with(a))
        || TALKED.iter().any(|t| item.ends_with(t))
}

/// A 、 list as the object of 讨论 or 就: closed by 等 and a topic noun (重点讨论A、B和C等议题), or with its
/// last item after 以及 (就A、B以及C交换意见); the last item splits at 以及, or as in [`split`].
fn listed(item: &str) -> Option<Vec<String>> {
    if !item.contains('、') || !quoted::spans(item).is_empty() {
        return None;
    }
    let open = OPEN_TAIL.get().find(item).filter(|m| m.start() > 0);
    let body = open.map_or(item, |m| &item[..m.start()]);
    let last = body.rsplit('、').next().unwrap_or(body);
    // 就A、B展开讨论: short plain items, without 等.
    let short = || {
        body.split('、')
            .all(|i| (2..=10).contains(&i.chars().count()) && !i.contains(['的', '和', '与', '與', '及']))
    };
    let items = match last.split_once("以及") {
        Some((a, b)) => {
            let head = &body[..body.len() - last.len()];
            let mut items = split(head.trim_end_matches('、'));
            items.extend([trim_item(a), trim_item(b)]);
            items
        }
        None if open.is_some() || short() => split(body),
        None => return None,
    };
    (items.len() >= 2 && items.iter().all(|t| t.chars().count() >= 2)).then_some(items)
}

/// The tail of an open list of topics: "等议题", "等热点问题".
static OPEN_TAIL: Transient = Transient::new(|| {
    Regex::new(r"等(?:[^、，。；;,等]{0,4}?)(?:问题|問題|议题|議題|话题|話題|领域|領域|方面|主题|主題)$")
        .expect("open tail regex")
});

/// Two subjects joined at the top of a phrase: at the last 以及 or 及 when both sides have four
/// characters at least (…歷史與文化發展及未來社會走向); at 和, 与 or 與 when the left side is a plain
/// noun phrase (no 的, no 、) and the right one is no modifier of a shared head (区域政治和经济的发展 is
/// one subject, 区域经济发展和中国在国际环境中的作用 two).
fn joined(item: &str) -> Option<(&str, &str)> {
    let long = |s: &str| s.chars().count() >= 4;
    for j in ["以及", "及"] {
        // 以及 holds 及; 涉及, 普及, 及时 are words, not joiners.
        if let Some((a, b)) = item.rsplit_once(j)
            && long(a)
            && long(b)
            && !a.ends_with(['以', '涉', '普', '危', '波', '惠', '顧', '顾'])
            && !b.starts_with(['时', '時'])
            && !b.contains(['、', '和', '与', '與'])
        {
            return Some((a, b));
        }
    }
    for j in ["和", "与", "與"] {
        if let Some((a, b)) = item.split_once(j) {
            let head = b.split('的').next().unwrap_or(b);
            if long(a) && !a.contains(['的', '、']) && long(head) && !b.contains(['和', '与', '與', '及'])
            {
                return Some((a, b));
            }
        }
    }
    None
}

/// A reference to the topics rather than a topic: the event's own (研討會的核心議題) or shared ones
/// (共同关心的话题, 相关议题).
static REFERENCE: Transient = Transient::new(|| {
    Regex::new(r"^(?:(?:本次|此次|本届|本屆)?(?:研讨会|研討會|会议|會議|论坛|論壇|大会|大會|峰会|峰會|年会|年會)的|.*(?:相关|相關|共同关心|共同關心)).*(?:议题|議題|主题|主題|话题|話題|问题|問題)$")
        .expect("reference regex")
});

/// Words of a talk after its title (以「…」为题发表演讲, 作主旨发言, 作主题报告, 以「…」為題,指出…).
const TALK: [&str; 23] = [
    "演讲", "演講", "报告", "報告", "致辞", "致詞", "分享", "讲述", "講述", "发言", "發言", "讲话", "講話",
    "指出", "表示", "强调", "強調", "阐述", "闡述", "剖析", "分析", "介绍", "介紹",
];

/// Where the goals of an event are stated.
static GOAL: Transient =
    Transient::new(|| Regex::new(r"旨在|目的是|目的在於|目的在于|宗旨").expect("goal regex"));

const JOINERS: [&str; 5] = ["以及", "和", "与", "與", "及"];

/// Characters before 等 that make a word with it (平等, 同等, 对等, 高等, 均等, 中等, 初等, 上等, 次等, 相等):
/// there 等 closes no list.
const DENG_WORDS: [char; 11] = ['平', '同', '对', '對', '高', '均', '中', '初', '上', '次', '相'];

/// Nouns of a class that may follow the last item and 等 ("新消费等新兴产业", "A等领域").
const CLASSES: [&str; 24] = [
    "产业", "產業", "行业", "行業", "领域", "領域", "方面", "问题", "問題", "议题", "議題", "话题", "話題",
    "内容", "內容", "主题", "主題", "项目", "項目", "技术", "技術", "板块", "板塊", "学科",
];

/// A list split at 、, and its last item at a joiner when both sides are plain noun phrases and the items
/// before do not all hold that joiner; a list of titles in quotation marks gives the titles, however they
/// are joined (“A”“B”、“C”).
fn split(list: &str) -> Vec<String> {
    // "A、B、C等", "「A」、「B」等": the tail of an open list (平等, 高等 end a word, not a list).
    // "A、B,以及C": the comma before the last joiner.
    let list = list.trim().replace(",以及", "、").replace("，以及", "、");
    let list = list.as_str();
    let list = match list.strip_suffix("等等").or_else(|| list.strip_suffix('等')) {
        Some(rest) if list.contains('、') && !rest.ends_with(DENG_WORDS) => rest,
        _ => list,
    };
    // "“A”、“B”、“C”三大问题,对促进…具有重要意义": a count of topics ends the list before a comment.
    let list = COUNT_CLOSE.get().find(list).map_or(list, |m| &list[..m.start()]);
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
    // "A、B、C等新兴产业": the class of the items after 等 is none of them (低温等离子体 is one word).
    if items.len() >= 2
        && let Some(last) = items.last_mut()
        && let Some((item, class)) = last.split_once('等')
        && (1..=6).contains(&class.chars().count())
        && CLASSES.iter().any(|c| class.ends_with(c))
        && item.chars().count() >= 2
        && !item.ends_with(DENG_WORDS)
    {
        *last = item;
    }
    if let Some(last) = items.pop() {
        let cut = JOINERS.iter().find_map(|j| {
            let (a, b) = last.split_once(j)?;
            // 以及 joins items of a list, also phrases with 的 (…及对东亚地区的影响以及中新环保合作).
            let plain = |s: &str| {
                let n = s.chars().count();
                if *j == "以及" {
                    n >= 2
                } else {
                    n >= 4 && !s.contains('的')
                }
            };
            // "A與B、C與D、E與F": when every item before holds the same joiner, the last one's is inside
            // it too.
            let parallel = !items.is_empty() && items.iter().all(|i| i.contains(j));
            (plain(a) && plain(b) && !parallel).then_some((a, b))
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
    fn forums_named_by_titles_and_a_topic_that_has_meaning() {
        assert_eq!(
            titles(
                "其他论坛则包括:“科技革新、创新经济”;“经贸商机、潜能无限”;“建交五十,稳健发展”,皆请来政企翘楚。"
            ),
            ["科技革新、创新经济", "经贸商机、潜能无限", "建交五十,稳健发展"]
        );
        assert!(titles("本次研讨会的主题有着重要的现实意义。").is_empty());
        assert_eq!(
            titles("下午将进行企业对接会,重点交流领域涉及:养蜂培训、蜂蜜加工、蜂产品贸易等。"),
            ["养蜂培训", "蜂蜜加工", "蜂产品贸易"]
        );
    }

    #[test]
    fn lists_in_a_frame_counted_or_named_as_the_content_of_topics() {
        assert_eq!(
            titles("会议在文化交流和“丝路精神”等重大课题,以及粮食安全、气候变化等全球性问题方面展开讨论。"),
            ["文化交流", "丝路精神", "粮食安全", "气候变化"]
        );
        assert_eq!(
            titles("会议依智慧农业、乡村振兴及生态保护为议题。"),
            ["智慧农业", "乡村振兴", "生态保护"]
        );
        assert_eq!(
            titles("围绕产业融合、智慧城市、文旅更新三个主题,市长们展开对话。"),
            ["产业融合", "智慧城市", "文旅更新"]
        );
        assert_eq!(
            titles("本届研讨会将就五个主题展开讨论,内容涉及中俄关系、区域安全、经贸合作。"),
            ["中俄关系", "区域安全", "经贸合作"]
        );
        assert_eq!(
            titles("第十届学术研讨会内容包含热流与能源、动力与控制,以及新兴科技等领域,分组进行。"),
            ["热流与能源", "动力与控制", "新兴科技"]
        );
        assert_eq!(
            titles("双方就中俄关系、区域形势及对东亚的影响以及环保合作等议题进行了探讨。"),
            ["中俄关系", "区域形势及对东亚的影响", "环保合作"]
        );
        assert_eq!(
            titles("开幕式后,多位专家就澳门经济发展发表主旨演讲。"),
            ["澳门经济发展"]
        );
    }

    #[test]
    fn discussion_as_a_noun_and_talks_in_reported_speech_name_no_topic() {
        assert!(titles("学者们的讨论必将有助于两岸关系的发展。").is_empty());
        assert!(titles("他谈到,通过共商城市发展、产业升级,畅通合作渠道。").is_empty());
    }

    #[test]
    fn parallel_items_keep_their_joiner_and_a_count_of_topics_is_none() {
        assert_eq!(
            titles("研讨会聚焦探讨江南未来发展的三个主题，包括城市与治理、健康与生活及文化与社会。"),
            vec!["城市与治理", "健康与生活", "文化与社会"]
        );
    }

    #[test]
    fn a_count_of_topics_before_a_comment_ends_the_list() {
        assert_eq!(
            titles(
                "议题涉及“金融犯罪问题”、“打击有组织犯罪,维护社会安定”、“经济发展中的法律问题”三大问题,对促进法学研究具有重要意义。"
            ),
            vec![
                "金融犯罪问题",
                "打击有组织犯罪,维护社会安定",
                "经济发展中的法律问题"
            ]
        );
    }

    #[test]
    fn a_list_closed_by_a_demonstrative_and_a_topic_noun() {
        assert_eq!(
            titles("专家一起讨论中国与中亚合作、“一带一路”与上海合作组织这个话题具有特殊的意义。"),
            vec!["中国与中亚合作", "“一带一路”与上海合作组织"]
        );
        // In reported speech too, when it is a list; one subject there is an opinion.
        assert_eq!(
            titles(
                "孙力指出,倡议提出五年来成果丰硕,所以专家一起讨论中国与中亚合作、能源合作这个话题具有特殊的意义。"
            ),
            vec!["中国与中亚合作", "能源合作"]
        );
        assert!(titles("孙力指出,倡议成果丰硕,所以专家一起讨论能源合作这个话题具有意义。").is_empty());
    }

    #[test]
    fn a_verb_of_discussing_inside_an_event_name_is_no_cue() {
        assert!(titles("由江南研究中心主辦的博覽園研討論證會在江南市舉辦。").is_empty());
        assert_eq!(
            titles("与会专家深入研讨了数字经济的发展路径。"),
            vec!["数字经济的发展路径"]
        );
    }

    #[test]
    fn titles_closed_by_a_count_of_sessions() {
        assert_eq!(
            titles("在主题之下设立了“合作应对挑战”“气候变化与新能源”以及“科技引领发展”等三个专题。"),
            vec!["合作应对挑战", "气候变化与新能源", "科技引领发展"]
        );
        // One title is a theme, not a list.
        assert!(titles("论坛以“合作共赢”为主题。").is_empty());
    }

    // Guards against missing titles in marks that are the subjects of sessions held (围绕「A」、「B」而召开的
    // 两场论坛), a list after a topic noun with a predicate of breadth (议题范围广泛,涵盖…), and against
    // taking a keynote's title followed by a verb of saying (以「…」為題,指出…) for a topic.
    #[test]
    fn sessions_held_on_titles_broad_topics_and_titled_talks() {
        assert_eq!(
            titles(
                "大會共設五場論壇,分別為圍繞「海洋治理」及「港口合作」而召開的兩場高級別論壇,以及就「航運金融」、「漁業發展」及「海岸保護」舉行的三場專題論壇。"
            ),
            vec!["海洋治理", "港口合作", "航運金融", "漁業發展", "海岸保護"]
        );
        assert_eq!(
            titles("本届年会议题范围广泛,涵盖海洋经济、港口物流、航运金融等。"),
            vec!["海洋经济", "港口物流", "航运金融"]
        );
        assert!(
            titles("院士林海東以「海洋文明的起源與遷徙」為題,指出東港的考古證據支持這一觀點。").is_empty()
        );
        // One title and a session held: the event's own name.
        assert!(titles("就“海洋强国”举行的论坛吸引了众多学者。").is_empty());
        assert_eq!(
            titles("论坛分为三个板块:港口合作、海洋经济和绿色航运。"),
            vec!["港口合作", "海洋经济", "绿色航运"]
        );
        // A verb of holding with 了 before 交流: the list is read once, without the verb.
        assert_eq!(
            titles("嘉宾们围绕海洋经济、港口物流、航运金融等话题进行了交流。"),
            vec!["海洋经济", "港口物流", "航运金融"]
        );
        assert_eq!(
            titles("研討會分為「海洋治理」、「港口發展」與「漁業轉型」三個場次。"),
            vec!["海洋治理", "港口發展", "漁業轉型"]
        );
        assert!(titles("江南大学校长吴华以“海洋科技创造美好生活”为题作了主旨发言。").is_empty());
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
        assert_eq!(
            titles("明天還將舉行“港口經濟:新動力”、“綠色航運”和“智慧物流”雲分論壇。"),
            vec!["港口經濟:新動力", "綠色航運", "智慧物流"]
        );
        assert_eq!(
            titles("大会分为“共思·港口的未来”、“共探·航运之路”、“共创·服务之变”三个篇章。"),
            vec!["共思·港口的未来", "共探·航运之路", "共创·服务之变"]
        );
        assert_eq!(
            titles("与会专家分为两组,分别以“江海、港口与侨乡”“江海、学术与故事”为题展开讨论。"),
            vec!["江海、港口与侨乡", "江海、学术与故事"]
        );
        assert_eq!(
            titles("下午第二場座談會主題為“理論思想與引領兩岸”,與會學者將共同出席。"),
            vec!["理論思想與引領兩岸"]
        );
        // Sectors named by one character each are no topics.
        assert!(titles("論壇議題包括產、官、學、研。").is_empty());
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

    // Guards against missing sub-forum titles separated by semicolons, issues named one by one, 围绕 lists
    // told over commas, and the subjects of 研讨, 就…发表见解 and 針對…提出建言.
    #[test]
    fn semicolon_titles_and_issues_named_one_by_one() {
        assert_eq!(
            titles(
                "论坛设四个分论坛,包括海洋经济,港口合作;渔业转型、绿色航运以及海洋治理;城市更新如何引领可持续发展;对话、合作、共赢—江海与世界,可以说议题十分丰富。"
            ),
            vec![
                "海洋经济,港口合作",
                "渔业转型、绿色航运以及海洋治理",
                "城市更新如何引领可持续发展",
                "对话、合作、共赢—江海与世界"
            ]
        );
        assert_eq!(
            titles("本屆年會設三個分論壇,包括:港口經濟的轉型;綠色航運與海洋治理;智慧港口建設。"),
            vec!["港口經濟的轉型", "綠色航運與海洋治理", "智慧港口建設"]
        );
        assert_eq!(
            titles("江南省长表示,感谢各方把海洋生态保护设为本次峰会的核心议题之一。"),
            vec!["海洋生态保护"]
        );
        assert_eq!(
            titles("峰会的主题是“共建海洋未来”,其中“绿色与包容发展”是主要议题之一。"),
            vec!["绿色与包容发展"]
        );
        assert_eq!(
            titles("其中「智慧城市建設」是主要議題之一。"),
            vec!["智慧城市建設"]
        );
        assert!(titles("这也是本届论坛的重要议题之一。").is_empty());
    }

    #[test]
    fn lists_over_commas_and_subjects_of_discussing() {
        assert_eq!(
            titles(
                "与会学者围绕当前海洋经济的新形势,特别是港口转型等突出问题,区域航运和物流的发展以及江南在全球供应链中的独特作用等发表见解。"
            ),
            vec![
                "当前海洋经济的新形势",
                "港口转型等突出问题",
                "区域航运和物流的发展",
                "江南在全球供应链中的独特作用"
            ]
        );
        assert!(titles("嘉宾围绕主题,结合自身经历等展开交流。").is_empty());
        assert_eq!(
            titles("与会代表还围绕港口物流、渔业转型、滨海旅游等提出了许多具体建议。"),
            vec!["港口物流", "渔业转型", "滨海旅游"]
        );
        assert_eq!(
            titles("與會學者圍繞智慧港口、綠色航運等發表看法。"),
            vec!["智慧港口", "綠色航運"]
        );
        assert_eq!(
            titles(
                "与会专家共同研讨当前复杂的海洋形势,并就区域航运发展和江南在国际合作中的作用发表真知灼见。"
            ),
            vec!["区域航运发展", "江南在国际合作中的作用", "当前复杂的海洋形势"]
        );
        assert_eq!(
            titles("專家們就當前區域形勢走向進行專題研討。"),
            vec!["當前區域形勢走向"]
        );
        assert!(titles("此次學術研討邀集國內外學者專家。").is_empty());
        assert!(titles("會議分為開幕式、專題研討以及閉幕式三個部分。").is_empty());
        assert_eq!(
            titles("論壇主要針對青年的在地創業、青年的發展與回顧,以及青年在國際參與上的貢獻等加以討論。"),
            vec!["青年的在地創業", "青年的發展與回顧", "青年在國際參與上的貢獻"]
        );
        assert_eq!(
            titles("會中將由學者針對東港50年來的政治、經濟與文化發展及未來社會走向提出建言。"),
            vec!["東港50年來的政治、經濟與文化發展", "未來社會走向"]
        );
        assert_eq!(
            titles("学者们探讨了区域政治和经济的发展。"),
            vec!["区域政治和经济的发展"]
        );
        assert_eq!(
            titles("会议将重点讨论港口物流、绿色航运、智慧港口和数字经济等议题。"),
            vec!["港口物流", "绿色航运", "智慧港口", "数字经济"]
        );
        assert_eq!(
            titles(
                "林海东表示,双方将就江南港口发展现状和前景、新形势下各领域合作以及重大的国际和地区问题深入交换意见。"
            ),
            vec![
                "江南港口发展现状和前景",
                "新形势下各领域合作",
                "重大的国际和地区问题"
            ]
        );
        assert!(titles("林海东表示,双方将就港口合作深入交换意见。").is_empty());
        assert!(titles("论坛成为各方共商东港地区所面临的问题的平台。").is_empty());
        assert!(titles("各國代表齊聚一堂,共商合作大計。").is_empty());
    }

    // Guards against missing 聚焦 lists without 等, 从…等方面 and 对…等问题的看法, session titles before
    // 小组, a title named as one of the issues, and the subject of 围绕…分享/探索/讨论.
    #[test]
    fn aspects_groups_and_subjects_after_around() {
        assert_eq!(
            titles("此次论坛聚焦港口合作与航运发展、海洋治理、渔业转型议题,推动各方交流。"),
            vec!["港口合作与航运发展", "海洋治理", "渔业转型"]
        );
        assert_eq!(
            titles(
                "八名学者从区域经济、港口历史、海洋与文化等方面,介绍了他们对航运、渔业、生态保护等问题的看法。"
            ),
            vec!["区域经济", "港口历史", "海洋与文化", "航运", "渔业", "生态保护"]
        );
        assert_eq!(
            titles("會議分成「港口經濟組」、「海洋生態組」和「航運技術組」等3個專題小組進行研討。"),
            vec!["港口經濟組", "海洋生態組", "航運技術組"]
        );
        assert_eq!(
            titles("作为本届年会的议题之一,“‘江海联动’如何走深走实?”吸引了众多嘉宾。"),
            vec!["‘江海联动’如何走深走实?"]
        );
        assert_eq!(
            titles("围绕江南在港口物流等领域的合作,讨论愈发热烈。"),
            vec!["江南在港口物流等领域的合作"]
        );
        assert_eq!(
            titles("與會嘉賓圍繞以綠色航運和智慧港口為核心的海洋經濟一同探索未來。"),
            vec!["以綠色航運和智慧港口為核心的海洋經濟"]
        );
        assert_eq!(
            titles("與會學者圍繞海洋經濟發展趨勢,分享研究成果。"),
            vec!["海洋經濟發展趨勢"]
        );
        // 围绕X,深入探讨Y: the object of 探讨 is the subject, X its frame.
        assert_eq!(
            titles("学者们围绕江南发展,深入探讨港口转型的路径。"),
            vec!["港口转型的路径"]
        );
        assert!(titles("主持人宣布,讨论即将开始。").is_empty());
        // 探讨的话题 (a modifier), 讨论通过 (adopted), 共同关心的问题 (a reference): no topics; an adverb before
        // the verb after 围绕 is no part of the subject.
        assert!(titles("论坛探讨的话题十分广泛。").is_empty());
        assert!(titles("會議還討論通過了《東港宣言》。").is_empty());
        assert!(titles("双方就共同关心的问题交换了意见。").is_empty());
        assert!(titles("論壇將於明年繼續探討這一問題。").is_empty());
        assert!(titles("嘉宾们在茶歇时围绕刚才的发言继续交流。").is_empty());
        assert_eq!(
            titles("大家围绕着“如何办好论坛”这一问题展开了热烈讨论。"),
            vec!["如何办好论坛"]
        );
        assert_eq!(
            titles("论坛结束后,与会者围绕港口合作细节进一步交流。"),
            vec!["港口合作细节"]
        );
        // 就业 is a word (employment), not 就 and a list.
        assert_eq!(
            titles("嘉宾们共同探讨了港口发展中的规划、就业、生态环保等问题。"),
            vec!["港口发展中的规划", "就业", "生态环保"]
        );
        assert_eq!(
            titles("研讨会设置了港口经济、海洋生态和航运技术三个议题。"),
            vec!["港口经济", "海洋生态", "航运技术"]
        );
        assert!(titles("会议分为开幕式、专题研讨两个部分。").is_empty());
        // A count of many (等多个方面) closes a list; 建言献策 and 座谈 have a subject after 就; 等内容 closes a
        // list of subjects.
        assert_eq!(
            titles("本次论坛的议题涵盖海洋经济、绿色航运、人才培养等多个方面。"),
            vec!["海洋经济", "绿色航运", "人才培养"]
        );
        assert_eq!(
            titles("與會者就如何推進港口合作建言獻策。"),
            vec!["如何推進港口合作"]
        );
        assert_eq!(
            titles("与会者还就两岸青年交流合作进行了座谈。"),
            vec!["两岸青年交流合作"]
        );
        // 议题为/涉及 a list without 等, titles in marks before 等议题, and short items after 就 without 等.
        assert_eq!(
            titles("会议主要议题为港口合作、绿色航运和海洋治理。"),
            vec!["港口合作", "绿色航运", "海洋治理"]
        );
        assert!(titles("本次研讨会的主题为海洋、城市与未来。").is_empty());
        assert_eq!(
            titles("話題涉及數字經濟、綠色發展和人才培養。"),
            vec!["數字經濟", "綠色發展", "人才培養"]
        );
        assert_eq!(
            titles("议题涉及港口经济、智库建设等热点话题。"),
            vec!["港口经济", "智库建设"]
        );
        assert_eq!(
            titles("论坛设置了“港口经济”“海洋生态”“航运技术”等议题。"),
            vec!["港口经济", "海洋生态", "航运技术"]
        );
        assert_eq!(
            titles("会上,嘉宾们就区域合作、人才交流展开讨论。"),
            vec!["区域合作", "人才交流"]
        );
        assert_eq!(
            titles("研讨会涉及区域经济、海洋文化、生态保护等内容。"),
            vec!["区域经济", "海洋文化", "生态保护"]
        );
    }

    // Guards against taking for topics a talk's title before 分享, the activities of a seminar (学习、讨论X),
    // a partner after a closed list (就A等问题与B交流), a list that modifies a noun (在A等领域的合作 is read
    // whole) and talks named in reported speech.
    #[test]
    fn talk_titles_activities_partners_and_opinions_are_no_topics() {
        assert!(
            titles("第一場由江南大學校長林海以「港口與城市的未來」為題，分享港口轉型的經驗。").is_empty()
        );
        assert!(titles("与会者学习、讨论江南的先进经验。").is_empty());
        assert_eq!(
            titles("她并就港口转型等问题与江南学者进行交流。"),
            vec!["港口转型"]
        );
        assert!(titles("林海认为,共同商讨海洋时代的发展趋势,具有重要意义。").is_empty());
    }

    #[test]
    fn keywords_after_a_colon() {
        assert_eq!(
            titles("在论坛会场,一些关键词在嘉宾的发言中不断出现:城市更新、绿色发展、数字治理……"),
            vec!["城市更新", "绿色发展", "数字治理"]
        );
        assert_eq!(
            titles("會上的關鍵詞:區域合作、海洋經濟、人才交流。"),
            vec!["區域合作", "海洋經濟", "人才交流"]
        );
        assert!(titles("本届论坛的关键词:开放。").is_empty());
    }

    #[test]
    fn the_class_after_the_last_item_and_a_complement_of_the_cue_are_no_part_of_an_item() {
        assert_eq!(
            titles("次日则探讨人工智能、医药科技、新消费等新兴产业。"),
            vec!["人工智能", "医药科技", "新消费"]
        );
        assert_eq!(
            titles("本届论坛又涉及到港澳人才培养与国家认同、人类命运共同体构建等重要议题。"),
            vec!["港澳人才培养与国家认同", "人类命运共同体构建"]
        );
        // 等离子体 is one word, and no class of the items.
        assert_eq!(
            titles("会议探讨了激光技术、低温等离子体等议题。"),
            vec!["激光技术", "低温等离子体"]
        );
        // 平等 ends a word, not a list.
        assert_eq!(
            titles("会议探讨了教育公平、性别平等等议题。"),
            vec!["教育公平", "性别平等"]
        );
    }

    #[test]
    fn parallel_sub_forums_named_after_another_besides() {
        assert_eq!(
            titles("除主论坛之外,另有基础教育治理、高等教育治理、国际教育三个平行分论坛。"),
            vec!["基础教育治理", "高等教育治理", "国际教育"]
        );
    }

    #[test]
    fn numbered_sub_forums_their_theses_and_an_adverbial_cut_off() {
        assert_eq!(
            titles("下午举行2个平行论坛。其中,论坛一主题为“茶叶与乡村”,论坛二主题为“茶叶出口”。"),
            vec!["茶叶与乡村", "茶叶出口"]
        );
        // The forum's own theme stays its theme.
        assert!(titles("论坛主题为“茶叶与乡村”。").is_empty());
        assert_eq!(
            titles("分论坛论题分别为:茶叶与乡村的良性互动;茶叶出口的新问题;茶叶人才的培养。"),
            vec!["茶叶与乡村的良性互动", "茶叶出口的新问题", "茶叶人才的培养"]
        );
        assert!(titles("会议主要探讨在新发展格局下,推进茶叶现代化。").is_empty());
    }

    #[test]
    fn sub_forums_held_and_titles_the_talks_turned_on() {
        assert_eq!(
            titles("会期中将举办茶叶论坛、“一带一路”论坛、5G与农业论坛等12个分场论坛,以及参观等活动。"),
            vec!["茶叶论坛", "“一带一路”论坛", "5G与农业论坛"]
        );
        // What else is held is no subject.
        assert!(
            titles("大会还将举行成果发布活动、“茶之光”博览会、“直通茶乡”大赛三大板块的活动。").is_empty()
        );
        assert_eq!(
            titles("嘉宾围绕“茶叶创新与政策”“茶叶创新与修复”主题开展对话交流。"),
            vec!["茶叶创新与政策", "茶叶创新与修复"]
        );
    }
}
