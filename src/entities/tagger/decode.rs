//! Decoding: the best tag sequence of a sentence (Viterbi over the model's
//! emission and transition scores), and how far each token's tag is ahead
//! of the best sequence that tags it otherwise (max-marginals), from which
//! a name gets its confidence. Forbidden moves (`O` to an inside tag) never
//! win: every move is tried, with a mask, so that the loops over tags have
//! a fixed length and no branches, and the compiler turns them into vector
//! instructions.

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

/// A square table over tags.
type Square<T> = [[T; N_TAGS]; N_TAGS];

/// The transition scores laid out for decoding, with the allowed moves.
#[derive(Debug, Clone)]
pub struct Moves {
    /// `scores[from][to]`; 0 for a forbidden move, which `allowed` masks.
    scores: Square<i32>,
    /// `allowed[from][to]`: all bits set where tag `to` may follow tag
    /// `from`, none where it may not.
    allowed: Square<i32>,
    /// Both tables transposed (`[to][from]`), for the backward pass.
    scores_to: Square<i32>,
    allowed_to: Square<i32>,
    start: [i32; N_TAGS],
    end: [i32; N_TAGS],
}

impl Moves {
    /// The moves of `model`.
    pub fn new(model: &impl Transitions) -> Self {
        let mut moves = Moves {
            scores: [[0; N_TAGS]; N_TAGS],
            allowed: [[0; N_TAGS]; N_TAGS],
            scores_to: [[0; N_TAGS]; N_TAGS],
            allowed_to: [[0; N_TAGS]; N_TAGS],
            start: [FORBIDDEN; N_TAGS],
            end: [FORBIDDEN; N_TAGS],
        };
        for to in 0..N_TAGS {
            moves.start[to] = model.transition(None, to as u8);
            moves.end[to] = model.end(to as u8);
            for from in 0..N_TAGS {
                let score = model.transition(Some(from as u8), to as u8);
                if score > FORBIDDEN {
                    (moves.scores[from][to], moves.allowed[from][to]) = (score, -1);
                    (moves.scores_to[to][from], moves.allowed_to[to][from]) = (score, -1);
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
        let (here, from) = step(moves, &scores[scores.len() - 1], emission);
        scores.push(here);
        back.push(from);
    }
    (scores, back)
}

/// One token of the forward pass: per tag, the best score of reaching it
/// from the `previous` token's scores, and the tag it is reached from. The
/// earliest of equal scores wins, as tags are tried in ascending order.
fn step(moves: &Moves, previous: &[i32; N_TAGS], emission: &[i32; N_TAGS]) -> ([i32; N_TAGS], [u8; N_TAGS]) {
    let mut best = [FORBIDDEN; N_TAGS];
    let mut from = [0i32; N_TAGS];
    for (p, ((&score, row), allowed)) in previous.iter().zip(&moves.scores).zip(&moves.allowed).enumerate() {
        for tag in 0..N_TAGS {
            let candidate = score + row[tag];
            let better = allowed[tag] & -i32::from(candidate > best[tag]);
            best[tag] = (candidate & better) | (best[tag] & !better);
            from[tag] = (p as i32 & better) | (from[tag] & !better);
        }
    }
    for (score, add) in best.iter_mut().zip(emission) {
        *score = (*score + add).max(FORBIDDEN);
    }
    (best, from.map(|p| p as u8))
}

/// Backward scores: `backward[i][t]` is the best score of the tokens after
/// `i` given token `i` tagged `t`, the end of the sentence included.
fn backward(moves: &Moves, emissions: &[[i32; N_TAGS]]) -> Vec<[i32; N_TAGS]> {
    let n = emissions.len();
    let mut scores = vec![[FORBIDDEN; N_TAGS]; n];
    scores[n - 1] = moves.end;
    for idx in (0..n - 1).rev() {
        let mut ahead = [0; N_TAGS];
        for (tag, value) in ahead.iter_mut().enumerate() {
            *value = emissions[idx + 1][tag] + scores[idx + 1][tag];
        }
        let mut best = [FORBIDDEN; N_TAGS];
        for ((&value, row), allowed) in ahead.iter().zip(&moves.scores_to).zip(&moves.allowed_to) {
            for tag in 0..N_TAGS {
                // A forbidden move offers FORBIDDEN, which `best` never falls below.
                let candidate = ((row[tag] + value) & allowed[tag]) | (FORBIDDEN & !allowed[tag]);
                best[tag] = best[tag].max(candidate);
            }
        }
        scores[idx] = best;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::tagger::labels::{may_end, may_follow};

    /// Transitions from a table, `(N_TAGS + 1) × N_TAGS` as in a model.
    struct Table(Vec<i32>);

    impl Transitions for Table {
        fn transition(&self, previous: Option<u8>, next: u8) -> i32 {
            let row = previous.map_or(N_TAGS, usize::from);
            if may_follow(previous, next) {
                self.0[row * N_TAGS + usize::from(next)]
            } else {
                FORBIDDEN
            }
        }

        fn end(&self, tag: u8) -> i32 {
            if may_end(tag) {
                0
            } else {
                FORBIDDEN
            }
        }
    }

    /// Numbers in `-range..range` from a linear congruential generator.
    fn numbers(mut state: u64, range: i32) -> impl FnMut() -> i32 {
        move || {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            ((state >> 33) % (2 * range as u64)) as i32 - range
        }
    }

    /// The score of one tag sequence, `None` if it makes a forbidden move.
    fn score_of(table: &Table, emissions: &[[i32; N_TAGS]], tags: &[u8]) -> Option<i32> {
        let mut total = 0;
        let mut previous = None;
        for (emission, &tag) in emissions.iter().zip(tags) {
            let step = table.transition(previous, tag);
            (step > FORBIDDEN).then_some(())?;
            total += step + emission[usize::from(tag)];
            previous = Some(tag);
        }
        (table.end(tags[tags.len() - 1]) == 0).then_some(total)
    }

    #[test]
    fn decoding_finds_the_best_sequence_and_every_margin() {
        const LEN: usize = 3;
        for seed in 0..12 {
            let mut next = numbers(seed, 400);
            let table = Table((0..(N_TAGS + 1) * N_TAGS).map(|_| next() / 2).collect());
            let emissions: Vec<[i32; N_TAGS]> = (0..LEN).map(|_| std::array::from_fn(|_| next())).collect();
            // Every sequence of LEN tags, with its score if it is allowed.
            let scored: Vec<(Vec<u8>, i32)> = (0..N_TAGS.pow(LEN as u32))
                .map(|n| (0..LEN).map(|i| (n / N_TAGS.pow(i as u32) % N_TAGS) as u8).collect::<Vec<u8>>())
                .filter_map(|tags| score_of(&table, &emissions, &tags).map(|score| (tags, score)))
                .collect();
            let best = scored.iter().map(|(_, score)| *score).max().unwrap();
            let decoded = decode(&Moves::new(&table), &emissions);
            assert_eq!(score_of(&table, &emissions, &decoded.tags), Some(best), "seed {seed}");
            assert_eq!(best_tags(&Moves::new(&table), &emissions), decoded.tags);
            let names = decoded.tags.iter().any(|&tag| tag != OUTSIDE);
            for (idx, &tag) in decoded.tags.iter().enumerate() {
                let other = scored.iter().filter(|(tags, _)| tags[idx] != tag).map(|(_, s)| *s).max().unwrap();
                let margin = if names && tag != OUTSIDE { best - other } else { 0 };
                assert_eq!(decoded.margins[idx], margin, "seed {seed}, token {idx}");
            }
        }
    }
}
