//! `language [en|ru|zh]`: the language of the caller's room, kept across restarts; without a value, which
//! it is. On Discord each member's own client language decides, so there is nothing to set.

use crate::i18n::{self, Lang, code};
use crate::response::{Block, Response, Status};
use crate::tr_inline;

use super::Context;

pub fn run(ctx: &Context<'_>, value: Option<&str>) -> Response {
    let lang = ctx.lang;
    if ctx.platform == "discord" {
        return Response::answer(vec![Block::Note {
            text: tr_inline!(lang, "language-discord"),
        }])
        .private();
    }
    let name = |l: Lang| i18n::text(lang, &format!("language-{}", l.code()), &[]);
    let Some(value) = value else {
        return Response::answer(vec![Block::Paragraph {
            text: tr_inline!(lang, "language-is", language = name(lang)),
        }]);
    };
    let Some(chosen) = Lang::from_tag(value) else {
        return Response::problem(
            Status::Usage,
            tr_inline!(
                lang,
                "language-unknown",
                value = code(value),
                choices = "en, ru, zh"
            ),
            vec![],
        );
    };
    let kept = ctx
        .host
        .set_language(ctx.place.as_deref().unwrap_or(ctx.platform), chosen);
    // Said in the new language: it is the room's from now on.
    let said = |l: Lang| i18n::text(chosen, &format!("language-{}", l.code()), &[]);
    let mut blocks = vec![Block::Paragraph {
        text: tr_inline!(chosen, "language-set", language = said(chosen)),
    }];
    if let Err(why) = kept {
        blocks.push(Block::Note {
            text: tr_inline!(chosen, "language-not-kept", why = why),
        });
    }
    Response::answer(blocks).in_lang(chosen)
}
