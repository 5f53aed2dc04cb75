//! `ask`: a question in plain words, answered by the command it maps to (which the answer names, so people
//! learn the commands), or by a search when it maps to none.

use crate::catalogue::Access;
use crate::command::Command;
use crate::i18n::{Lang, code};
use crate::question;
use crate::response::Block;
use crate::response::Response;
use crate::text;
use crate::tr_inline;

use super::{Context, list};

pub fn run(ctx: &Context<'_>, question: &str) -> Response {
    // Answered in the language it was asked in, when that can be told.
    let lang = text::detect(question)
        .or_else(|| text::detect_by_script(question))
        .and_then(Lang::from_tag)
        .unwrap_or(ctx.lang);
    let asked = Context {
        snapshot: ctx.snapshot.clone(),
        config: ctx.config.clone(),
        role: ctx.role,
        lang,
        platform: ctx.platform,
        place: ctx.place.clone(),
        host: ctx.host,
    };
    let ctx = &asked;
    match question::interpret(question, &ctx.snapshot) {
        // Never a moderator's command, whatever the words.
        Some(command)
            if command.spec().access == Access::Everyone && !matches!(command, Command::Ask { .. }) =>
        {
            let line = command.to_line();
            let mut reply = super::execute(command, ctx);
            reply.blocks.push(Block::Note {
                text: tr_inline!(lang, "question-ran", command = code(line)),
            });
            reply.in_lang(lang)
        }
        _ => {
            let mut reply = list::search(ctx, question, 1);
            reply.blocks.push(Block::Note {
                text: tr_inline!(lang, "question-unsure", help = code("help")),
            });
            reply.in_lang(lang)
        }
    }
}
