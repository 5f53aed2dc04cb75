//! A [`Response`] as a Discord message payload: one embed, within every documented limit.
//!
//! Limits enforced here, counted in characters: content 2,000; embed title 256, description 4,096, at most
//! 25 fields (name 256, value 1,024), footer 2,048, and 6,000 across the embed. Briefing text is escaped so it
//! cannot turn into Discord markdown or a mention by accident, and `allowed_mentions` is always empty, so
//! nothing the bot posts pings anyone. Problems (not found, usage, denied) are ephemeral replies.

use serenity::all::{
    CreateActionRow, CreateAllowedMentions, CreateEmbed, CreateEmbedFooter, CreateInteractionResponseMessage,
    CreateMessage, EditInteractionResponse, EditMessage, InteractionResponseFlags,
};

use crate::markdown::{block_markdown, block_text, code, escape, inline, is_web, link, list, truncate};
use attache_core::response::{Block, Inline, Response, Status};
use attache_core::tr;

pub const CONTENT_MAX: usize = 2000;
pub const TITLE_MAX: usize = 256;
pub const DESCRIPTION_MAX: usize = 4096;
pub const FIELDS_MAX: usize = 25;
pub const FIELD_NAME_MAX: usize = 256;
pub const FIELD_VALUE_MAX: usize = 1024;
pub const FOOTER_MAX: usize = 2048;
pub const EMBED_TOTAL_MAX: usize = 6000;
const ACCENT: u32 = 0x2F6F9F;

/// A response rendered for Discord: the same text and card whichever payload carries it. Each payload is
/// one of serenity's builders ([`Rendered::reply`], [`Rendered::update`], [`Rendered::edit_reply`],
/// [`Rendered::post`], [`Rendered::edit`]), each with `allowed_mentions` empty.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// A problem's whole reply, or the note above a digest's card.
    pub content: Option<String>,
    pub embed: Option<Layout>,
    /// For the caller alone; only an interaction's first reply can be.
    pub ephemeral: bool,
    /// Message components (paging buttons), which the adapter adds.
    pub components: Vec<CreateActionRow>,
}

/// An embed being laid out within Discord's limits; [`Layout::embed`] makes serenity's builder of it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    pub title: Option<String>,
    pub url: Option<String>,
    pub description: String,
    /// Name, value and whether it is inline.
    pub fields: Vec<(String, String, bool)>,
    pub footer: Option<String>,
}

impl Layout {
    /// Characters that count against the 6,000 limit.
    pub fn total_chars(&self) -> usize {
        let count = |s: &str| s.chars().count();
        self.title.as_deref().map_or(0, count)
            + count(&self.description)
            + self
                .fields
                .iter()
                .map(|(name, value, _)| count(name) + count(value))
                .sum::<usize>()
            + self.footer.as_deref().map_or(0, count)
    }

    pub fn embed(&self) -> CreateEmbed {
        let mut e = CreateEmbed::new()
            .colour(ACCENT)
            .fields(self.fields.iter().cloned());
        if let Some(title) = &self.title {
            e = e.title(title);
        }
        if let Some(url) = &self.url {
            e = e.url(url);
        }
        if !self.description.is_empty() {
            e = e.description(&self.description);
        }
        if let Some(footer) = &self.footer {
            e = e.footer(CreateEmbedFooter::new(footer));
        }
        e
    }
}

impl Rendered {
    pub fn with_components(mut self, rows: Vec<CreateActionRow>) -> Rendered {
        self.components = rows;
        self
    }

    /// Adds `text` to the card's footer (after the page line, if any), as long as it fits; the card is
    /// then fitted again. Returns whether it was added.
    pub fn add_footer(&mut self, text: &str) -> bool {
        let Some(layout) = &mut self.embed else {
            return false;
        };
        let footer = match &layout.footer {
            Some(existing) if !existing.is_empty() => format!("{existing} · {text}"),
            _ => text.to_string(),
        };
        if footer.chars().count() > FOOTER_MAX {
            return false;
        }
        layout.footer = Some(footer);
        fit(layout);
        true
    }

    fn embeds(&self) -> Vec<CreateEmbed> {
        self.embed.iter().map(Layout::embed).collect()
    }

    /// An interaction's first reply (callback `CHANNEL_MESSAGE_WITH_SOURCE`), ephemeral when it is for the
    /// caller alone.
    ///
    /// serenity's builder always sends `attachments: []`, which on a new message means none.
    pub fn reply(self) -> CreateInteractionResponseMessage {
        let mut m = CreateInteractionResponseMessage::new()
            .embeds(self.embeds())
            .allowed_mentions(CreateAllowedMentions::new());
        if let Some(content) = self.content {
            m = m.content(content);
        }
        if self.ephemeral {
            m = m.flags(InteractionResponseFlags::EPHEMERAL);
        }
        if !self.components.is_empty() {
            m = m.components(self.components);
        }
        m
    }

    /// The new content of the message a button was on (callback `UPDATE_MESSAGE`): everyone sees it, and
    /// its components are replaced, by none when there are none. The builder's `attachments: []` removes
    /// attachments, of which the bot's messages have none.
    pub fn update(self) -> CreateInteractionResponseMessage {
        let mut m = CreateInteractionResponseMessage::new()
            .embeds(self.embeds())
            .allowed_mentions(CreateAllowedMentions::new())
            .components(self.components);
        if let Some(content) = self.content {
            m = m.content(content);
        }
        m
    }

    /// The edit that fills in a deferred reply. An edit cannot make a message ephemeral.
    pub fn edit_reply(self) -> EditInteractionResponse {
        let mut m = EditInteractionResponse::new()
            .embeds(self.embeds())
            .allowed_mentions(CreateAllowedMentions::new());
        if let Some(content) = self.content {
            m = m.content(content);
        }
        if !self.components.is_empty() {
            m = m.components(self.components);
        }
        m
    }

    /// The edit that fills in a deferred update of the message a button was on: like [`Rendered::update`],
    /// its components are replaced, by none when there are none.
    pub fn edit_update(self) -> EditInteractionResponse {
        let mut m = EditInteractionResponse::new()
            .embeds(self.embeds())
            .allowed_mentions(CreateAllowedMentions::new())
            .components(self.components);
        if let Some(content) = self.content {
            m = m.content(content);
        }
        m
    }

    /// A message posted to a channel, for everyone.
    pub fn post(self) -> CreateMessage {
        let mut m = CreateMessage::new()
            .embeds(self.embeds())
            .allowed_mentions(CreateAllowedMentions::new());
        if let Some(content) = self.content {
            m = m.content(content);
        }
        m
    }

    /// A channel message edited to read as this: content and embeds are both set, so nothing of the
    /// earlier version stays.
    pub fn edit(self) -> EditMessage {
        EditMessage::new()
            .content(self.content.clone().unwrap_or_default())
            .embeds(self.embeds())
            .allowed_mentions(CreateAllowedMentions::new())
    }
}

/// Renders a response. Problems are ephemeral plain text; answers are one embed, ephemeral when the
/// response is for the caller alone (a digest preview).
pub fn render(response: &Response) -> Rendered {
    if response.status != Status::Answer {
        let text: Vec<String> = response.blocks.iter().map(block_text).collect();
        return Rendered {
            content: Some(truncate(&text.join("\n"), CONTENT_MAX)),
            ephemeral: true,
            ..Rendered::default()
        };
    }
    let mut blocks = response.blocks.as_slice();
    let mut content = None;
    // A digest: the note above it goes in the content, the posted card in the embed.
    if let Some(post) = &response.post {
        content = Some(truncate(
            &blocks.iter().map(block_text).collect::<Vec<_>>().join("\n"),
            CONTENT_MAX,
        ));
        blocks = post.blocks.as_slice();
    }
    let mut embed = layout(blocks);
    if let Some(page) = &response.page {
        let text = tr!(
            response.lang,
            "page-line",
            page = page.page,
            pages = page.pages,
            total = page.total
        );
        embed.footer = Some(truncate(&text, FOOTER_MAX));
    }
    fit(&mut embed);
    Rendered {
        content,
        embed: Some(embed),
        ephemeral: response.private,
        components: Vec::new(),
    }
}

/// A short notice for the caller alone, as the first reply to an interaction.
pub fn notice(text: &str) -> CreateInteractionResponseMessage {
    Rendered {
        content: Some(truncate(text, CONTENT_MAX)),
        ephemeral: true,
        ..Rendered::default()
    }
    .reply()
}

/// Lays blocks out as an embed: the title on top, short facts and lists as fields, the rest as description.
fn layout(blocks: &[Block]) -> Layout {
    let mut e = Layout::default();
    let mut description: Vec<String> = Vec::new();
    for block in blocks {
        match block {
            Block::Title { text, url } if e.title.is_none() => {
                e.title = Some(truncate(text, TITLE_MAX));
                e.url = url.clone().filter(|u| is_web(u));
            }
            Block::Title { text, .. } => description.push(format!("**{}**", escape(text))),
            Block::Fields { fields } => {
                for (name, value) in fields {
                    push_field(&mut e, name, &escape(value), value.chars().count() <= 40);
                }
            }
            Block::List {
                heading: Some(h),
                items,
                ordered,
            } => {
                push_field(&mut e, h, &list(items, *ordered), false);
            }
            Block::Entry {
                title,
                id,
                detail,
                text,
            } => {
                let value = entry(id.as_deref(), detail.as_deref(), text.as_ref());
                push_field(&mut e, title, &value, false);
            }
            Block::Links { links } => {
                let value = links
                    .iter()
                    .map(|(title, url)| link(title, url))
                    .collect::<Vec<_>>()
                    .join("\n");
                push_field(&mut e, "Links", &value, false);
            }
            other => description.push(block_markdown(other)),
        }
    }
    e.description = truncate(&description.join("\n\n"), DESCRIPTION_MAX);
    e
}

/// A list entry's field value: its id and detail on one line, its text below.
fn entry(id: Option<&str>, detail: Option<&str>, text: Option<&Inline>) -> String {
    let first: Vec<String> = id.map(code).into_iter().chain(detail.map(escape)).collect();
    let value: Vec<String> = [first.join(" · ")]
        .into_iter()
        .filter(|l| !l.is_empty())
        .chain(text.map(inline))
        .collect();
    if value.is_empty() {
        "\u{200b}".to_string()
    } else {
        value.join("\n")
    }
}

fn push_field(e: &mut Layout, name: &str, value: &str, inline: bool) {
    if e.fields.len() == FIELDS_MAX {
        return;
    }
    let name = if name.trim().is_empty() {
        "\u{200b}".to_string()
    } else {
        truncate(&escape(name), FIELD_NAME_MAX)
    };
    let value = if value.trim().is_empty() {
        "\u{200b}".to_string()
    } else {
        truncate(value, FIELD_VALUE_MAX)
    };
    e.fields.push((name, value, inline));
}

/// Shrinks an embed until it fits the 6,000-character total: the description first, then trailing fields.
fn fit(e: &mut Layout) {
    while e.total_chars() > EMBED_TOTAL_MAX {
        let over = e.total_chars() - EMBED_TOTAL_MAX;
        let len = e.description.chars().count();
        if len > 200 {
            e.description = truncate(&e.description, len.saturating_sub(over).max(200));
        } else if e.fields.pop().is_none() {
            e.description.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(v: impl serde::Serialize) -> serde_json::Value {
        serde_json::to_value(v).unwrap()
    }

    #[test]
    fn a_private_answer_is_ephemeral_and_a_public_one_is_not() {
        let card = vec![Block::Paragraph {
            text: Inline::plain("card"),
        }];
        let public = render(&Response::answer(card.clone()));
        assert_eq!(json(public.clone().reply()).get("flags"), None);
        let private = render(&Response::answer(card).private());
        let ephemeral = InteractionResponseFlags::EPHEMERAL.bits();
        assert_eq!(json(private.clone().reply())["flags"], ephemeral);
        // Payloads other than a first reply cannot be ephemeral.
        for payload in [
            json(private.clone().update()),
            json(private.clone().edit_reply()),
            json(private.clone().post()),
            json(private.edit()),
        ] {
            assert_eq!(payload.get("flags"), None, "{payload}");
        }
    }

    /// Guards against a payload that could ping: every one carries empty `allowed_mentions`.
    #[test]
    fn no_payload_can_ping() {
        let r = render(&Response::answer(vec![Block::Paragraph {
            text: Inline::plain("@everyone"),
        }]));
        let none = serde_json::json!({"parse": [], "users": [], "roles": []});
        for payload in [
            json(r.clone().reply()),
            json(r.clone().update()),
            json(r.clone().edit_reply()),
            json(r.clone().post()),
            json(r.edit()),
            json(notice("x")),
        ] {
            assert_eq!(payload["allowed_mentions"], none, "{payload}");
        }
    }

    #[test]
    fn a_footer_note_follows_the_page_line_and_the_card_still_fits() {
        let mut r = render(&Response::answer(vec![Block::Paragraph {
            text: Inline::plain("x".repeat(EMBED_TOTAL_MAX)),
        }]));
        assert!(r.add_footer("ref abc"));
        let layout = r.embed.as_ref().unwrap();
        assert_eq!(layout.footer.as_deref(), Some("ref abc"));
        assert!(layout.total_chars() <= EMBED_TOTAL_MAX);
        assert_eq!(json(r.post())["embeds"][0]["footer"]["text"], "ref abc");
    }
}
