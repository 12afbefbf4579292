//! Speech verbs in the passive (`was announced`, `wurde als fatal
//! bezeichnet`): their subject is spoken about, not speaking; only an agent
//! (`by X`, `von X`) speaks.

use super::clause::clause_start;

/// For a speech verb at `verb` that is a passive participle: the word where
/// its agent may start (`Some(None)` when it has none); `None` when the
/// verb is active, and for the verb of quoting, whose subject is the one
/// quoted in the passive (`X wird mit den Worten zitiert`, `X was quoted as
/// saying`).
pub fn passive_agent(lower: &[&str], verb: usize, english: bool) -> Option<Option<usize>> {
    if !is_passive(lower, verb, english) || is_quoting_verb(lower[verb], english) {
        return None;
    }
    if english {
        return Some((lower.get(verb + 1) == Some(&"by")).then_some(verb + 2));
    }
    // `von der Regierung als fatal bezeichnet`: the agent before the participle.
    let agent = (clause_start(lower, verb)..verb).find(|&j| matches!(lower[j], "von" | "vom" | "durch")).map(|j| j + 1);
    Some(agent)
}

/// Whether the verb at `verb` is in the passive: `wurde als fatal
/// bezeichnet`, `was announced`, `is also known`.
pub fn is_passive(lower: &[&str], verb: usize, english: bool) -> bool {
    if english {
        let be = |w: &str| matches!(w, "is" | "are" | "was" | "were" | "been" | "be" | "being" | "am");
        let adverb = |w: &str| w.ends_with("ly") || matches!(w, "also" | "not" | "often" | "widely" | "later");
        let before = |back: usize| verb.checked_sub(back).map(|i| lower[i]);
        return before(1).is_some_and(be) || before(1).is_some_and(adverb) && before(2).is_some_and(be);
    }
    let start = clause_start(lower, verb);
    let auxiliary = (start..verb).any(|j| matches!(lower[j], "wurde" | "wurden" | "wird" | "werden" | "worden"));
    auxiliary && is_participle(lower[verb])
}

/// The verb of quoting (`zitiert`, `quoted`): active, its object is the one
/// quoted; passive, its subject.
pub fn is_quoting_verb(word: &str, english: bool) -> bool {
    if english {
        word == "quoted"
    } else {
        matches!(word, "zitiert" | "zitierte" | "zitierten")
    }
}

/// A German past participle: weak (`bezeichnet`, `kritisiert`) or strong
/// with `ge-` (`gesprochen`); an infinitive after `wird` is the future.
fn is_participle(word: &str) -> bool {
    word.ends_with('t') || word.contains("ge") && word.ends_with("en")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_passives_and_their_agents() {
        let words = |s: &'static str| s.split(' ').collect::<Vec<&str>>();
        let w = words("die verschiebung wurde von conze als fatal bezeichnet");
        assert_eq!(passive_agent(&w, 7, false), Some(Some(4)));
        let w = words("der bereich wurde zur zone erklärt");
        assert_eq!(passive_agent(&w, 5, false), Some(None));
        let w = words("x wird mit den worten zitiert");
        assert_eq!(passive_agent(&w, 5, false), None, "the one quoted speaks");
        let w = words("er wird morgen erklären");
        assert_eq!(passive_agent(&w, 3, false), None, "the future is active");
        let w = words("she was told to leave");
        assert_eq!(passive_agent(&w, 2, true), Some(None));
        let w = words("it was described by ball as");
        assert_eq!(passive_agent(&w, 2, true), Some(Some(4)));
        assert_eq!(passive_agent(&words("she said that"), 1, true), None);
    }
}
