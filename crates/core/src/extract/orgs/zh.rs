//! Chinese organizations, clause by clause (a Chinese list, joined by 、和 与 及, fits in one clause):
//! 由A、B和C联合主办; D承办; E作为论坛国际支持机构; F擔任共同主辦單位; G於…舉辦…研討會 (and its subject in an
//! earlier clause: A與B，依據…，定期辦理研討會); 在H的支持下. A member keeps the name in its quotation marks
//! (日本民间团体“言论非盈利组织” → 言论非盈利组织), loses what stands before 的 (中国的官方媒体 is a
//! description, not a name) and must end like an organization ([`is_org`]).

use regex::Regex;

use crate::transient::Transient;

use super::super::quoted;
use super::super::sentences::sentences;
use super::super::text::{Block, paragraphs};
use super::super::zh::is_org;
use crate::model::Relation;

/// Verbs and nouns that state a relation.
const CUE: &str =
    "主办|主辦|主催|举办|舉辦|办理|辦理|承办|承辦|协办|協辦|合办|合辦|支持|支援|赞助|贊助|冠名|指导|指導";
const ROLE_NOUN: &str = "主办单位|主辦單位|主办方|主辦方|承办单位|承辦單位|协办单位|協辦單位|支持机构|支持機構|支持单位|支持單位|\
合作伙伴|合作夥伴|合作单位|合作單位|赞助商|贊助商|赞助单位|贊助單位|指导单位|指導單位";

/// 由 <list> [联合|共同] <cue>.
static BY: Transient = Transient::new(|| {
    Regex::new(&format!(r"由(?P<list>.+?)(?:联合|聯合|共同)?(?P<cue>{CUE})")).expect("by regex")
});
/// <list> [联合|共同] <cue> 的 <event>: "B协办的本次会议" after "由A主办,".
static MODIFIER: Transient = Transient::new(|| {
    Regex::new(r"^(?P<list>[^的]+?)(?:联合|聯合|共同)?(?P<cue>主办|主辦|承办|承辦|协办|協辦|合办|合辦)的")
        .expect("modifier regex")
});
/// <list> [联合|共同] <cue> ending the clause: "广州市人民政府承办".
static ENDS: Transient = Transient::new(|| {
    Regex::new(
        r"^(?P<list>.+?)(?:联合|聯合|共同)?(?P<cue>主办|主辦|承办|承辦|协办|協辦|赞助|贊助)(?:单位|單位)?$",
    )
    .expect("ending regex")
});
/// <list> 作为|担任|以 … <role noun>: "联合国开发计划署作为论坛国际支持机构", "A、B等以支持单位名义参与".
static AS: Transient = Transient::new(|| {
    Regex::new(&format!(
        r"^(?P<list>.+?)(?:作为|作為|担任|擔任|成为|成為|为|為|是|以)[^，,。]{{0,8}}?(?P<cue>{ROLE_NOUN})"
    ))
    .expect("as regex")
});
/// <role noun> [为|包括]：<list>: "主办单位：A、B", "合作伙伴包括A、B".
static LABELLED: Transient = Transient::new(|| {
    Regex::new(&format!(
        r"(?P<cue>{ROLE_NOUN})(?:为|為|是|包括|有)?[:：]?\s*(?P<list>[^。；;:：]+)"
    ))
    .expect("labelled regex")
});

/// 在 <list> 的 … 支持下.
static UNDER: Transient = Transient::new(|| {
    Regex::new(r"在(?P<list>.+?)的?(?:大力|鼎力|全力)?(?P<cue>支持|支援|指导|指導|赞助|贊助)下")
        .expect("under regex")
});
/// An active verb of organizing with an event as its object: "…於上月27日在…舉辦「…」國際學術研討會".
static ACTIVE: Transient = Transient::new(|| {
    Regex::new(r"(?P<cue>举办|舉辦|办理|辦理|主办|主辦|承办|承辦).*(?:会|會|论坛|論壇|峰会|峰會|博览|博覽|展|工作坊|讲座|講座|活动|活動|比赛|比賽)")
        .expect("active regex")
});
/// Where the subject of an active verb ends: a time, place or manner before the verb.
static SUBJECT_END: Transient = Transient::new(|| {
    Regex::new(r"于|於|在|将|將|定期|每年|曾|已|今年|昨|今日|今天|明年|日前|近日|共同|联合|聯合|举办|舉辦|办理|辦理|主办|主辦|承办|承辦")
        .expect("subject end regex")
});

fn relation(cue: &str) -> Relation {
    match cue {
        c if c.contains('持') || c.contains("援") || c.contains('导') || c.contains('導') => {
            Relation::Supporter
        }
        c if c.contains("赞助") || c.contains("贊助") || c.contains("冠名") => Relation::Sponsor,
        c if c.contains("合作") => Relation::Partner,
        // 合办: organized together.
        _ => Relation::Organizer,
    }
}

/// Organizations of a Chinese text with their relation, in order.
pub(super) fn extract(blocks: &[Block]) -> Vec<(String, Relation)> {
    let mut out = Vec::new();
    for p in paragraphs(blocks) {
        if !p.contains(|c: char| CUE.contains(c) || ROLE_NOUN.contains(c)) {
            continue;
        }
        for sentence in sentences(p) {
            if let Some(c) = LABELLED.get().captures(sentence)
                && let (Some(list), Some(cue)) = (c.name("list"), c.name("cue"))
            {
                let r = relation(cue.as_str());
                out.extend(members(list.as_str()).into_iter().map(|n| (n, r)));
            }
            let clauses = clauses(sentence);
            for (i, clause) in clauses.iter().enumerate() {
                out.extend(in_clause(clause, &clauses[..i]));
            }
        }
    }
    out
}

/// The clauses of a sentence, split at commas and semicolons outside quotation marks.
fn clauses(sentence: &str) -> Vec<&str> {
    let spans = quoted::spans(sentence);
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in sentence.char_indices() {
        let quoted = spans.iter().any(|s| s.open <= i && i < s.close_end);
        if !quoted && matches!(c, '，' | ',' | '；' | ';' | '。' | '：' | ':') {
            out.push(sentence[start..i].trim());
            start = i + c.len_utf8();
        }
    }
    out.push(sentence[start..].trim());
    out.retain(|c| !c.is_empty());
    out
}

/// The organizations one clause names with a relation; `earlier` are the clauses before it in the
/// sentence, where the subject of an active verb may stand.
fn in_clause(clause: &str, earlier: &[&str]) -> Vec<(String, Relation)> {
    for re in [
        &*BY.get(),
        &*UNDER.get(),
        &*AS.get(),
        &*ENDS.get(),
        &*MODIFIER.get(),
    ] {
        if let Some(c) = re.captures(clause) {
            let (Some(list), Some(cue)) = (c.name("list"), c.name("cue")) else {
                continue;
            };
            let names = members(list.as_str());
            if !names.is_empty() {
                let r = relation(cue.as_str());
                return names.into_iter().map(|n| (n, r)).collect();
            }
        }
    }
    let Some(c) = ACTIVE.get().captures(clause) else {
        return Vec::new();
    };
    let Some(cue) = c.name("cue") else {
        return Vec::new();
    };
    let subject = &clause[..SUBJECT_END.get().find(clause).map_or(cue.start(), |m| m.start())];
    let names = std::iter::once(subject)
        .chain(earlier.iter().rev().take(3).copied())
        .map(members)
        .find(|names| !names.is_empty())
        .unwrap_or_default();
    names.into_iter().map(|n| (n, relation(cue.as_str()))).collect()
}

/// The names of a list, or none when a member is not an organization: split at 、 and at 和/与/及 where
/// both sides are organizations (中国国家创新与发展战略研究会 is one name).
fn members(list: &str) -> Vec<String> {
    let list = list.trim_start_matches(['【', '[']).trim();
    // A byline in brackets before the subject: "【記者…報導】外交系…".
    let list = list.rsplit_once(['】', ']']).map_or(list, |(_, rest)| rest);
    // "A、B等": the tail of an open list.
    let list = list.trim_end().trim_end_matches('等');
    let mut out = Vec::new();
    for piece in list.split('、') {
        match split_joined(piece) {
            Some(names) => out.extend(names),
            None => return Vec::new(),
        }
    }
    out
}

const JOINERS: [&str; 8] = ["以及", "和", "与", "與", "及", "同", "跟", "并"];

/// A piece of a list as one or more organizations joined by 和/与/及, or `None`.
fn split_joined(piece: &str) -> Option<Vec<String>> {
    for (i, _) in piece.char_indices() {
        let Some(j) = JOINERS.iter().find(|j| piece[i..].starts_with(**j)) else {
            continue;
        };
        let left = clean(&piece[..i]);
        if let (Some(left), Some(mut rest)) = (left, split_joined(&piece[i + j.len()..])) {
            rest.insert(0, left);
            return Some(rest);
        }
    }
    clean(piece).map(|name| vec![name])
}

/// One member as a name: the name in its quotation marks, what follows the last 的, without a leading
/// 我国 or 本; `None` unless it has the shape of an organization.
fn clean(member: &str) -> Option<String> {
    let member = member.trim();
    if let Some(span) = quoted::spans(member).first() {
        let inner = span.inner(member).trim();
        return is_org(inner).then(|| inner.to_string());
    }
    let mut name = member.rsplit_once('的').map_or(member, |(_, n)| n).trim();
    // Words before the name: 我国, 本, 并邀请 …
    const BEFORE: [&str; 16] = [
        "我国", "我國", "本校", "该校", "該校", "本", "该", "該", "另外", "此外", "并", "並", "还", "還",
        "邀请", "邀請",
    ];
    while let Some(rest) = BEFORE.iter().find_map(|p| name.strip_prefix(p)) {
        name = rest;
    }
    is_org(name).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::blocks;

    fn orgs(text: &str) -> Vec<(String, Relation)> {
        extract(&blocks(text))
    }

    fn o(name: &str, r: Relation) -> (String, Relation) {
        (name.to_string(), r)
    }

    #[test]
    fn by_list_and_a_clause_of_its_own() {
        assert_eq!(
            orgs(
                "论坛由中国国家创新与发展战略研究会、中国人民外交学会、广东省人民政府和法国展望与创新基金会联合主办,广州市人民政府承办。"
            ),
            vec![
                o("中国国家创新与发展战略研究会", Relation::Organizer),
                o("中国人民外交学会", Relation::Organizer),
                o("广东省人民政府", Relation::Organizer),
                o("法国展望与创新基金会", Relation::Organizer),
                o("广州市人民政府", Relation::Organizer),
            ]
        );
    }

    #[test]
    fn descriptors_quotes_and_supporting_roles() {
        assert_eq!(
            orgs("该论坛由日本民间团体“言论非盈利组织”与中国的官方媒体、中国外文局共同主办。"),
            vec![
                o("言论非盈利组织", Relation::Organizer),
                o("中国外文局", Relation::Organizer)
            ]
        );
        assert_eq!(
            orgs("本次论坛由清华大学人工智能国际治理研究院主办,联合国开发计划署作为论坛国际支持机构。"),
            vec![
                o("清华大学人工智能国际治理研究院", Relation::Organizer),
                o("联合国开发计划署", Relation::Supporter)
            ]
        );
        assert_eq!(
            orgs("系上舉辦研討會，並邀請南灣醫學大學擔任共同主辦單位。"),
            vec![o("南灣醫學大學", Relation::Organizer)]
        );
        assert_eq!(
            orgs("今年歷史悠久的Banaras Hindu University擔任共同主辦單位。"),
            vec![o("Banaras Hindu University", Relation::Organizer)]
        );
    }

    #[test]
    fn co_organizers_supporting_units_and_academies() {
        assert_eq!(
            orgs("由东湖大学台湾研究中心主办,两岸关系和平发展协同创新中心协办的本次会议分为四个部分。"),
            vec![
                o("东湖大学台湾研究中心", Relation::Organizer),
                o("两岸关系和平发展协同创新中心", Relation::Organizer)
            ]
        );
        assert_eq!(
            orgs("江南友好协会、江南公共关系协会等以支持单位名义参与并发来贺信。"),
            vec![
                o("江南友好协会", Relation::Supporter),
                o("江南公共关系协会", Relation::Supporter)
            ]
        );
        assert_eq!(
            orgs(
                "论坛由江南省政府共同主办,江南社会科学院和江南省政府新闻办公室联合承办。由东港政府及东港贸易发展局合办的峰会今日揭幕。"
            ),
            vec![
                o("江南省政府", Relation::Organizer),
                o("江南社会科学院", Relation::Organizer),
                o("江南省政府新闻办公室", Relation::Organizer),
                o("东港政府", Relation::Organizer),
                o("东港贸易发展局", Relation::Organizer)
            ]
        );
        assert!(orgs("屆時將會有來自多個國家的數千名代表與會,將舉辦12場分論壇。").is_empty());
    }

    #[test]
    fn active_verbs_and_their_subjects() {
        assert_eq!(
            orgs(
                "【記者陳品婕報導】外交與國際關係學系於上月27日在覺生國際會議廳舉辦「展望和平」國際學術研討會。"
            ),
            vec![o("外交與國際關係學系", Relation::Organizer)]
        );
        assert_eq!(
            orgs(
                "科技組說明，我國國科會與印度社會科學研究委員會，依據雙方合作備忘錄，定期於台灣和印度辦理研討會。"
            ),
            vec![
                o("國科會", Relation::Organizer),
                o("印度社會科學研究委員會", Relation::Organizer)
            ]
        );
        assert!(orgs("第十四届东京-北京论坛10月14日在东京开幕。主办方透露,约有1500人出席。").is_empty());
        assert_eq!(
            orgs("主办单位：江南航运协会、东湖大学。合作伙伴包括星河物流集团。"),
            vec![
                o("江南航运协会", Relation::Organizer),
                o("东湖大学", Relation::Organizer),
                o("星河物流集团", Relation::Partner)
            ]
        );
    }
}
