//! Chinese organizations, clause by clause (a Chinese list, joined by 、和 与 及, fits in one clause):
//! 由A、B和C联合主办; D承办; E作为论坛国际支持机构; F擔任共同主辦單位; G於…舉辦…研討會 (and its subject in an
//! earlier clause: A與B，依據…，定期辦理研討會); 在H的支持下. A member keeps the name in its quotation marks
//! (日本民间团体“言论非盈利组织” → 言论非盈利组织), loses what stands before 的 (中国的官方媒体 is a
//! description, not a name) and must end like an organization ([`is_org`]). A member never spans a
//! comma (主辦單位除A外,還有B與C: the member is what follows the comma), and a verb of thanks before it is
//! no part of it (特別感謝A共同主辦: A organized the event).

use regex::Regex;

use crate::transient::Transient;

use super::super::quoted;
use super::super::sentences::sentences;
use super::super::text::{Block, paragraphs, without_stamp};
use super::super::zh::is_org;
use crate::model::Relation;

/// Verbs and nouns that state a relation.
const CUE: &str =
    "主办|主辦|主催|举办|舉辦|办理|辦理|承办|承辦|协办|協辦|合办|合辦|支持|支援|赞助|贊助|冠名|指导|指導";
const ROLE_NOUN: &str = "主办单位|主辦單位|主办方|主辦方|主办机构|主辦機構|承办单位|承辦單位|承办机构|承辦機構|协办单位|協辦單位|\
协办机构|協辦機構|支持机构|支持機構|支持单位|支持單位|\
合作伙伴|合作夥伴|合作单位|合作單位|赞助商|贊助商|赞助单位|贊助單位|指导单位|指導單位";

/// Verbs of planning an event, after 由 only: "由A总策划" (organized).
const PLANNED: &str = "总策划|總策劃|總策畫|总策畫|策划|策劃|策畫";

/// 由 <list> [联合|共同] [发起并|独家] <cue>.
static BY: Transient = Transient::new(|| {
    Regex::new(&format!(
        r"由(?P<list>.+?)(?:联合|聯合|共同|携手|攜手|联手|聯手)?(?:发起并|發起並|发起和|發起和|独家|獨家)?(?P<cue>{CUE}|{PLANNED}|共同呈现|共同呈現|发起|發起)"
    ))
    .expect("by regex")
});
/// <list> [联合|共同] <cue> 的 <event>: "B协办的本次会议" after "由A主办,"; "(论坛)是A发起并主办的".
static MODIFIER: Transient = Transient::new(|| {
    Regex::new(r"^(?:是|由)?(?P<list>[^的]+?)(?:联合|聯合|共同)?(?:发起并|發起並|发起和|發起和)?(?P<cue>主办|主辦|承办|承辦|协办|協辦|合办|合辦|支持|支援|赞助|贊助|指导|指導)的")
        .expect("modifier regex")
});
/// <list> 执行的 <event>, after a clause that ends in 由A主办/总策划: "由A总策划,B执行的论坛" (B carried it
/// out).
static EXECUTED: Transient =
    Transient::new(|| Regex::new(r"^(?P<list>[^的]+?)(?P<cue>执行|執行)的").expect("executed regex"));
/// <list> [联合|共同] <cue> ending the clause: "广州市人民政府承办", "A、B指导" (guided: a supporter),
/// "A、B共同指導與贊助" (the last cue tells the part); a space before the cue starts a bare label instead
/// ("A、B 指导：C").
static ENDS: Transient = Transient::new(|| {
    Regex::new(
        r"^(?P<list>.*?\S)(?:联合|聯合|共同)?(?:全额|全額|大力|鼎力|全力|具体|具體)?(?:(?:主办|主辦|承办|承辦|协办|協辦|指导|指導)(?:与|與|和|及|并|並))?(?P<cue>(?:冠名)?(?:赞助|贊助)(?:支持|支援)?|主办|主辦|承办|承辦|协办|協辦|指导|指導|支持|支援|执行|執行)(?:单位|單位)?$",
    )
    .expect("ending regex")
});
/// Support given, or a sole sponsorship, closing a clause after its givers: "A提供支持", "A独家赞助".
const GIVEN: [(&str, Relation); 12] = [
    ("提供支持", Relation::Supporter),
    ("提供大力支持", Relation::Supporter),
    ("给予支持", Relation::Supporter),
    ("給予支持", Relation::Supporter),
    ("给予大力支持", Relation::Supporter),
    ("給予大力支持", Relation::Supporter),
    ("提供赞助", Relation::Sponsor),
    ("提供贊助", Relation::Sponsor),
    ("独家赞助", Relation::Sponsor),
    ("獨家贊助", Relation::Sponsor),
    ("独家冠名", Relation::Sponsor),
    ("獨家冠名", Relation::Sponsor),
];

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

/// A role noun anywhere: where a labelled list starts, and what no name holds.
static ROLE: Transient = Transient::new(|| Regex::new(ROLE_NOUN).expect("role regex"));

/// 在 <list> 的 … 支持下.
static UNDER: Transient = Transient::new(|| {
    Regex::new(r"在(?P<list>.+?)的?(?:大力|鼎力|全力)?(?P<cue>支持|支援|指导|指導|赞助|贊助)下")
        .expect("under regex")
});
/// 得到 <list> 的 … 支持: "并得到A的大力支持", "感谢A的赞助".
static GOT: Transient = Transient::new(|| {
    Regex::new(r"(?:得到|获得|獲得|受到|感谢|感謝|鸣谢|鳴謝|获|獲)了?(?P<list>.+?)的?(?:大力|鼎力|全力|热情|熱情|积极|積極)?(?P<cue>支持|支援|指导|指導|赞助|贊助)")
        .expect("got regex")
});
/// A bare cue labelling a list: "主办：A、B 承办：C".
static BARE_LABEL: Transient = Transient::new(|| {
    Regex::new(r"(?:^|[\s。；;，,])(?P<cue>主办|主辦|承办|承辦|协办|協辦|指导|指導|支持|赞助|贊助)[:：]\s*(?P<list>[^。；;:：\s]+)")
        .expect("bare label regex")
});
/// A cue closing one part of a chain: "由A主办、B承办、C协办的…".
static CHAIN: Transient = Transient::new(|| {
    Regex::new(r"(?:主办|主辦|承办|承辦|协办|協辦|指导|指導|支持|支援)、").expect("chain regex")
});
/// The open tail of a list: "A、B等单位", "等十余家机构", "等国内九家学术机构".
static OPEN_TAIL: Transient = Transient::new(|| {
    Regex::new(r"等(?:国内|國內|国外|國外|海内外|海內外|全国|全國|各地)?(?:[\d一二三四五六七八九十多几幾余餘]+[家个個所])?(?:\p{Han}{0,4}?(?:单位|單位|机构|機構|部门|部門|组织|組織|企业|企業|高校|院校|院所))?$")
        .expect("open tail regex")
});

/// An organization before the numbered edition of its own meeting: "美國華裔組織百人會第十八屆年會".
static OWN_EDITION: Transient = Transient::new(|| {
    Regex::new(r"第[一二三四五六七八九十百\d]+[届屆](?:年会|年會|大会|大會|论坛|論壇|峰会|峰會|研讨会|研討會|会员大会|會員大會)")
        .expect("own edition regex")
});

/// The owner of an edition [`OWN_EDITION`] finds: what follows its last 的 and its last class noun (组织, 团体, 机构),
/// when it has the shape of an organization.
fn edition_owner(owner: &str) -> Option<String> {
    let name = owner.rsplit_once('的').map_or(owner, |(_, n)| n);
    let name = ["组织", "組織", "团体", "團體", "机构", "機構"]
        .iter()
        .filter_map(|c| name.rsplit_once(c).map(|(_, n)| n))
        .filter(|n| n.chars().count() >= 2)
        .min_by_key(|n| n.len())
        .unwrap_or(name);
    (is_org(name) && name.chars().count() >= 3 && !is_deictic(name)).then(|| name.to_string())
}

/// An active verb of organizing with an event as its object: "…於上月27日在…舉辦「…」國際學術研討會".
static ACTIVE: Transient = Transient::new(|| {
    Regex::new(r"(?P<cue>举办|舉辦|举行|舉行|办理|辦理|主办|主辦|承办|承辦).*(?:会|會|论坛|論壇|峰会|峰會|博览|博覽|展|工作坊|讲座|講座|活动|活動|比赛|比賽)")
        .expect("active regex")
});
/// Where the subject of an active verb ends: a time, place or manner before the verb.
static SUBJECT_END: Transient = Transient::new(|| {
    Regex::new(r"于|於|在|将|將|定期|每年|曾|已|今年|昨|今日|今天|明年|日前|近日|共同|联合|聯合|携手|攜手|会同|會同|举办|舉辦|举行|舉行|办理|辦理|主办|主辦|承办|承辦")
        .expect("subject end regex")
});

/// Where the subject of an active verb ends ([`SUBJECT_END`]), passing over 联合 inside a name (联合国,
/// 聯合研究所, 联合会).
fn subject_end(clause: &str) -> Option<regex::Match<'_>> {
    const NAMED: [&str; 14] = [
        "国",
        "國",
        "会",
        "會",
        "研究",
        "大学",
        "大學",
        "总",
        "總",
        "体",
        "體",
        "办公室",
        "辦公室",
        "学院",
    ];
    SUBJECT_END.get().find_iter(clause).find(|m| {
        !(matches!(m.as_str(), "联合" | "聯合") && NAMED.iter().any(|n| clause[m.end()..].starts_with(n)))
    })
}

/// Words joining a co-organizer to the subject of an active verb.
const TOGETHER: [&str; 6] = ["联合", "聯合", "携手", "攜手", "会同", "會同"];

fn relation(cue: &str) -> Relation {
    match cue {
        // "冠名赞助支持": a sponsorship, whatever support is said with it.
        c if c.contains("赞助") || c.contains("贊助") || c.contains("冠名") => Relation::Sponsor,
        c if c.contains('持') || c.contains("援") || c.contains('导') || c.contains('導') => {
            Relation::Supporter
        }
        c if c.contains("合作") => Relation::Partner,
        // 合办: organized together.
        _ => Relation::Organizer,
    }
}

/// Organizations of a Chinese text with their relation, in order.
pub(super) fn extract(blocks: &[Block]) -> Vec<(String, Relation)> {
    let mut out = Vec::new();
    for p in paragraphs(blocks) {
        // 发 and 起 alone are too common to sift paragraphs by (发展, 一起).
        if !p.contains(|c: char| CUE.contains(c) || ROLE_NOUN.contains(c) || c == '呈' || c == '策')
            && !p.contains("发起")
            && !p.contains("發起")
            && !p.contains(['届', '屆'])
        {
            continue;
        }
        for sentence in sentences(p) {
            // "寻求合作伙伴的难得机会": a role noun inside a quote, or one that describes what follows
            // it (…的), labels no list.
            // Each labelled list on its own ("指导单位为A,主办单位为B"): a list ends before the next role noun.
            let labels: Vec<usize> = ROLE.get().find_iter(sentence).map(|m| m.start()).collect();
            for c in labels.into_iter().filter_map(|at| {
                LABELLED
                    .get()
                    .captures_at(sentence, at)
                    .filter(|c| c.get(0).is_some_and(|m| m.start() == at))
            }) {
                let (Some(list), Some(cue)) = (c.name("list"), c.name("cue")) else {
                    continue;
                };
                if list.as_str().starts_with('的') || quoted::within(&quoted::spans(sentence), cue.start()) {
                    continue;
                }
                let list = ROLE
                    .get()
                    .find(list.as_str())
                    .map_or(list.as_str(), |m| &list.as_str()[..m.start()]);
                let list = list.trim_end_matches([',', '，', ';', '；', '、', ' ']);
                let r = relation(cue.as_str());
                // "主辦單位台北書展基金會特於…舉辦「…」": a label glued to one name before the clause's
                // verb gives the longest name its words start with.
                if c.name("list").is_some_and(|l| l.start() == cue.end())
                    && let Some(end) = subject_end(list)
                {
                    let head = &list[..end.start()];
                    // "主办方、嘉宾和…代表": a label in a list of people present names no one.
                    if !head.starts_with(super::super::zh::is_han) || head.contains(['、', ',', '，']) {
                        continue;
                    }
                    let name = head
                        .char_indices()
                        .map(|(i, ch)| &head[..i + ch.len_utf8()])
                        .rfind(|p| is_org(p));
                    // "主办单位北京大学和清华大学于…": the name may be two joined ones.
                    out.extend(name.into_iter().flat_map(|n| members(n, true)).map(|n| (n, r)));
                    continue;
                }
                out.extend(members(list, true).into_iter().map(|n| (n, r)));
            }
            for c in BARE_LABEL.get().captures_iter(sentence) {
                if let (Some(list), Some(cue)) = (c.name("list"), c.name("cue")) {
                    let r = relation(cue.as_str());
                    out.extend(members(list.as_str(), true).into_iter().map(|n| (n, r)));
                }
            }
            if sentence.contains(['届', '屆']) {
                for m in OWN_EDITION.get().find_iter(sentence) {
                    // The owner: up to 30 characters before the edition, back to a mark or a space.
                    let before = &sentence[..m.start()];
                    let mut start = m.start();
                    for (i, c) in before.char_indices().rev().take(30) {
                        if "，,。；;、：:“”「」『』（）() ".contains(c) {
                            break;
                        }
                        start = i;
                    }
                    let owner = &before[start..];
                    if owner.chars().count() >= 2 {
                        out.extend(edition_owner(owner).map(|n| (n, Relation::Organizer)));
                    }
                }
            }
            let clauses = clauses(sentence);
            // "由A、B,C主辦", "D、E,F承办": a list broken by commas before its cue. Clauses that are
            // nothing but organizations wait for the clause after them, and take its relation when
            // that clause opens with the names its cue governs.
            let mut pending: Vec<String> = Vec::new();
            for (i, clause) in clauses.iter().enumerate() {
                let found = in_clause(clause, &clauses[..i]);
                let opens = !pending.is_empty()
                    && found.first().is_some_and(|(n, _)| {
                        let c = clause.trim_start_matches('由');
                        c.starts_with(n.as_str())
                            || clean(c.split('、').next().unwrap_or(c), true).as_ref() == Some(n)
                    });
                if let Some(&(_, r)) = found.first().filter(|_| opens) {
                    out.extend(pending.drain(..).map(|n| (n, r)));
                } else if found.is_empty() {
                    // Every piece of a list of names ends like one: a cheap test before splitting it.
                    let list = clause.strip_prefix('由').unwrap_or(clause);
                    let names = if clause.chars().count() <= 160
                        && list.split('、').all(|piece| is_org(piece.trim()))
                        && !CUE.split('|').any(|cue| clause.contains(cue))
                    {
                        members(list, false)
                    } else {
                        Vec::new()
                    };
                    if names.is_empty() {
                        pending.clear();
                    }
                    pending.extend(names);
                    continue;
                }
                pending.clear();
                out.extend(found);
            }
        }
    }
    out
}

/// The clauses of a sentence, split at commas and semicolons outside quotation marks and brackets (a
/// name's English form in brackets may hold a comma: 研究中心(Centre on China and the World,CCCW)舉辦).
fn clauses(sentence: &str) -> Vec<&str> {
    let spans = quoted::spans(sentence);
    let mut out = Vec::new();
    let mut start = 0;
    let mut depth = 0usize;
    for (i, c) in sentence.char_indices() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            _ => {}
        }
        let quoted = depth > 0 || spans.iter().any(|s| s.open <= i && i < s.close_end);
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
    // "由A主办、B承办、C协办的…": each part on its own.
    let chain: Vec<usize> = CHAIN.get().find_iter(clause).map(|m| m.end()).collect();
    if !chain.is_empty() {
        let mut out = Vec::new();
        let mut start = 0;
        for end in chain.into_iter().chain(std::iter::once(clause.len())) {
            let part = clause[start..end].trim_end_matches('、');
            out.extend(in_clause(part, earlier));
            start = end;
        }
        return out;
    }
    // "A提供支持", "A独家赞助": support given, or a sole sponsorship, ending the clause.
    if let Some((list, r)) = GIVEN
        .iter()
        .find_map(|(end, r)| clause.strip_suffix(end).map(|list| (list, *r)))
    {
        let names = members(list, true);
        if !names.is_empty() {
            return names.into_iter().map(|n| (n, r)).collect();
        }
    }
    for re in [
        &*BY.get(),
        &*UNDER.get(),
        &*GOT.get(),
        &*AS.get(),
        &*ENDS.get(),
        &*MODIFIER.get(),
    ] {
        if let Some(c) = re.captures(clause) {
            let (Some(list), Some(cue)) = (c.name("list"), c.name("cue")) else {
                continue;
            };
            let names = members(list.as_str(), true);
            if !names.is_empty() {
                let r = relation(cue.as_str());
                return names.into_iter().map(|n| (n, r)).collect();
            }
        }
    }
    // "由A总策划,B执行的…": B organized it with A.
    if earlier
        .last()
        .is_some_and(|e| BY.get().find(e).is_some_and(|m| m.end() == e.len()))
        && let Some(list) = EXECUTED.get().captures(clause).and_then(|c| c.name("list"))
    {
        let names = members(list.as_str(), true);
        if !names.is_empty() {
            return names.into_iter().map(|n| (n, Relation::Organizer)).collect();
        }
    }
    let Some(c) = ACTIVE.get().captures(clause) else {
        return Vec::new();
    };
    let Some(cue) = c.name("cue") else {
        return Vec::new();
    };
    // 舉行: "A今天舉行記者會" holds a press conference, not the event; "在北京舉行的論壇" is held there,
    // not by the subject.
    if matches!(cue.as_str(), "举行" | "舉行") {
        let after = &clause[cue.end()..];
        let press = [
            "记者会",
            "記者會",
            "发布会",
            "發布會",
            "新闻发布会",
            "新聞發布會",
            "记者招待会",
            "記者招待會",
        ]
        .iter()
        .any(|p| after.starts_with(p));
        if press || after.starts_with('的') {
            return Vec::new();
        }
    }
    let end = subject_end(clause);
    let subject = &clause[..end.map_or(cue.start(), |m| m.start())];
    // An earlier clause holds the subject before its own time or place ("A與B將從21日到6月25日,舉辦…").
    let mut names = std::iter::once(subject)
        .chain(earlier.iter().rev().take(3).map(|c| subject_of(c)))
        .map(|s| members(s, false))
        .find(|names| !names.is_empty())
        .unwrap_or_default();
    // "A联合B共同举办", "A携手B举办": the partner named between the subject and the verb.
    if let Some(m) = end
        .filter(|m| !names.is_empty() && TOGETHER.iter().any(|t| m.as_str() == *t) && m.end() <= cue.start())
    {
        let between = clause[m.end()..cue.start()].trim_end_matches("共同");
        names.extend(members(between, false));
    }
    names.into_iter().map(|n| (n, relation(cue.as_str()))).collect()
}

/// A clause up to where its subject ends (a time, place or manner), or the whole clause.
fn subject_of(clause: &str) -> &str {
    match subject_end(clause) {
        Some(m) if m.start() > 0 => &clause[..m.start()],
        _ => clause,
    }
}

/// The names of a list, or none when a member is not an organization: split at 、 and at 和/与/及 where
/// both sides are organizations (中国国家创新与发展战略研究会 is one name). A list that a cue names
/// (由A主办) may hold a forum that is an organization (博鳌亚洲论坛); the subject of an active verb may not.
fn members(list: &str, named_by_cue: bool) -> Vec<String> {
    let list = list.trim_start_matches(['【', '[']).trim();
    // A byline in brackets before the subject: "【記者…報導】外交系…".
    let list = list.rsplit_once(['】', ']']).map_or(list, |(_, rest)| rest);
    // A page's date stamp before the subject: "date 2025-10-05 A與B…".
    let list = without_stamp(list);
    // "A、B等", "A、B等单位", "A等国内九家学术机构": the tail of an open list.
    let list = list.trim_end();
    let tail = OPEN_TAIL.get().find(list);
    // "A、B等单位": the noun of the tail says the members are organizations, whatever their shape.
    let named_by_tail = tail.is_some_and(|m| m.as_str().chars().count() >= 3);
    let list = tail.map_or(list, |m| &list[..m.start()]);
    let mut out = Vec::new();
    for piece in list.split('、') {
        match split_joined(piece, named_by_cue) {
            Some(names) => out.extend(names),
            None if named_by_tail && is_plain_name(piece) => out.push(piece.trim().to_string()),
            // "由A大学…中心、国际教育学院…主办": a school named after its university's body is one of
            // that university's.
            None if named_by_cue && school_after_university(piece, out.last()) => {
                out.push(piece.trim().to_string())
            }
            None => return Vec::new(),
        }
    }
    out
}

/// Whether a member is a school (…学院) listed right after a name that holds a university's (大学).
fn school_after_university(piece: &str, previous: Option<&String>) -> bool {
    let piece = piece.trim();
    (piece.ends_with("学院") || piece.ends_with("學院"))
        && is_plain_name(piece)
        && previous.is_some_and(|p| p.contains("大学") || p.contains("大學"))
}

/// A short name of Han characters (2 to 12) with nothing else in it, for a member of "A、B等单位".
fn is_plain_name(piece: &str) -> bool {
    let n = piece.trim().chars().count();
    (2..=12).contains(&n) && piece.trim().chars().all(super::super::zh::is_han)
}

/// A forum that is an organization by its place in a list a cue names: a name of four characters at
/// least ending in 论坛, without the ordinal of an edition (第五届…论坛 is an event).
fn is_forum_org(name: &str) -> bool {
    (name.ends_with("论坛") || name.ends_with("論壇"))
        && name.chars().count() >= 4
        && name.chars().count() <= 20
        && !name.contains(['第', '届', '屆', '“', '”', '「', '」'])
        && !name.starts_with(['本', '该', '該', '此'])
}

const JOINERS: [&str; 14] = [
    "以及", "和", "与", "與", "及", "同", "跟", "并", "联手", "聯手", "携手", "攜手", "联合", "聯合",
];

/// A piece of a list as one or more organizations joined by 和/与/及, or `None`.
fn split_joined(piece: &str, named_by_cue: bool) -> Option<Vec<String>> {
    for (i, _) in piece.char_indices() {
        let Some(j) = JOINERS.iter().find(|j| piece[i..].starts_with(**j)) else {
            continue;
        };
        // "清华大学联合研究中心", "中国科学院联合实验室": 联合 before a short name is part of it; as a
        // joiner it precedes a whole name of its own.
        if matches!(*j, "联合" | "聯合") && piece[i + j.len()..].chars().count() < 6 {
            continue;
        }
        // "我院与新疆大学法学院承办": the writer's own body beside a named one; the named one stays.
        if is_deictic(&piece[..i]) {
            return split_joined(&piece[i + j.len()..], named_by_cue);
        }
        let left = clean(&piece[..i], named_by_cue);
        if let (Some(left), Some(mut rest)) = (left, split_joined(&piece[i + j.len()..], named_by_cue)) {
            rest.insert(0, left);
            return Some(rest);
        }
    }
    clean(piece, named_by_cue).map(|name| vec![name])
}

/// Kinds of publication after a title in 《》, which make the title the name of a body ("《X》杂志社", a
/// publisher, keeps its whole name).
const MEDIA: [&str; 6] = ["期刊", "杂志", "雜志", "雜誌", "报", "報"];

/// "我院", "本校", "我会": the writer's own body, or the one just named, called by no name.
fn is_deictic(name: &str) -> bool {
    let name = name.trim();
    (2..=3).contains(&name.chars().count()) && name.starts_with(['我', '本', '该', '該'])
}

/// One member as a name: the name in its quotation marks, what follows the last 的, without a leading
/// 我国 or 本; `None` unless it has the shape of an organization.
fn clean(member: &str, named_by_cue: bool) -> Option<String> {
    let member = member.trim();
    // A short form in brackets after the name: "江南航运协会(江航协)", "貿發局﹙TDC﹚" (small brackets).
    let member = match member.strip_suffix([')', '）', '﹚']) {
        Some(rest) => rest.rfind(['(', '（', '﹙']).map_or(member, |i| rest[..i].trim()),
        None => member,
    };
    let is_org = |name: &str| is_org(name) || (named_by_cue && is_forum_org(name));
    // "主办单位为A": a label, not a name (a list read past its end, or 会 of 商会 taken for an event).
    if ROLE.get().is_match(member) {
        return None;
    }
    // "《教育与装备研究》期刊": a journal named by its title, the kind after it.
    if let Some(title) = member
        .strip_prefix('《')
        .and_then(|r| r.split_once('》'))
        .filter(|(t, kind)| !t.is_empty() && MEDIA.contains(&kind.trim()))
        .map(|(t, _)| t.trim())
    {
        return Some(title.to_string());
    }
    // A name in marks; a title in marks inside a longer name (中国社会科学院“一带一路”国际智库) keeps them.
    if let Some(span) = quoted::spans(member).first() {
        let inner = span.inner(member).trim();
        if is_org(inner) {
            return Some(inner.to_string());
        }
        return is_org(member).then(|| member.to_string());
    }
    // A name never spans a comma: in "主辦單位除A外,還有B與C" the member before 與 is what follows the
    // comma (还有B), the clause before it is another one.
    let member = member
        .rsplit_once([',', '，'])
        .map_or(member, |(_, rest)| rest.trim());
    let mut name = member.rsplit_once('的').map_or(member, |(_, n)| n).trim();
    // "中国外文局所属当代中国与世界研究院": the body it belongs to describes the name.
    if let Some((_, rest)) = ["所属", "所屬", "下属", "下屬", "旗下"]
        .iter()
        .filter_map(|w| name.split_once(w))
        .find(|(_, rest)| is_org(rest))
    {
        name = rest;
    }
    // "A等和B": the open tail of a first part.
    name = name.strip_suffix('等').unwrap_or(name);
    // "(X致詞時)特別感謝A共同主辦": A organized it; the name follows the verb of thanks.
    if let Some((_, rest)) = ["感谢", "感謝", "鸣谢", "鳴謝"]
        .iter()
        .filter_map(|v| name.rsplit_once(v))
        .min_by_key(|(_, rest)| rest.len())
    {
        name = rest;
    }
    // "本會委託A辦理": the body commissioned does the work; the one commissioning is named before.
    if let Some((_, rest)) = ["委託", "委托"]
        .iter()
        .filter_map(|v| name.rsplit_once(v))
        .find(|(_, rest)| is_org(rest))
    {
        name = rest;
    }
    // Words before the name: 我国, 本, 并邀请, 由, 还有, or 与 joining it to a label ("主辦單位與A共同
    // 促成"; 和 and 同 stay, as in 和平 and 同济) …
    const BEFORE: [&str; 23] = [
        "还有", "還有", "也有", "我国", "我國", "本校", "该校", "該校", "本", "该", "該", "另外", "此外",
        "并", "並", "还", "還", "邀请", "邀請", "由", "与", "與", "及",
    ];
    while let Some(rest) = BEFORE.iter().find_map(|p| name.strip_prefix(p)) {
        name = rest;
    }
    (!is_deictic(name) && is_org(name)).then(|| name.to_string())
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
    fn a_named_sponsorship_with_support() {
        assert_eq!(
            orgs(
                "由江南华人联合总会主办、Vellco、Orrin Holdings Ltd、江南兴业集团冠名赞助支持,首届峰会在费城开幕。"
            ),
            vec![
                o("江南华人联合总会", Relation::Organizer),
                o("Vellco", Relation::Sponsor),
                o("Orrin Holdings Ltd", Relation::Sponsor),
                o("江南兴业集团", Relation::Sponsor)
            ]
        );
    }

    #[test]
    fn a_title_in_marks_inside_a_name_and_bodies_that_carry_the_event_out() {
        assert_eq!(
            orgs(
                "研讨会由江南市人民政府主办,江南市社科联、江南社会科学院“丝路”国际智库承办,江南大学养蜂研究院执行。"
            ),
            vec![
                o("江南市人民政府", Relation::Organizer),
                o("江南市社科联", Relation::Organizer),
                o("江南社会科学院“丝路”国际智库", Relation::Organizer),
                o("江南大学养蜂研究院", Relation::Organizer)
            ]
        );
    }

    #[test]
    fn a_journal_by_its_title_a_magazine_and_support_ending_a_clause() {
        assert_eq!(
            orgs("会议由江南养蜂研究院主办,江南蜂业网和蜂产品市场杂志承办,《养蜂与装备研究》期刊支持。"),
            vec![
                o("江南养蜂研究院", Relation::Organizer),
                o("江南蜂业网", Relation::Organizer),
                o("蜂产品市场杂志", Relation::Organizer),
                o("养蜂与装备研究", Relation::Supporter)
            ]
        );
        assert_eq!(
            orgs("论坛由《江南蜂业》杂志社主办。"),
            vec![o("《江南蜂业》杂志社", Relation::Organizer)]
        );
    }

    #[test]
    fn a_school_after_its_university_a_lost_dot_and_support_before_the_event() {
        assert_eq!(
            orgs("由江南大学养蜂研究中心、国际教育学院共同主办的“首届养蜂研讨会”在图书馆召开。"),
            vec![
                o("江南大学养蜂研究中心", Relation::Organizer),
                o("国际教育学院", Relation::Organizer)
            ]
        );
        assert_eq!(
            orgs("研討會是由江南養蜂協會、喬治?布什養蜂基金會和江南圖書館基金會聯合舉辦的。"),
            vec![
                o("江南養蜂協會", Relation::Organizer),
                o("喬治?布什養蜂基金會", Relation::Organizer),
                o("江南圖書館基金會", Relation::Organizer)
            ]
        );
        assert_eq!(
            orgs("由江南养蜂协会主办,江南蜂业出版社支持的主题论坛在北京召开。"),
            vec![
                o("江南养蜂协会", Relation::Organizer),
                o("江南蜂业出版社", Relation::Supporter)
            ]
        );
    }

    #[test]
    fn launched_by_support_given_and_a_sole_sponsor() {
        assert_eq!(
            orgs("该论坛由江南商会发起,东港大学承办。"),
            vec![
                o("江南商会", Relation::Organizer),
                o("东港大学", Relation::Organizer)
            ]
        );
        assert_eq!(
            orgs("论坛由江南商会主办,江南银行提供支持。"),
            vec![
                o("江南商会", Relation::Organizer),
                o("江南银行", Relation::Supporter)
            ]
        );
        assert_eq!(
            orgs("论坛由江南商会主办,江南银行独家赞助。"),
            vec![
                o("江南商会", Relation::Organizer),
                o("江南银行", Relation::Sponsor)
            ]
        );
        assert_eq!(
            orgs("活动得到了江南银行、东港大学的大力支持。"),
            vec![
                o("江南银行", Relation::Supporter),
                o("东港大学", Relation::Supporter)
            ]
        );
    }

    #[test]
    fn a_list_broken_by_commas_a_commissioned_body_and_an_organizing_body_by_label() {
        assert_eq!(
            orgs("由江南农业委员会、江南教育委员会,东港市人民政府主辦的首屆座談會在东港舉辦。"),
            vec![
                o("江南农业委员会", Relation::Organizer),
                o("江南教育委员会", Relation::Organizer),
                o("东港市人民政府", Relation::Organizer)
            ]
        );
        // The waiting list takes the cue of a clause that opens with the names it governs, not of one
        // that names the event first.
        assert_eq!(
            orgs("江南商会、东港大学,江南银行提供支持。"),
            vec![
                o("江南商会", Relation::Supporter),
                o("东港大学", Relation::Supporter),
                o("江南银行", Relation::Supporter)
            ]
        );
        assert_eq!(
            orgs("参观了江南商会、东港大学,论坛由江南银行主办。"),
            vec![o("江南银行", Relation::Organizer)]
        );
        assert_eq!(
            orgs("江南委員會表示,本會委託財團法人江南發展研究院辦理之「回顧」研討會將於下週舉行。"),
            vec![o("財團法人江南發展研究院", Relation::Organizer)]
        );
        assert_eq!(
            orgs("“第四屆江南高峰會”主辦機構江南華商聯盟今天稱,高峰會已準備就緒。"),
            vec![o("江南華商聯盟", Relation::Organizer)]
        );
        assert_eq!(
            orgs("總統到場見證,並感謝主辦單位與东港市政府共同促成展會。"),
            vec![o("东港市政府", Relation::Organizer)]
        );
        // 進行 and 承办 are verbs, not a bank or an office.
        assert!(orgs("更邀請到江南新方向顧問王一教授對分組討論進行指導。").is_empty());
    }

    #[test]
    fn holding_by_the_subject_support_received_and_the_owner_of_an_edition() {
        assert_eq!(
            orgs("江南对外交流协会将于下月初舉行「大學校長高峰論壇2024」。"),
            vec![o("江南对外交流协会", Relation::Organizer)]
        );
        // A press conference held, and a forum held somewhere, say nothing of who organized the event.
        assert!(orgs("江南文化委員會今天舉行記者會,宣告論壇將登場。").is_empty());
        assert!(orgs("江南市代表團參與在北京舉行的第三屆高峰論壇。").is_empty());
        assert_eq!(
            orgs("論壇獲江南教育資助委員會支持,並贊助部分支出。"),
            vec![o("江南教育資助委員會", Relation::Supporter)]
        );
        assert_eq!(
            orgs("著名的美國華裔組織江南會第十八屆年會在華盛頓召開。"),
            vec![o("江南會", Relation::Organizer)]
        );
    }

    #[test]
    fn lianhe_inside_a_name_and_a_compound_cue() {
        assert_eq!(
            orgs(
                "date 2025-10-05 江南大學發展聯合研究所（江發所）與民思研究所今日（10月5日）聯合主辦「搭橋」研討會。"
            ),
            vec![
                o("江南大學發展聯合研究所", Relation::Organizer),
                o("民思研究所", Relation::Organizer)
            ]
        );
        assert_eq!(
            orgs("此研討會係由江南科技大學主辦,教育部、江南市政府以及江南醫院共同指導與贊助。"),
            vec![
                o("江南科技大學", Relation::Organizer),
                o("教育部", Relation::Sponsor),
                o("江南市政府", Relation::Sponsor),
                o("江南醫院", Relation::Sponsor)
            ]
        );
    }

    #[test]
    fn the_writers_own_body_is_no_name_and_a_research_base_is_one() {
        assert_eq!(
            orgs(
                "由江南大学主办,我院与东湖大学法学院承办,江南法学会、江南法制保障研究基地共同协办的第四届论坛在东湖举行。"
            ),
            vec![
                o("江南大学", Relation::Organizer),
                o("东湖大学法学院", Relation::Organizer),
                o("江南法学会", Relation::Organizer),
                o("江南法制保障研究基地", Relation::Organizer)
            ]
        );
    }

    #[test]
    fn an_english_name_in_brackets_and_a_counted_tail() {
        // A comma inside the brackets does not end the clause.
        assert_eq!(
            orgs("12月15日,江南大學當代中國研究中心(Centre on Contemporary China,CCC)舉辦了國際研討會。"),
            vec![o("江南大學當代中國研究中心", Relation::Organizer)]
        );
        // "A和B等国内九家学术机构联合主办": the counted tail is no part of B.
        assert_eq!(
            orgs(
                "由江南社会科学院东欧研究所和东湖大学俄罗斯研究中心等国内九家学术机构联合主办的研讨会在东湖举行。"
            ),
            vec![
                o("江南社会科学院东欧研究所", Relation::Organizer),
                o("东湖大学俄罗斯研究中心", Relation::Organizer)
            ]
        );
    }

    // Guards against missing an organizer stated by 总策划 after 由, and one that carried the event out
    // (执行的…) after such a clause.
    #[test]
    fn planned_by_and_carried_out_by() {
        assert_eq!(
            orgs("由「江南·海洋發展聯盟」總策畫,東港永續研究基金會(EPSF)執行的第3屆海洋論壇昨日落幕。"),
            vec![
                o("江南·海洋發展聯盟", Relation::Organizer),
                o("東港永續研究基金會", Relation::Organizer)
            ]
        );
        assert_eq!(
            orgs("本届论坛由江南海洋发展联盟总策划,东港研究基金会执行的系列活动同步举行。"),
            vec![
                o("江南海洋发展联盟", Relation::Organizer),
                o("东港研究基金会", Relation::Organizer)
            ]
        );
        // 执行 without a clause of planning before it states no relation.
        assert!(orgs("江南市政府执行的政策,得到居民欢迎。").is_empty());
    }

    // Guards against missing a sponsor or supporter thanked (感謝A的贊助, 感谢A的大力支持).
    #[test]
    fn thanked_for_sponsoring_or_support() {
        assert_eq!(
            orgs("論壇特別感謝江南航運公司的贊助。"),
            vec![o("江南航運公司", Relation::Sponsor)]
        );
        assert_eq!(
            orgs("主办方感谢江南省人民政府的大力支持。"),
            vec![o("江南省人民政府", Relation::Supporter)]
        );
        assert!(orgs("林海感谢各位嘉宾的支持。").is_empty());
    }

    // Guards against losing a list whose member ends in 智库 (a think tank), a co-organizer thanked
    // (特別感謝A共同主辦), and a member glued to the clause before a comma (主辦單位除A外,還有B與C).
    #[test]
    fn think_tanks_thanked_co_organizers_and_lists_after_a_comma() {
        assert_eq!(
            orgs("此次论坛由江南社会科学院国家高端智库、东港研究院共同主办。"),
            vec![
                o("江南社会科学院国家高端智库", Relation::Organizer),
                o("东港研究院", Relation::Organizer)
            ]
        );
        assert_eq!(
            orgs("林海致詞時特別感謝國立東港大學共同主辦,以及各界的支持。"),
            vec![o("國立東港大學", Relation::Organizer)]
        );
        assert_eq!(
            orgs("主辦單位除江南大學外,還有東港師範大學(Donggang Normal University)與北嶺的海洋大學。"),
            vec![
                o("東港師範大學", Relation::Organizer),
                o("海洋大學", Relation::Organizer)
            ]
        );
    }

    // Guards against missing organizers after 由 with 发起并 or 独家 before the cue, and a list guiding the event
    // at the end of a clause (…,A、B指導).
    #[test]
    fn founded_and_organized_exclusive_sponsors_and_guides_at_the_end() {
        assert_eq!(
            orgs("此次论坛是由江南大学和东港研究院共同发起并主办的。"),
            vec![
                o("江南大学", Relation::Organizer),
                o("东港研究院", Relation::Organizer)
            ]
        );
        assert_eq!(
            orgs("活动由江南银行独家冠名赞助。"),
            vec![o("江南银行", Relation::Sponsor)]
        );
        assert_eq!(
            orgs("論壇由江南基金會主辦,東港大學協辦,海洋委員會、文化部指導。"),
            vec![
                o("江南基金會", Relation::Organizer),
                o("東港大學", Relation::Organizer),
                o("海洋委員會", Relation::Supporter),
                o("文化部", Relation::Supporter)
            ]
        );
    }

    // Guards against reading a labelled list past the next label ("指导单位为A,主办单位为B,承办单位为C") and
    // taking a label for a name.
    #[test]
    fn labelled_lists_in_a_row() {
        assert_eq!(
            orgs("本次峰会的指导单位为江南省商务厅,主办单位为江南国际商会,承办单位为东港会展公司。"),
            vec![
                o("江南省商务厅", Relation::Supporter),
                o("江南国际商会", Relation::Organizer),
                o("东港会展公司", Relation::Organizer)
            ]
        );
        assert_eq!(
            orgs("主办单位:江南国际商会;承办单位:东港会展公司、江南大学"),
            vec![
                o("江南国际商会", Relation::Organizer),
                o("东港会展公司", Relation::Organizer),
                o("江南大学", Relation::Organizer)
            ]
        );
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
    fn forums_chains_support_received_and_bare_labels() {
        assert_eq!(
            orgs("由东海论坛、江南青年联合会和江南科技大学共同主办「东海发展论坛」今日开幕。"),
            vec![
                o("东海论坛", Relation::Organizer),
                o("江南青年联合会", Relation::Organizer),
                o("江南科技大学", Relation::Organizer)
            ]
        );
        assert!(orgs("由第三届东海论坛主办。").is_empty());
        assert_eq!(
            orgs("本届论坛由江南研究会、东湖大学主办,并得到江南科学技术协会的大力支持。"),
            vec![
                o("江南研究会", Relation::Organizer),
                o("东湖大学", Relation::Organizer),
                o("江南科学技术协会", Relation::Supporter)
            ]
        );
        assert_eq!(
            orgs("由江南省政府主办、东港市政府承办、星河集团协办的博览会昨日开幕。"),
            vec![
                o("江南省政府", Relation::Organizer),
                o("东港市政府", Relation::Organizer),
                o("星河集团", Relation::Organizer)
            ]
        );
        assert_eq!(
            orgs("主办：江南航运协会(江航协)、东湖大学 指导：江南省商务厅"),
            vec![
                o("江南航运协会", Relation::Organizer),
                o("东湖大学", Relation::Organizer),
                o("江南省商务厅", Relation::Supporter)
            ]
        );
        assert_eq!(
            orgs("论坛由江南商会、东湖大学等单位联合主办。"),
            vec![
                o("江南商会", Relation::Organizer),
                o("东湖大学", Relation::Organizer)
            ]
        );
        assert_eq!(
            orgs("江南航运协会联合东湖大学共同举办航运论坛。"),
            vec![
                o("江南航运协会", Relation::Organizer),
                o("东湖大学", Relation::Organizer)
            ]
        );
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

    #[test]
    fn a_role_noun_in_a_quote_or_before_de_labels_nothing() {
        assert!(orgs("他认为:“博览会是寻求合作伙伴的难得机会,江南商会也会参加。”").is_empty());
        assert!(orgs("博览会为企业提供了寻找合作伙伴的宝贵机会。").is_empty());
    }

    #[test]
    fn a_school_of_a_university_organizes() {
        assert_eq!(
            orgs("研讨会由江南研究院主办,东湖大学历史与文化学院承办。"),
            vec![
                o("江南研究院", Relation::Organizer),
                o("东湖大学历史与文化学院", Relation::Organizer)
            ]
        );
    }

    #[test]
    fn initiated_and_organized_and_a_subject_before_its_time() {
        assert_eq!(
            orgs("江海论坛每两年举行一次,是江南省政协发起并主办的,今年是第三届。"),
            vec![o("江南省政协", Relation::Organizer)]
        );
        assert_eq!(
            orgs("本期论坛由江南省科协主办,東港市僑聯承辦。"),
            vec![
                o("江南省科协", Relation::Organizer),
                o("東港市僑聯", Relation::Organizer)
            ]
        );
        assert_eq!(
            orgs("東港文化協會與海峽研究院將從10日到8月20日,舉辦3場「東港論壇」系列活動。"),
            vec![
                o("東港文化協會", Relation::Organizer),
                o("海峽研究院", Relation::Organizer)
            ]
        );
    }

    #[test]
    fn hand_in_hand_presented_and_units_of_any_shape() {
        assert_eq!(
            orgs("由江南商会、东湖贸易中心协会携手主办,海城市贸促会承办的本届圆桌会议今日举行。"),
            vec![
                o("江南商会", Relation::Organizer),
                o("东湖贸易中心协会", Relation::Organizer),
                o("海城市贸促会", Relation::Organizer)
            ]
        );
        assert_eq!(
            orgs("會議由江南研究院聯手東港大學共同呈現。"),
            vec![
                o("江南研究院", Relation::Organizer),
                o("東港大學", Relation::Organizer)
            ]
        );
        assert_eq!(
            orgs("由江南省发展委员会、科学技术部等和东港市人民政府共同主办的大会今日开幕。"),
            vec![
                o("江南省发展委员会", Relation::Organizer),
                o("科学技术部", Relation::Organizer),
                o("东港市人民政府", Relation::Organizer)
            ]
        );
        assert_eq!(
            orgs("由江南测试委员会 (JTC) 主办,东港计算中心、海星科技等单位共同承办的第三届大会在东港举行。"),
            vec![
                o("江南测试委员会", Relation::Organizer),
                o("东港计算中心", Relation::Organizer),
                o("海星科技", Relation::Organizer)
            ]
        );
    }

    #[test]
    fn the_body_a_name_belongs_to_joined_hosts_a_glued_label_and_small_brackets() {
        assert_eq!(
            orgs(
                "11月2日,由江南外文局所属当代世界研究院联合东湖大学战略研究中心、南洋大学东亚研究所主办的思想论坛在南洋举办。"
            ),
            vec![
                o("当代世界研究院", Relation::Organizer),
                o("东湖大学战略研究中心", Relation::Organizer),
                o("南洋大学东亚研究所", Relation::Organizer),
            ]
        );
        assert_eq!(
            orgs("為了分享經驗,主辦單位江南書展基金會特於會議期間舉辦「書展主席高峰論壇」。"),
            vec![o("江南書展基金會", Relation::Organizer)]
        );
        assert_eq!(
            orgs("由港府及貿發局﹙TDC﹚合辦的「亞洲金融論壇」將於1月26日舉行。"),
            vec![o("港府", Relation::Organizer), o("貿發局", Relation::Organizer)]
        );
        // 联合 before a short name is part of it; a glued label may give two joined names.
        assert_eq!(
            orgs("由清华大学联合研究中心主办的论坛在北京举行。"),
            vec![o("清华大学联合研究中心", Relation::Organizer)]
        );
        assert_eq!(
            orgs("主办单位北京大学和清华大学于5月举办论坛。"),
            vec![
                o("北京大学", Relation::Organizer),
                o("清华大学", Relation::Organizer)
            ]
        );
        // A label among the people present names no one; a capital city is no organization.
        assert!(orgs("会议主办方、嘉宾和各国驻华使馆代表共同见证了论坛启动仪式。").is_empty());
        assert!(orgs("由首府举办的论坛。").is_empty());
        assert!(orgs("由中国最高学府举办的论坛。").is_empty());
    }

    #[test]
    fn a_sponsorship_in_full_and_a_student_federation() {
        assert_eq!(
            orgs("论坛由江南论坛委员会主办,江南基金全额赞助。"),
            vec![
                o("江南论坛委员会", Relation::Organizer),
                o("江南基金", Relation::Sponsor)
            ]
        );
        assert_eq!(
            orgs("论坛由江南學聯承辦。"),
            vec![o("江南學聯", Relation::Organizer)]
        );
    }

    #[test]
    fn a_party_school_and_a_body_that_undertakes_the_work_itself() {
        assert_eq!(
            orgs("本次论坛由江南研究中心、省委党校主办,江南文化集团具体承办。"),
            vec![
                o("江南研究中心", Relation::Organizer),
                o("省委党校", Relation::Organizer),
                o("江南文化集团", Relation::Organizer)
            ]
        );
    }
}
