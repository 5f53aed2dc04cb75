//! ROUGE-1 and ROUGE-L F-measures between a summary and a reference, over lowercase words and single Han
//! characters ([`crate::text::units`]): Chinese is compared character by character.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

fn tokens(s: &str) -> Vec<String> {
    crate::text::units(&s.nfkc().collect::<String>())
}

fn f_measure(overlap: usize, candidate: usize, reference: usize) -> f64 {
    if overlap == 0 || candidate == 0 || reference == 0 {
        return 0.0;
    }
    let (p, r) = (
        overlap as f64 / candidate as f64,
        overlap as f64 / reference as f64,
    );
    2.0 * p * r / (p + r)
}

/// Unigram overlap (clipped counts).
pub fn rouge_1(candidate: &str, reference: &str) -> f64 {
    let (c, r) = (tokens(candidate), tokens(reference));
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for w in &r {
        *counts.entry(w).or_default() += 1;
    }
    let overlap = c
        .iter()
        .filter(|w| {
            counts.get_mut(w.as_str()).is_some_and(|n| {
                let hit = *n > 0;
                *n = n.saturating_sub(1);
                hit
            })
        })
        .count();
    f_measure(overlap, c.len(), r.len())
}

/// Longest common subsequence of words.
pub fn rouge_l(candidate: &str, reference: &str) -> f64 {
    let (c, r) = (tokens(candidate), tokens(reference));
    let mut row = vec![0usize; r.len() + 1];
    for a in &c {
        let mut diagonal = 0;
        for (j, b) in r.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if a == b { diagonal + 1 } else { above.max(row[j]) };
            diagonal = above;
        }
    }
    f_measure(row[r.len()], c.len(), r.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_disjoint_and_partial() {
        assert_eq!(rouge_1("the cat sat", "The cat sat."), 1.0);
        assert_eq!(rouge_l("a b c", "x y z"), 0.0);
        // LCS "a c" of 3 and 3 words: P = R = 2/3.
        assert!((rouge_l("a b c", "a x c") - 2.0 / 3.0).abs() < 1e-9);
        assert!(
            (rouge_1("a a a", "a b") - 0.4).abs() < 1e-9,
            "clipped: one overlap, P 1/3, R 1/2"
        );
        assert_eq!(rouge_1("", "a"), 0.0);
        assert!(
            (rouge_1("论坛开幕", "论坛闭幕") - 0.75).abs() < 1e-9,
            "three of four characters"
        );
    }
}
