//! Decoding: the best tag sequence of a sentence (Viterbi over the model's
//! emission and transition scores), and how far each token's tag is ahead
//! of the best sequence that tags it otherwise (max-marginals), from which
//! a name gets its confidence. Forbidden moves (`O` to an inside tag) are
//! never tried: each tag keeps the list of tags that may come before it.

use super::labels::{N_TAGS, OUTSIDE};
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
    /// Per token in a name: best score minus the best score with another
    /// tag there; 0 for tokens outside names, whose margins nothing reads.
    pub margins: Vec<i32>,
}

/// The transition scores laid out for decoding, with the allowed moves.
#[derive(Debug, Clone)]
pub struct Moves {
    /// `scores[from * N_TAGS + to]`.
    scores: [i32; N_TAGS * N_TAGS],
    start: [i32; N_TAGS],
    end: [i32; N_TAGS],
    /// Per tag, the tags that may precede it.
    before: Vec<Vec<u8>>,
    /// Per tag, the tags that may follow it.
    after: Vec<Vec<u8>>,
}

impl Moves {
    /// The moves of `model`.
    pub fn new(model: &impl Transitions) -> Self {
        let mut moves = Moves {
            scores: [FORBIDDEN; N_TAGS * N_TAGS],
            start: [FORBIDDEN; N_TAGS],
            end: [FORBIDDEN; N_TAGS],
            before: vec![Vec::new(); N_TAGS],
            after: vec![Vec::new(); N_TAGS],
        };
        for to in 0..N_TAGS as u8 {
            moves.start[usize::from(to)] = model.transition(None, to);
            moves.end[usize::from(to)] = model.end(to);
            for from in 0..N_TAGS as u8 {
                let score = model.transition(Some(from), to);
                moves.scores[usize::from(from) * N_TAGS + usize::from(to)] = score;
                if score > FORBIDDEN {
                    moves.before[usize::from(to)].push(from);
                    moves.after[usize::from(from)].push(to);
                }
            }
        }
        moves
    }
}

/// Forward scores (`forward[i][t]`: the best score of tokens `0..=i` with
/// token `i` tagged `t`) and back pointers.
fn forward(moves: &Moves, emissions: &[[i32; N_TAGS]]) -> (Vec<[i32; N_TAGS]>, Vec<[u8; N_TAGS]>) {
    let mut scores: Vec<[i32; N_TAGS]> = Vec::with_capacity(emissions.len());
    let mut back = Vec::with_capacity(emissions.len());
    let mut first = [FORBIDDEN; N_TAGS];
    for tag in 0..N_TAGS {
        first[tag] = (moves.start[tag] + emissions[0][tag]).max(FORBIDDEN);
    }
    scores.push(first);
    back.push([0; N_TAGS]);
    for emission in &emissions[1..] {
        let previous = scores[scores.len() - 1];
        let mut here = [FORBIDDEN; N_TAGS];
        let mut from = [0u8; N_TAGS];
        for tag in 0..N_TAGS {
            let (mut best, mut best_from) = (FORBIDDEN, 0);
            for &p in &moves.before[tag] {
                let score = previous[usize::from(p)] + moves.scores[usize::from(p) * N_TAGS + tag];
                if score > best {
                    (best, best_from) = (score, p);
                }
            }
            here[tag] = (best + emission[tag]).max(FORBIDDEN);
            from[tag] = best_from;
        }
        scores.push(here);
        back.push(from);
    }
    (scores, back)
}

/// Backward scores: `backward[i][t]` is the best score of the tokens after
/// `i` given token `i` tagged `t`, the end of the sentence included.
fn backward(moves: &Moves, emissions: &[[i32; N_TAGS]]) -> Vec<[i32; N_TAGS]> {
    let n = emissions.len();
    let mut scores = vec![[FORBIDDEN; N_TAGS]; n];
    scores[n - 1] = moves.end;
    for idx in (0..n - 1).rev() {
        let (next_emission, next) = (&emissions[idx + 1], scores[idx + 1]);
        for (tag, score) in scores[idx].iter_mut().enumerate() {
            let mut best = FORBIDDEN;
            for &t in &moves.after[tag] {
                let t = usize::from(t);
                best = best.max(moves.scores[tag * N_TAGS + t] + next_emission[t] + next[t]);
            }
            *score = best.max(FORBIDDEN);
        }
    }
    scores
}

fn follow_back(moves: &Moves, scores: &[[i32; N_TAGS]], back: &[[u8; N_TAGS]]) -> Vec<u8> {
    let last = scores.len() - 1;
    let mut tag = 0u8;
    for t in 1..N_TAGS {
        if scores[last][t] + moves.end[t] > scores[last][usize::from(tag)] + moves.end[usize::from(tag)] {
            tag = t as u8;
        }
    }
    let mut tags = vec![0; scores.len()];
    for idx in (0..scores.len()).rev() {
        tags[idx] = tag;
        tag = back[idx][usize::from(tag)];
    }
    tags
}

/// The best tags of a sentence.
pub fn best_tags(moves: &Moves, emissions: &[[i32; N_TAGS]]) -> Vec<u8> {
    if emissions.is_empty() {
        return Vec::new();
    }
    let (scores, back) = forward(moves, emissions);
    follow_back(moves, &scores, &back)
}

/// The best tags with their margins.
pub fn decode(moves: &Moves, emissions: &[[i32; N_TAGS]]) -> Decoded {
    if emissions.is_empty() {
        return Decoded::default();
    }
    let (forward_scores, back) = forward(moves, emissions);
    let tags = follow_back(moves, &forward_scores, &back);
    // A window without a name needs no backward pass.
    if tags.iter().all(|&tag| tag == OUTSIDE) {
        return Decoded { margins: vec![0; tags.len()], tags };
    }
    let backward_scores = backward(moves, emissions);
    let margins = tags
        .iter()
        .enumerate()
        .map(|(idx, &best)| {
            if best == OUTSIDE {
                return 0;
            }
            let through = |t: usize| forward_scores[idx][t] + backward_scores[idx][t];
            let runner_up = (0..N_TAGS).filter(|&t| t != usize::from(best)).map(through).max().unwrap_or(FORBIDDEN);
            (through(usize::from(best)) - runner_up).max(0)
        })
        .collect();
    Decoded { tags, margins }
}
