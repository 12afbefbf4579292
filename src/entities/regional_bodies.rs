//! A German region's public body named by the region's adjective (`im
//! niedersächsischen Landtag`, `die baden-württembergische Landesregierung`):
//! the adjective is written in lower case, so no run of names holds it.

use super::inflection::{adjective_base, NounGender};
use super::names::Context;
use super::{EntityKind, Mention};

/// The origin of the mentions found here.
pub const REGIONAL_BODY: &str = "cue/regional-body";

/// The body whose noun is at `idx`, with the region's adjective before it,
/// named in the nominative (`niedersächsischer Landtag`). `head` gives a
/// body noun's base form and gender, or `None` for any other word.
pub fn regional_body(
    ctx: &Context,
    idx: usize,
    head: impl Fn(&str) -> Option<(String, Option<NounGender>)>,
) -> Option<Mention> {
    let (noun, gender) = head(ctx.word(idx))?;
    let adjective = ctx.before(idx, 1);
    let endings = ["isch", "ische", "ischen", "ischer", "isches", "ischem"];
    let regional = adjective.starts_with(char::is_lowercase) && endings.iter().any(|e| adjective.ends_with(e));
    if idx == 0 || !regional {
        return None;
    }
    // `-isch` adjectives need no vocabulary: their endings are their own.
    let base = adjective_base(adjective, gender, |_| false).unwrap_or_else(|| adjective.to_owned());
    let span = ctx.span(idx - 1, idx + 1);
    Some(Mention::new(span, EntityKind::Organization, format!("{base} {noun}"), REGIONAL_BODY))
}
