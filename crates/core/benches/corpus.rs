//! The synthetic corpus the benches share: `n` fictional briefings, the same on every run, and the commands
//! they are timed with.

use std::fmt::Write as _;
use std::path::Path;

const WORDS: &[&str] = &[
    "digital",
    "economy",
    "security",
    "cloud",
    "data",
    "policy",
    "trade",
    "energy",
    "port",
    "logistics",
    "cooperation",
    "network",
    "infrastructure",
    "finance",
    "banking",
    "transport",
    "innovation",
    "research",
    "education",
    "health",
    "climate",
    "industry",
    "software",
    "market",
    "regional",
    "cross-border",
    "standards",
    "privacy",
    "identity",
    "payments",
    "satellite",
    "telecom",
    "governance",
    "supply",
    "chain",
    "skills",
];
const PLACES: &[&str] = &[
    "Shanghai",
    "Moscow",
    "Singapore",
    "Nairobi",
    "Lisbon",
    "Almaty",
    "Jakarta",
    "Lima",
];
const PEOPLE: &[&str] = &[
    "Ana Lima",
    "Wei Zhang",
    "Olga Petrova",
    "Kofi Mensah",
    "Ravi Iyer",
    "Sara Costa",
];

/// A deterministic pseudo-random stream, so every run benches the same corpus.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 as usize
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.next() % xs.len()]
    }
    fn sentence(&mut self, words: usize) -> String {
        let mut s: String = (0..words).map(|_| self.pick(WORDS)).collect::<Vec<_>>().join(" ");
        s[..1].make_ascii_uppercase();
        s.push('.');
        s
    }
}

/// Writes `n` fictional briefings into `dir`: nine in ten with full front matter, one in ten a raw article.
pub fn corpus(dir: &Path, n: usize) {
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    for i in 0..n {
        let place = rng.pick(PLACES);
        let year = 2000 + i % 26;
        let topic = format!("{} {}", rng.pick(WORDS), rng.pick(WORDS));
        let body: Vec<String> = (0..6)
            .map(|_| (0..4).map(|_| rng.sentence(12)).collect::<Vec<_>>().join(" "))
            .collect();
        let speaker = rng.pick(PEOPLE);
        let text = if i % 10 == 9 {
            format!(
                "Synthetic {topic} forum {i} in {place}\n\n{speaker}, the chair of the synthetic board, said \"{}\"\n\nThe forum was sponsored by the Synthetic Fund {i} and Example Group.\n\n{}\n",
                rng.sentence(14),
                body.join("\n\n")
            )
        } else {
            let mut fm = String::new();
            let _ = write!(
                fm,
                "+++\ntitle = \"Synthetic {topic} summit {i} (fictional)\"\nevent = \"Synthetic Summit {i}\"\ndate = {year}-{:02}-{:02}\nlocation = \"{place}\"\ntheme = \"{}\"\ntags = [\"{}\", \"{}\"]\nsummary = \"{}\"\n",
                1 + i % 12,
                1 + i % 28,
                rng.sentence(5).trim_end_matches('.'),
                rng.pick(WORDS),
                rng.pick(WORDS),
                rng.sentence(20)
            );
            // Top-level keys go before the first [[table]], or TOML files them under it.
            let _ = writeln!(
                fm,
                "topics = [\"{topic}\", \"{}\", \"{}\"]",
                rng.sentence(4),
                rng.sentence(4)
            );
            for _ in 0..2 {
                let _ = write!(
                    fm,
                    "[[quotes]]\ntext = \"{}\"\nspeaker = \"{}\"\nrole = \"Minister of Synthetic Affairs\"\n",
                    rng.sentence(18),
                    rng.pick(PEOPLE)
                );
            }
            let _ = write!(
                fm,
                "[[sponsors]]\nname = \"Synthetic Fund {i}\"\nrelation = \"sponsor\"\n"
            );
            let _ = write!(
                fm,
                "[[sponsors]]\nname = \"Example Group\"\nrelation = \"organizer\"\n"
            );
            fm.push_str("+++\n\n");
            fm + body.join("\n\n").as_str()
        };
        let ext = if i % 10 == 9 { "txt" } else { "md" };
        std::fs::write(dir.join(format!("synthetic-{i:05}.{ext}")), text).expect("write corpus");
    }
}

/// Commands of every kind, over the 10k corpus.
pub const COMMANDS: &[&str] = &[
    "help",
    "help sponsors",
    "status",
    "events",
    "events security 2018",
    "briefing synthetic-summit-4242",
    "summary synthetic-00042",
    "topics synthetic-00042",
    "sponsors synthetic-00042",
    "quotes synthetic-00042",
    "quotes speaker:\"Wei Zhang\"",
    "search digital economy",
    "search cloud security banking",
    "search synth",
    "summary synthetic summit 4242",
    "summary synthtic-00042",
    "digest synthetic-00042",
];
