//! `help`: the commands the caller may run, or one command's usage, options and examples, in the caller's
//! language.

use crate::catalogue::{self, Access, CommandSpec, OptionKind};
use crate::command::Role;
use crate::i18n::{self, Lang, code};
use crate::response::{Block, Inline, Response};
use crate::tomlerr::did_you_mean;
use crate::{tr, tr_inline};

/// A command's one-line description, in `lang`.
pub fn description(lang: Lang, spec: &CommandSpec) -> String {
    i18n::text(lang, &format!("cmd-{}", spec.name), &[])
}

/// An option's description, in `lang`.
pub fn option_description(lang: Lang, option: &str) -> String {
    i18n::text(lang, &format!("opt-{option}"), &[])
}

/// Who may run commands of this access, in words.
pub fn who(lang: Lang, access: Access) -> String {
    match access {
        Access::Everyone => tr!(lang, "access-everyone"),
        Access::Moderator => tr!(lang, "access-moderators"),
        Access::Admin => tr!(lang, "access-admins"),
    }
}

pub fn run(lang: Lang, command: Option<&str>, role: Role) -> Response {
    let Some(name) = command else {
        return overview(lang, role);
    };
    let Some(spec) = catalogue::find(&name.to_lowercase()) else {
        let names: Vec<&str> = catalogue::COMMANDS.iter().map(|c| c.name).collect();
        let message = match did_you_mean(&name.to_lowercase(), &names) {
            Some(best) => tr_inline!(
                lang,
                "help-no-command-did-you-mean",
                name = code(name),
                best = code(best)
            ),
            None => tr_inline!(lang, "help-no-command", name = code(name)),
        };
        return Response::not_found(
            message,
            vec![tr_inline!(lang, "help-type-help", help = code("help"))],
        );
    };
    let mut blocks = vec![
        Block::Title {
            text: spec.usage(),
            url: None,
        },
        Block::Paragraph {
            text: Inline::plain(i18n::text(lang, &format!("cmd-{}-help", spec.name), &[])),
        },
    ];
    if !spec.options.is_empty() {
        let items = spec
            .options
            .iter()
            .map(|o| {
                let mut line = Inline::default()
                    .code(o.name)
                    .text(format!(": {}", option_description(lang, o.name)));
                if let OptionKind::Choice(values) = o.kind {
                    line = line.text(format!(" ({})", values.join(", ")));
                }
                if !o.required {
                    line = line.text(format!(" {}", tr!(lang, "help-optional")));
                }
                line
            })
            .collect();
        blocks.push(Block::List {
            heading: Some(tr!(lang, "help-options")),
            items,
            ordered: false,
        });
    }
    blocks.push(Block::List {
        heading: Some(tr!(lang, "help-examples")),
        items: spec.examples.iter().map(|e| Inline::default().code(*e)).collect(),
        ordered: false,
    });
    if spec.access != Access::Everyone {
        blocks.push(Block::Note {
            text: tr_inline!(lang, "help-only", who = who(lang, spec.access)),
        });
    }
    Response::answer(blocks)
}

fn overview(lang: Lang, role: Role) -> Response {
    let items = catalogue::COMMANDS
        .iter()
        .filter(|c| role.may(c.access))
        .map(|c| {
            Inline::default()
                .code(c.usage())
                .text(format!(" — {}", description(lang, c)))
        })
        .collect();
    Response::answer(vec![
        Block::Title {
            text: tr!(lang, "help-title"),
            url: None,
        },
        Block::List {
            heading: None,
            items,
            ordered: false,
        },
        Block::Note {
            text: tr_inline!(lang, "help-footer", help = code("help <command>")),
        },
    ])
}
