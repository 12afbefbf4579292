//! Training the relation scorer: a multi-class averaged perceptron over
//! candidate pairs, visited in a fixed order, so that the same examples
//! give the same model bytes.

use super::{RelationScorer, BUCKETS, CLASSES};

/// Trains on `(features, class)` examples for `epochs` passes; class 0 is
/// "no relation". Examples are visited in the order given.
pub fn train_scorer(examples: &[(Vec<u32>, usize)], epochs: usize) -> RelationScorer {
    let size = CLASSES.len() * BUCKETS;
    let mut weights = vec![0.0f64; size];
    // Sums of the updates weighted by when they were made, for averaging.
    let mut totals = vec![0.0f64; size];
    let mut step = 1.0f64;
    for _ in 0..epochs {
        for (features, gold) in examples {
            let predicted = predict(&weights, features);
            if predicted != *gold {
                for &f in features {
                    let (g, p) = (*gold * BUCKETS + f as usize, predicted * BUCKETS + f as usize);
                    weights[g] += 1.0;
                    totals[g] += step;
                    weights[p] -= 1.0;
                    totals[p] -= step;
                }
            }
            step += 1.0;
        }
    }
    let averaged = weights.iter().zip(&totals).map(|(w, t)| (w - t / step) as f32).collect();
    RelationScorer { weights: averaged }
}

fn predict(weights: &[f64], features: &[u32]) -> usize {
    let score = |class: usize| features.iter().map(|&f| weights[class * BUCKETS + f as usize]).sum::<f64>();
    (0..CLASSES.len())
        .map(|c| (c, score(c)))
        .fold((0, f64::MIN), |best, (c, s)| if s > best.1 { (c, s) } else { best })
        .0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::relations::scorer::Pair;
    use crate::relations::RelationKind;

    #[test]
    fn learns_separable_pairs_and_round_trips() {
        let examples = vec![(vec![1, 2], 1), (vec![1, 3], 0), (vec![4, 2], 3), (vec![1, 3], 0)];
        let model = train_scorer(&examples, 5);
        let pair = |features: Vec<u32>| Pair { subject: 0, object: 1, features };
        assert_eq!(model.decide(&pair(vec![1, 2]), 0.0).map(|d| d.0), Some(RelationKind::WorksAt));
        assert_eq!(model.decide(&pair(vec![1, 3]), 0.0), None);
        let again = RelationScorer::from_bytes(&model.to_bytes()).unwrap();
        assert_eq!(again.to_bytes(), train_scorer(&examples, 5).to_bytes());
        assert!(RelationScorer::from_bytes(b"KGEXREL1short").unwrap_err().contains("bytes"));
        assert!(RelationScorer::from_bytes(b"nonsense").unwrap_err().contains("magic"));
    }
}
