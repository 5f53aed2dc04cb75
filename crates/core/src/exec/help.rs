//! `help` and `help <command>`, written from the catalogue.

use crate::catalogue::{self, Access, OptionKind};
use crate::response::{Block, Inline, Response};
use crate::tomlerr::did_you_mean;

use crate::command::Role;

pub fn run(command: Option<&str>, role: Role) -> Response {
    match command {
        None => overview(role),
        Some(name) => match catalogue::find(&name.to_lowercase()) {
            Some(spec) => {
                let mut blocks = vec![
                    Block::Title {
                        text: spec.usage(),
                        url: None,
                    },
                    Block::Paragraph {
                        text: Inline::plain(spec.help),
                    },
                ];
                if !spec.options.is_empty() {
                    let items = spec
                        .options
                        .iter()
                        .map(|o| {
                            let mut line = Inline::default()
                                .code(o.name)
                                .text(format!(": {}", o.description));
                            if let OptionKind::Choice(values) = o.kind {
                                line = line.text(format!(" ({})", values.join(", ")));
                            }
                            if !o.required {
                                line = line.text(" (optional)");
                            }
                            line
                        })
                        .collect();
                    blocks.push(Block::List {
                        heading: Some("Options".into()),
                        items,
                        ordered: false,
                    });
                }
                blocks.push(Block::List {
                    heading: Some("Examples".into()),
                    items: spec.examples.iter().map(|e| Inline::default().code(*e)).collect(),
                    ordered: false,
                });
                if spec.access != Access::Everyone {
                    blocks.push(Block::Note {
                        text: Inline::plain(format!("Only {} can run this.", spec.access.describe())),
                    });
                }
                Response::answer(blocks)
            }
            None => {
                let names: Vec<&str> = catalogue::COMMANDS.iter().map(|c| c.name).collect();
                let mut message = Inline::default().text("No command ").code(name).text(".");
                if let Some(best) = did_you_mean(&name.to_lowercase(), &names) {
                    message = message.text(" Did you mean ").code(best).text("?");
                }
                Response::not_found(
                    message,
                    vec![
                        Inline::default()
                            .text("Type ")
                            .code("help")
                            .text(" for the list."),
                    ],
                )
            }
        },
    }
}

fn overview(role: Role) -> Response {
    let items = catalogue::COMMANDS
        .iter()
        .filter(|c| role.may(c.access))
        .map(|c| {
            let mut line = Inline::default()
                .code(c.usage())
                .text(format!(" — {}", c.description));
            if c.access != Access::Everyone && !c.description.contains(c.access.describe()) {
                line = line.text(format!(" ({})", c.access.describe()));
            }
            line
        })
        .collect();
    Response::answer(vec![
        Block::Title {
            text: "Commands".into(),
            url: None,
        },
        Block::List {
            heading: None,
            items,
            ordered: false,
        },
        Block::Note {
            text: Inline::default()
                .text("An event is named by its id, by words of its title, or nearly. Type ")
                .code("help <command>")
                .text(" for details."),
        },
    ])
}
