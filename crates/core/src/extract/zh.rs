//! The shapes of Chinese names: people (a surname and one or two characters, after the role they are
//! glued to: 系主任鄭欽模 → 鄭欽模) and organizations (a run ending in 协会, 大学, 公司, 委员会, 部, 局, 中心,
//! 研究院, 基金会, 联盟 …; 研讨会 and 论坛 are events, not organizations). Simplified and traditional forms
//! are both listed, so either script reads the same.

use std::sync::LazyLock;

use super::text::{WordSet, in_set, words};
use crate::text::{Script, script};

/// Common family names, simplified and traditional, without characters that are more often function
/// words (于 和 由 与 同).
const SURNAMES: &str = "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖萧蕭\
田董袁潘蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹薛闫閻段雷侯龙龍史陶\
黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯常温溫康施文牛樊葛邢安齐齊易乔喬伍庞龐颜顏倪庄莊聂聶章鲁魯岳翟殷詹申欧歐耿关關\
兰蘭焦俞左柳甘祝包宁寧尚符舒阮柯纪紀梅童凌毕畢单單季裴霍涂成苗谷盛曲翁冉骆駱蓝藍路游辛靳管柴蒙鲍鮑华華喻祁蒲房滕屈饶饒解牟艾尤\
阳陽穆农農司卓古吉缪繆简簡车車项項连連芦蘆麦麥褚娄婁窦竇戚岑景党黨宫宮费費卜冷晏席卫衛米柏宗瞿桂全佟应應臧闵閔苟邬鄔边邊卞姬\
师師仇栾欒隋商刁沙荣榮巫寇桑郎甄丛叢仲虞敖巩鞏佘池查麻苑迟遲邝鄺官封谈談匡鞠惠荆荊冀郁胥班储儲栗燕楚鄢劳勞奚皮粟冼蔺藺楼樓\
盘盤满滿闻聞厉厲伊郜阚闞权權帅帥屠朴盖蓋练練廉禹井祖漆巴丰支卿狄计計索宣晋晉初门門云雲容扈晁芮普阙闕浦戈伏鹿薄邸雍辜羊乌烏\
母裘亓修邰赫杭况況宿鲜鮮印逯隆茹诸諸战戰慕危亢嵇湛宾賓戎勾茅揭尉冶束檀衣展昝智幸奉植衡富尧堯";

/// Two-character family names.
const COMPOUND_SURNAMES: &str =
    "欧阳 歐陽 司马 司馬 诸葛 諸葛 上官 东方 東方 慕容 令狐 皇甫 尉迟 尉遲 公孙 公孫 夏侯 司徒 端木";

/// Titles and roles a name is glued to ("校长张三", "外交部发言人李四"); the name follows the last one.
static TITLES: LazyLock<WordSet> = LazyLock::new(|| {
    words(
        "校长 校長 副校长 副校長 会长 會長 副会长 副會長 候任会长 主任 系主任 院长 院長 副院长 副院長 所长 所長 主席 副主席 \
         书记 書記 部长 部長 副部长 副部長 局长 局長 厅长 廳長 市长 市長 副市长 副市長 省长 省長 县长 縣長 区长 區長 委员 委員 \
         代表 大使 公使 领事 領事 总统 總統 副总统 副總統 总理 總理 首相 总裁 總裁 副总裁 副總裁 董事长 董事長 总经理 總經理 \
         经理 經理 理事长 理事長 秘书长 秘書長 教授 副教授 研究员 研究員 专家 專家 学者 學者 主编 主編 记者 記者 发言人 發言人 \
         负责人 負責人 创始人 創辦人 创办人 院士 博士 老师 老師 同学 同學 学生 學生 执行长 執行長 处长 處長 科长 科長 司长 司長 \
         署长 署長 议员 議員 立委 委员长 委員長 顾问 顧問 总监 總監 主任委员 主委 组长 組長 队长 隊長 团长 團長 馆长 館長 \
         参赞 參贊 特使 省委书记 市委书记 董事 监事 監事 会员 會員 常委 政委 大法官 主持人 嘉宾 嘉賓 代表处代表 \
         财长 財長 外长 外長 防长 防長 行长 行長 社长 社長 总干事 總幹事 总编辑 總編輯 总编 總編 律师 律師 医生 醫生 \
         参展商 參展商 市民 居民 村民 游客 遊客 观众 觀眾 家长 家長 厂长 廠長 镇长 鎮長 乡长 鄉長 村长 村長 \
         经济学家 經濟學家 科学家 科學家 企业家 企業家 分析师 分析師 合伙人 合夥人 执行官 執行官 工程师 工程師 \
         理事 秘书 秘書 助理 主管 行政长官 行政長官 特首 议长 議長 州长 州長 检察长 檢察長 讲师 講師 作家 导演 導演 \
         设计师 設計師 建筑师 建築師 站长 站長 台长 臺長 台長 首席",
    )
});

/// Endings of organization names.
static ORG_ENDINGS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    "协会 協會 学会 學會 研究会 研究會 委员会 委員會 基金会 基金會 商会 商會 联合会 聯合會 促进会 促進會 总会 總會 工会 工會 \
     理事会 理事會 会 會 大学 大學 学院 學院 学系 學系 学校 學校 研究院 研究所 中心 实验室 實驗室 公司 集团 集團 银行 銀行 \
     企业 企業 政府 部 局 厅 廳 署 处 處 办公室 辦公室 委 院 所 社 报 報 电视台 電視台 网 網 组织 組織 联盟 聯盟 机构 機構 \
     基金 智库 智庫 研究基地 杂志 雜志 雜誌 期刊 党 黨 政协 政協 人大 科协 科協 社科联 社科聯 侨联 僑聯 妇联 婦聯 文联 文聯 青联 青聯 台联 台聯 残联 殘聯 学联 學聯 作协 作協 党校 黨校 馆 館 办 辦 厂 廠 团 團 组 組 系 台 行 室 站 司 处 军 軍"
        .split_whitespace()
        .collect()
});

/// The last characters of [`ORG_ENDINGS`] and of the governments' short forms: a cheap first test.
static ORG_LAST: LazyLock<std::collections::HashSet<char>> = LazyLock::new(|| {
    ORG_ENDINGS
        .iter()
        .chain(GOVERNMENTS.iter())
        .filter_map(|e| e.chars().next_back())
        .collect()
});

/// Whether `name` may be an organization by its last character alone, a cheap first test of
/// [`is_org`]; Latin names always may.
fn may_be_org(name: &str) -> bool {
    name.chars()
        .next_back()
        .is_some_and(|c| !is_han(c) || ORG_LAST.contains(&c))
}

/// Governments called by their place's one-character short form.
const GOVERNMENTS: [&str; 8] = ["港府", "澳府", "市府", "省府", "县府", "縣府", "华府", "華府"];

/// Endings that make a run an event, not an organization, though it ends in 会 or 院.
const EVENT_ENDINGS: &str = "研讨会 研討會 博览会 博覽會 展览会 展覽會 交易会 交易會 峰会 峰會 大会 大會 年会 年會 论坛 論壇 \
会议 會議 晚会 晚會 座谈会 座談會 发布会 發布會 洽谈会 洽談會 运动会 運動會 工作会 讨论会 討論會 见面会 見面會 报告会 報告會 \
交流会 交流會 推介会 推介會 茶话会 茶話會 庆典 慶典 活动 活動 开幕式 開幕式 学院 學院";

/// Whether `c` is a Han character.
pub(crate) fn is_han(c: char) -> bool {
    script(c) == Script::Han
}

fn is_surname(s: &str) -> bool {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => SURNAMES.contains(c),
        _ => COMPOUND_SURNAMES.split(' ').any(|c| c == s),
    }
}

/// A person's name at the end of `pre` (what stands before a speech verb), with the role before it:
/// after the last title ("系主任鄭欽模" → 鄭欽模, role 系主任), else the last two or three characters
/// starting with a family name ("外交與國際二林璉宛" → 林璉宛), else a name in Latin letters.
pub(crate) fn person_at_end(pre: &str) -> Option<(String, Option<String>)> {
    let pre = pre.trim();
    // An honorific after the name (会长吴海龙先生, 主席斯蒂芬·欧伦斯女士) is no part of it, unless the name
    // is a family name alone (张先生).
    // "他向溫多娜稱", "他向記者王明先生表示": the one spoken to, after 向/对/跟 (and a title), is no speaker.
    let spoken_to = |(_, role): &(String, Option<String>)| {
        role.as_ref().is_some_and(|r| {
            r.ends_with(['向', '对', '對', '跟'])
                || (r.starts_with(['他', '她']) && r.contains(['向', '对', '對', '跟']))
        })
    };
    if let Some(bare) = HONORIFICS.iter().find_map(|h| pre.strip_suffix(h))
        && let Some(person) = name_at_end(bare).filter(|(name, _)| name.chars().count() >= 2)
    {
        return (!spoken_to(&person)).then_some(person);
    }
    name_at_end(pre).filter(|p| !spoken_to(p))
}

/// Words of courtesy that follow a name.
const HONORIFICS: [&str; 3] = ["先生", "女士", "小姐"];

/// [`person_at_end`] without looking for an honorific.
fn name_at_end(pre: &str) -> Option<(String, Option<String>)> {
    let chars: Vec<(usize, char)> = pre.char_indices().collect();
    let n = chars.len();
    if n == 0 {
        return None;
    }
    // A name in Latin letters: "Prof. Ann Lee说".
    if !is_han(chars[n - 1].1) {
        let start = pre
            .char_indices()
            .rev()
            .find(|&(_, c)| is_han(c) || matches!(c, '，' | '、' | '：' | '。'))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let name = pre[start..].trim();
        let ok = name.chars().next().is_some_and(char::is_uppercase) && name.contains(' ');
        let role = pre[..start].trim();
        return ok.then(|| (name.to_string(), (!role.is_empty()).then(|| role.to_string())));
    }
    if let Some(person) = dotted_at_end(pre) {
        return Some(person);
    }
    let han_tail = chars.iter().rev().take_while(|(_, c)| is_han(*c)).count();
    // "据江南商会会长": the preposition of 据X介绍 is no part of the role.
    let role_of = |start: usize| {
        let role = pre[..start].trim_start_matches(['，', '、', ',']).trim();
        let role = role.strip_prefix(['据', '據']).unwrap_or(role);
        (!role.is_empty()).then(|| role.to_string())
    };
    // After a title: the two to four characters that follow it, which are no pronoun phrase (作为学者的她)
    // nor a time clause (接受记者采访时), and do not end in a preposition (副校长周明远在).
    for len in 2..=4.min(han_tail) {
        let start = chars[n - len].0;
        let name = &pre[start..];
        if ends_with_title(&pre[..start])
            && !name.contains(['的', '他', '她'])
            && !name.ends_with(['时', '時', '在', '于', '於', '对', '對', '向'])
            && !name.ends_with(FUNCTION_ENDS)
        {
            return Some((pre[start..].to_string(), role_of(start)));
        }
    }
    // A family name and a title of three or four characters (鄭理事長, 欧阳秘书长): a person named so.
    for len in [5, 4] {
        if len > han_tail {
            continue;
        }
        let start = chars[n - len].0;
        let name = &pre[start..];
        let titled = [2, 1].into_iter().any(|k| {
            let family = first_chars(name, k);
            is_surname(family) && TITLES.contains(&name[family.len()..])
        });
        if titled {
            return Some((name.to_string(), role_of(start)));
        }
    }
    // No title: a family name two or three characters from the end, not after a number (成立10周年).
    for len in [3, 2] {
        if len > han_tail {
            continue;
        }
        let start = chars[n - len].0;
        if pre[..start].ends_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let name = &pre[start..];
        // "四百余宗亲": 余 after a numeral means "more than", not the family name Yu, and what follows
        // it is what is counted.
        let numeral = |s: &str| {
            s.ends_with(|c: char| c.is_ascii_digit() || "〇一二两三四五六七八九十百千万".contains(c))
        };
        let before = &pre[..start];
        if (name.starts_with('余') && numeral(before))
            || before.strip_suffix(['余', '多']).is_some_and(numeral)
        {
            continue;
        }
        if (is_surname(first_chars(name, 1)) || is_surname(first_chars(name, 2)))
            && !name.ends_with(FUNCTION_ENDS)
        {
            return Some((name.to_string(), role_of(start)));
        }
    }
    None
}

/// Adverbs and auxiliaries that end a predicate's first words, never a given name ("商会将于…": 商会将 is
/// no person).
const FUNCTION_ENDS: [char; 10] = ['将', '將', '也', '还', '還', '已', '都', '则', '則', '就'];

/// Whether `c` joins the parts of a transliterated name (罗伯特·西蒙).
pub(crate) fn is_name_dot(c: char) -> bool {
    matches!(c, '·' | '•' | '‧' | '・')
}

/// A transliterated name with a dot at the end of `pre` (江南大学教授罗伯特·西蒙 → 罗伯特·西蒙): its parts
/// are Han, the first follows a title or opens `pre`, and it is at most four characters long.
fn dotted_at_end(pre: &str) -> Option<(String, Option<String>)> {
    let start = pre
        .char_indices()
        .rev()
        .find(|&(_, c)| !is_han(c) && !is_name_dot(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let run = &pre[start..];
    let dot = run.find(is_name_dot)?;
    if run.ends_with(is_name_dot) || run.starts_with(is_name_dot) {
        return None;
    }
    // The last part ends the name: an adverbial after it (·阿里在开幕式上) is not part of it.
    let last = run.rsplit(is_name_dot).next().unwrap_or("");
    if last.chars().count() > 6
        || last
            .char_indices()
            .any(|(i, c)| i > 0 && matches!(c, '在' | '于' | '於' | '对' | '對' | '向'))
    {
        return None;
    }
    let first = &run[..dot];
    let n = first.chars().count();
    let name_at = (1..=4.min(n))
        .map(|k| first.char_indices().nth(n - k).map_or(0, |(i, _)| i))
        .find(|&i| i > 0 && ends_with_title(&first[..i]))
        .or_else(|| (n <= 4 && pre[..start].trim().is_empty()).then_some(0))?;
    let role = pre[..start + name_at]
        .trim_start_matches(['，', '、', ','])
        .trim();
    Some((
        run[name_at..].to_string(),
        (!role.is_empty()).then(|| role.to_string()),
    ))
}

/// A name glued to the title before it, followed by a short adverbial before the speech verb
/// (国务院副总理丁薛祥视像致辞时 → 丁薛祥): the longest start of `pre`, cut at most eight characters short,
/// that ends in two or three characters after a title, the first a family name.
pub(crate) fn titled_person_within(pre: &str) -> Option<(String, Option<String>)> {
    let ends: Vec<usize> = pre.char_indices().map(|(i, _)| i).rev().take(8).collect();
    ends.into_iter().find_map(|end| {
        let head = &pre[..end];
        let tail = head.char_indices().rev().take(3).map(|(i, _)| i);
        tail.skip(1)
            .find(|&start| {
                let name = &head[start..];
                name.chars().all(is_han)
                    && (is_surname(first_chars(name, 1)) || is_surname(first_chars(name, 2)))
                    && ends_with_title(&head[..start])
            })
            .map(|start| {
                let role = head[..start].trim_start_matches(['，', '、', ',']).trim();
                (
                    head[start..].to_string(),
                    (!role.is_empty()).then(|| role.to_string()),
                )
            })
    })
}

/// Whether `s` is a title and nothing else (首相, 校长).
pub(crate) fn is_title(s: &str) -> bool {
    in_set(&TITLES, s)
}

/// Whether `s` ends with a title (of one to six characters).
pub(crate) fn ends_with_title(s: &str) -> bool {
    s.char_indices()
        .rev()
        .take(6)
        .any(|(i, _)| TITLES.contains(&s[i..]))
}

/// The first `n` characters of `s`.
fn first_chars(s: &str, n: usize) -> &str {
    let end = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
    &s[..end]
}

/// Whether `name` has the shape of an organization: it ends in an organization word and not in an event
/// word, or it is written in Latin letters with a capital.
pub(crate) fn is_org(name: &str) -> bool {
    let n = name.chars().count();
    if !(2..=40).contains(&n) || !may_be_org(name) {
        return false;
    }
    // A government by its place's one-character short form: 港府, 市府, 省府, 縣府, 華府.
    if GOVERNMENTS.contains(&name) {
        return true;
    }
    if !name.chars().any(is_han) {
        return name.chars().next().is_some_and(char::is_uppercase);
    }
    // 科学院 is an academy (中国社会科学院), and a 学院 of a university is a school, though 学院 may end
    // an event's name.
    let academy = name.ends_with("科学院")
        || name.ends_with("科學院")
        || ((name.ends_with("学院") || name.ends_with("學院"))
            && (name.contains("大学") || name.contains("大學")));
    if !academy && EVENT_ENDINGS.split(' ').any(|e| name.ends_with(e)) {
        return false;
    }
    // "数千名代表与会": 会 of a verb (attend a meeting), not of an association.
    // 两岸关系 is a relation, not a department (系). "…进行", "…承办": 行 and 办 of a verb (carry out,
    // undertake), not a bank or an office.
    if [
        "与会", "與會", "参会", "參會", "开会", "開會", "入会", "入會", "关系", "關係", "进行", "進行",
        "举行", "舉行", "执行", "執行", "主办", "主辦", "承办", "承辦", "协办", "協辦", "合办", "合辦",
    ]
    .iter()
    .any(|e| name.ends_with(e))
    {
        return false;
    }
    ORG_ENDINGS
        .iter()
        .any(|e| name.ends_with(e) && e.chars().count() < n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(pre: &str) -> Option<String> {
        person_at_end(pre).map(|(name, _)| name)
    }

    #[test]
    fn what_follows_a_numeral_and_yu_is_counted_not_named() {
        assert_eq!(person("约有四百余宗亲"), None);
        assert_eq!(person("共有十多宗亲"), None);
        // 余 opening a name elsewhere is the family name.
        assert_eq!(person("会长余光中"), Some("余光中".into()));
    }

    #[test]
    fn names_after_titles_or_by_family_name() {
        assert_eq!(person("校長張家宜"), Some("張家宜".into()));
        assert_eq!(
            person_at_end("外交與國際系系主任鄭欽模").and_then(|p| p.1),
            Some("外交與國際系系主任".into())
        );
        assert_eq!(
            person("莫斯科台北經濟文化協調委院會駐台北代表處代表紀柏梁"),
            Some("紀柏梁".into())
        );
        assert_eq!(person("外交與國際二林璉宛"), Some("林璉宛".into()));
        assert_eq!(person("记者王欢"), Some("王欢".into()));
        assert_eq!(person("主持人Prof. Ann Lee"), Some("Prof. Ann Lee".into()));
        assert_eq!(person("大家"), None);
        assert_eq!(person("东港成立10周年"), None);
        assert_eq!(person("而作为历史学者的她"), None);
        assert_eq!(person("闭幕式上欧阳秘书长"), Some("欧阳秘书长".into()));
        assert_eq!(person("江南协会理事長"), None);
        assert_eq!(person("林海在会议间隙接受記者採訪時"), None);
        assert_eq!(
            titled_person_within("江南省副省长赵明远视像致辞时").map(|p| p.0),
            Some("赵明远".into())
        );
        assert_eq!(titled_person_within("大会邀请嘉宾视像致辞时"), None);
    }

    #[test]
    fn organizations_by_their_ending() {
        for org in [
            "清华大学人工智能国际治理研究院",
            "联合国开发计划署",
            "國科會",
            "外交與國際關係學系",
            "广州市人民政府",
            "Banaras Hindu University",
            "江南社会科学院国家高端智库",
        ] {
            assert!(is_org(org), "{org}");
        }
        for not in [
            "第十四届东京-北京论坛",
            "国际学术研讨会",
            "官方媒体",
            "部",
            "上海",
        ] {
            assert!(!is_org(not), "{not}");
        }
    }
}
