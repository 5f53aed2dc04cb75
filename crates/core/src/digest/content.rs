//! What gets posted, and the stable fingerprints that name it: post keys and content versions.
//!
//! Keys and versions are stored in the ledger and compared after restarts and upgrades, so they are SHA-256
//! based (never `std`'s hasher, whose output may change between Rust releases) and must not change form.

use std::fmt::Write as _;

use chrono::{DateTime, Utc};
use sha2::{Digest as _, Sha256};

use std::sync::Arc;

use crate::card;
use crate::config::Config;
use crate::i18n::{Lang, code};
use crate::model::Briefing;
use crate::response::{Block, Inline, Response};
use crate::store::Snapshot;
use crate::tr_inline;

use super::poster::PostKey;
use crate::target::Target;

/// An announcement's summary is cut to about this many characters.
const ANNOUNCE_SUMMARY_CHARS: usize = 280;

/// What a post is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PostKind {
    /// A run of a scheduled digest.
    Digest,
    /// A new briefing, announced once per target.
    Announce,
    /// `digest <event> [target]`, asked for by a moderator.
    Manual,
}

impl PostKind {
    pub fn code(self) -> &'static str {
        match self {
            PostKind::Digest => "digest",
            PostKind::Announce => "announce",
            PostKind::Manual => "manual",
        }
    }

    pub fn from_code(code: &str) -> Option<PostKind> {
        [PostKind::Digest, PostKind::Announce, PostKind::Manual]
            .into_iter()
            .find(|k| k.code() == code)
    }

    /// The content of this kind of post for `b`, as of now, linking to the briefing's page when the
    /// config gives a public URL.
    pub fn content(self, b: &Arc<Briefing>, snapshot: &Snapshot, config: &Config) -> Response {
        let lang = config.language;
        // The version in the language posts are written in, when there is one.
        let b = &snapshot.localized(b, lang);
        let mut content = match self {
            PostKind::Digest | PostKind::Manual => digest_card(lang, b),
            PostKind::Announce => announcement(lang, b),
        };
        if let Some(url) = config.http.as_ref().and_then(|h| h.page_url(&b.id)) {
            content.blocks.push(card::page_link(lang, url));
        }
        content.in_lang(lang)
    }
}

/// The digest card: what `digest <event>` posts and what a scheduled run posts for each briefing.
pub fn digest_card(lang: Lang, b: &Briefing) -> Response {
    Response::answer(card::card(lang, b))
}

/// The short card announcing a new briefing.
pub fn announcement(lang: Lang, b: &Briefing) -> Response {
    let mut blocks = vec![
        Block::Note {
            text: tr_inline!(lang, "announce-new"),
        },
        card::title(b),
    ];
    let facts = card::facts(lang, b);
    if !matches!(&facts, Block::Fields { fields } if fields.is_empty()) {
        blocks.push(facts);
    }
    if let Some(summary) = &b.summary {
        blocks.push(Block::Paragraph {
            text: Inline::plain(card::shorten(summary, ANNOUNCE_SUMMARY_CHARS)),
        });
    }
    blocks.push(Block::Note {
        text: tr_inline!(
            lang,
            "announce-more",
            command = code(format!("briefing {}", b.id))
        ),
    });
    Response::answer(blocks)
}

/// A key from its parts; each part is length-prefixed so no two different part lists collide.
pub(crate) fn key(parts: &[&str]) -> PostKey {
    let digest = hash(parts);
    PostKey(hex(&digest[..PostKey::LEN / 2]))
}

/// The key of a scheduled digest's post of `briefing` to `target` for the run at `slot`.
pub fn digest_key(digest: &str, slot: DateTime<Utc>, target: &Target, briefing: &str) -> PostKey {
    key(&[
        "digest",
        digest,
        &slot.timestamp().to_string(),
        &target.to_string(),
        briefing,
    ])
}

/// The key of the announcement of `briefing` to `target`: one per briefing and target, ever.
pub fn announce_key(target: &Target, briefing: &str) -> PostKey {
    key(&["announce", &target.to_string(), briefing])
}

/// The key of a moderator's `digest` command; `request` is the platform's id of the command (an interaction
/// id, an event id), so a command delivered twice posts once.
pub fn manual_key(request: &str, target: &Target, briefing: &str) -> PostKey {
    key(&["manual", request, &target.to_string(), briefing])
}

/// The version of a post's content: changes exactly when what readers see changes.
pub fn version(content: &Response) -> String {
    let json = serde_json::to_string(content).expect("a response serializes");
    hex(&hash(&["content", &json])[..8])
}

/// The version of a briefing as a whole; a change prompts a look at the posts made of it.
pub fn briefing_version(b: &Briefing, snapshot: &Snapshot) -> String {
    let mut parts = vec![
        "briefing".to_string(),
        serde_json::to_string(b).expect("a briefing serializes"),
    ];
    // A corrected translation is a correction of the briefing too: posts may show that version.
    for t in snapshot.translations_of(&b.id) {
        parts.push(serde_json::to_string(t.as_ref()).expect("a briefing serializes"));
    }
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    hex(&hash(&parts)[..8])
}

fn hash(parts: &[&str]) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(b"attache/v1");
    for p in parts {
        h.update((p.len() as u64).to_be_bytes());
        h.update(p.as_bytes());
    }
    h.finalize().into()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_stable_distinct_and_fit_a_discord_nonce() {
        let t = Target::parse("discord:1").unwrap();
        let slot = DateTime::from_timestamp(1_741_600_800, 0).unwrap();
        let k = digest_key("weekly", slot, &t, "infoforum");
        assert_eq!(k.as_str().len(), 24);
        assert!(
            k.as_str()
                .bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
        );
        // Fixed forever: a key computed by an older build must still name the same post.
        assert_eq!(k.as_str(), "e12334d4fafbcf01a3d50330");
        assert_ne!(
            k,
            digest_key("weekly", slot + chrono::Duration::minutes(1), &t, "infoforum")
        );
        assert_ne!(
            k,
            digest_key("weekly", slot, &Target::parse("discord:2").unwrap(), "infoforum")
        );
        assert_ne!(announce_key(&t, "ab"), key(&["announce", "discord:1a", "b"]));
        assert_ne!(k.edit("v1"), k.edit("v2"));
    }
}
