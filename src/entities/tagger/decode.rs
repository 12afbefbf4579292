//! Decoding: the best tag sequence of a sentence (Viterbi over the model's
//! emission and transition scores), and how far each token's tag is ahead
//! of the best sequence that tags it otherwise (max-marginals), from which
//! a name gets its confidence.

use super::labels::N_TAGS;
use super::model::FORBIDDEN;

/// Tag-to-tag scores, shared by a loaded model and the trainer.
pub trait Transitions {
    /// The score of moving from `previous` (`None`: sentence start) to `next`.
    fn transition(&self, previous: Option<u8>, next: u8) -> i32;
    /// 0, or [`FORBIDDEN`] when a sentence may not end on `tag`.
    fn end(&self, tag: u8) -> i32;
}

/// The best tags, and per token the margin of its tag over the best
/// sequence with another tag at that token.
#[derive(Debug, Clone, Default)]
pub struct Decoded {
    /// The best tag of each token.
    pub tags: Vec<u8>,
    /// Per token: best score minus the best score with another tag there.
    pub margins: Vec<i32>,
}

/// Forward scores: `forward[i][t]` is the best score of tokens `0..=i` with
/// token `i` tagged `t`; `back[i][t]` the tag before it on that path.
fn forward(model: &impl Transitions, emissions: &[[i32; N_TAGS]]) -> (Vec<[i32; N_TAGS]>, Vec<[u8; N_TAGS]>) {
    let mut scores = Vec::with_capacity(emissions.len());
    let mut back = Vec::with_capacity(emissions.len());
    for (idx, emission) in emissions.iter().enumerate() {
        let mut here = [FORBIDDEN; N_TAGS];
        let mut from = [0u8; N_TAGS];
        for tag in 0..N_TAGS as u8 {
            let (best, previous) = if idx == 0 {
                (model.transition(None, tag), 0)
            } else {
                let before: &[i32; N_TAGS] = &scores[idx - 1];
                (0..N_TAGS as u8)
                    .map(|p| (before[usize::from(p)].saturating_add(model.transition(Some(p), tag)), p))
                    .max_by_key(|&(score, p)| (score, std::cmp::Reverse(p)))
                    .unwrap_or((FORBIDDEN, 0))
            };
            here[usize::from(tag)] = best.saturating_add(emission[usize::from(tag)]).max(FORBIDDEN);
            from[usize::from(tag)] = previous;
        }
        scores.push(here);
        back.push(from);
    }
    (scores, back)
}

/// Backward scores: `backward[i][t]` is the best score of tokens after `i`
/// given token `i` tagged `t`, the end of the sentence included.
fn backward(model: &impl Transitions, emissions: &[[i32; N_TAGS]]) -> Vec<[i32; N_TAGS]> {
    let n = emissions.len();
    let mut scores = vec![[0; N_TAGS]; n];
    for tag in 0..N_TAGS as u8 {
        scores[n - 1][usize::from(tag)] = model.end(tag);
    }
    for idx in (0..n.saturating_sub(1)).rev() {
        for tag in 0..N_TAGS as u8 {
            scores[idx][usize::from(tag)] = (0..N_TAGS as u8)
                .map(|next| {
                    model
                        .transition(Some(tag), next)
                        .saturating_add(emissions[idx + 1][usize::from(next)])
                        .saturating_add(scores[idx + 1][usize::from(next)])
                })
                .max()
                .unwrap_or(FORBIDDEN)
                .max(FORBIDDEN);
        }
    }
    scores
}

/// The best tags of a sentence.
pub fn best_tags(model: &impl Transitions, emissions: &[[i32; N_TAGS]]) -> Vec<u8> {
    if emissions.is_empty() {
        return Vec::new();
    }
    let (scores, back) = forward(model, emissions);
    follow_back(model, &scores, &back)
}

fn follow_back(model: &impl Transitions, scores: &[[i32; N_TAGS]], back: &[[u8; N_TAGS]]) -> Vec<u8> {
    let last = scores.len() - 1;
    let mut tag = (0..N_TAGS as u8)
        .max_by_key(|&t| (scores[last][usize::from(t)].saturating_add(model.end(t)), std::cmp::Reverse(t)))
        .unwrap_or(0);
    let mut tags = vec![0; scores.len()];
    for idx in (0..scores.len()).rev() {
        tags[idx] = tag;
        tag = back[idx][usize::from(tag)];
    }
    tags
}

/// The best tags with their margins.
pub fn decode(model: &impl Transitions, emissions: &[[i32; N_TAGS]]) -> Decoded {
    if emissions.is_empty() {
        return Decoded::default();
    }
    let (forward_scores, back) = forward(model, emissions);
    let tags = follow_back(model, &forward_scores, &back);
    let backward_scores = backward(model, emissions);
    let margins = tags
        .iter()
        .enumerate()
        .map(|(idx, &best)| {
            let through = |t: usize| forward_scores[idx][t].saturating_add(backward_scores[idx][t]);
            let runner_up = (0..N_TAGS).filter(|&t| t != usize::from(best)).map(through).max().unwrap_or(FORBIDDEN);
            through(usize::from(best)).saturating_sub(runner_up).max(0)
        })
        .collect();
    Decoded { tags, margins }
}
