//! The neutral response model: what a command answers, before any platform decides how it looks.
//!
//! Commands build a [`Response`]; renderers (`render::terminal`, and the Discord and Matrix adapters) turn it
//! into platform output and enforce the platform's limits. Text in a response is always plain: styling is
//! carried by [`Span`] kinds, never by markup inside strings, so a renderer can escape briefing text safely.

use serde::Serialize;

use crate::command::Command;
use crate::text::Lang;

/// What kind of answer this is; decides exit codes in the CLI and ephemeral replies on Discord.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The command was answered.
    Answer,
    /// The user asked for something that is not there (unknown event, no results).
    NotFound,
    /// The command line itself was wrong.
    Usage,
    /// The caller may not run this command.
    Denied,
    /// Something failed inside the bot; details went to the log.
    Internal,
}

impl Status {
    /// The status as a metric label.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Answer => "answer",
            Status::NotFound => "not_found",
            Status::Usage => "usage",
            Status::Denied => "denied",
            Status::Internal => "internal",
        }
    }
}

/// A run of inline text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "text", rename_all = "snake_case")]
pub enum Span {
    Plain(String),
    Strong(String),
    Emphasis(String),
    /// A command, id or other literal the user could type.
    Code(String),
    Link {
        text: String,
        url: String,
    },
}

/// A paragraph or line of inline text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Inline(pub Vec<Span>);

impl Inline {
    pub fn plain(text: impl Into<String>) -> Self {
        Inline(vec![Span::Plain(text.into())])
    }

    pub fn push(mut self, span: Span) -> Self {
        self.0.push(span);
        self
    }

    pub fn text(self, text: impl Into<String>) -> Self {
        self.push(Span::Plain(text.into()))
    }

    pub fn strong(self, text: impl Into<String>) -> Self {
        self.push(Span::Strong(text.into()))
    }

    pub fn code(self, text: impl Into<String>) -> Self {
        self.push(Span::Code(text.into()))
    }

    /// The text without styling.
    pub fn to_plain(&self) -> String {
        self.0
            .iter()
            .map(|s| match s {
                Span::Plain(t) | Span::Strong(t) | Span::Emphasis(t) | Span::Code(t) => t.as_str(),
                Span::Link { text, .. } => text.as_str(),
            })
            .collect()
    }
}

impl From<&str> for Inline {
    fn from(s: &str) -> Self {
        Inline::plain(s)
    }
}

impl From<String> for Inline {
    fn from(s: String) -> Self {
        Inline::plain(s)
    }
}

/// One block of a response, in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "block", rename_all = "snake_case")]
pub enum Block {
    /// The response's heading, optionally linked (to the briefing's source).
    Title {
        text: String,
        url: Option<String>,
    },
    /// Short labelled facts: date, place, theme.
    Fields {
        fields: Vec<(String, String)>,
    },
    Paragraph {
        text: Inline,
    },
    Quote {
        text: String,
        speaker: String,
        role: Option<String>,
        /// The event the quote is from, when quotes of several events are listed together.
        event: Option<String>,
    },
    List {
        heading: Option<String>,
        items: Vec<Inline>,
        ordered: bool,
    },
    /// A titled item of a result list (an event, a search hit).
    Entry {
        title: String,
        /// What to type to open it, usually the briefing id.
        id: Option<String>,
        detail: Option<String>,
        text: Option<Inline>,
    },
    Links {
        links: Vec<(String, String)>,
    },
    /// Secondary text: hints, what to type next.
    Note {
        text: Inline,
    },
}

/// Where a list is, and what to type for the next page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Page {
    pub page: usize,
    pub pages: usize,
    pub total: usize,
    /// The command that shows the next page, when there is one.
    pub next: Option<Command>,
    pub prev: Option<Command>,
}

/// A post the command asks its adapter to make (a digest), besides answering.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Post {
    /// The named target, or `None` for the channel or room the command came from.
    pub target: Option<String>,
    pub briefing: String,
    /// What gets posted.
    pub blocks: Vec<Block>,
}

/// A command's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Response {
    pub status: Status,
    pub blocks: Vec<Block>,
    pub page: Option<Page>,
    pub post: Option<Post>,
    /// Shown to the caller alone (a Discord ephemeral reply), such as a digest preview.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub private: bool,
    /// The language the response is written in, for what renderers add (page lines, buttons).
    #[serde(skip)]
    pub lang: Lang,
}

impl Response {
    pub fn answer(blocks: Vec<Block>) -> Self {
        Response {
            status: Status::Answer,
            blocks,
            page: None,
            post: None,
            private: false,
            lang: Lang::En,
        }
    }

    /// A user-facing problem: a one-line message and optional hints below it.
    pub fn problem(status: Status, message: Inline, hints: Vec<Inline>) -> Self {
        let mut blocks = vec![Block::Paragraph { text: message }];
        blocks.extend(hints.into_iter().map(|text| Block::Note { text }));
        Response {
            status,
            blocks,
            page: None,
            post: None,
            private: false,
            lang: Lang::En,
        }
    }

    pub fn not_found(message: Inline, hints: Vec<Inline>) -> Self {
        Response::problem(Status::NotFound, message, hints)
    }

    /// The same response, for the caller's eyes only.
    pub fn private(mut self) -> Self {
        self.private = true;
        self
    }

    pub fn with_page(mut self, page: Page) -> Self {
        self.page = Some(page);
        self
    }

    /// The same response, marked as written in `lang`.
    pub fn in_lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }

    pub fn is_answer(&self) -> bool {
        self.status == Status::Answer
    }
}
