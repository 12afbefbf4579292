//! Dates in running text, as ISO 8601 prefixes.

use crate::text::Token;

const MONTHS: [(&str, &str); 24] = [
    ("Januar", "01"),
    ("Februar", "02"),
    ("März", "03"),
    ("April", "04"),
    ("Mai", "05"),
    ("Juni", "06"),
    ("Juli", "07"),
    ("August", "08"),
    ("September", "09"),
    ("Oktober", "10"),
    ("November", "11"),
    ("Dezember", "12"),
    ("January", "01"),
    ("February", "02"),
    ("March", "03"),
    ("May", "05"),
    ("June", "06"),
    ("July", "07"),
    ("October", "10"),
    ("December", "12"),
    ("Jänner", "01"),
    ("Sept", "09"),
    ("Dez", "12"),
    ("Jan", "01"),
];

fn month(word: &str) -> Option<&'static str> {
    MONTHS.iter().find(|(name, _)| *name == word).map(|(_, number)| *number)
}

fn year(word: &str) -> Option<&str> {
    let plausible = word.len() == 4
        && word.bytes().all(|b| b.is_ascii_digit())
        && (word.starts_with("19") || word.starts_with("20"));
    plausible.then_some(word)
}

/// Whether `date` is an ISO 8601 prefix kgex writes: `2015`, `2023-07`,
/// `2025-01-20` or `--01-20`.
pub fn is_iso_date_prefix(date: &str) -> bool {
    let shape: String = date.chars().map(|c| if c.is_ascii_digit() { '9' } else { c }).collect();
    matches!(shape.as_str(), "9999" | "9999-99" | "9999-99-99" | "--99-99")
}

/// The first date among `tokens`: `20. Januar 2025` → `2025-01-20`,
/// `Juli 2023` → `2023-07`, `20. Januar` → `--01-20`, `2015` → `2015`,
/// `January 20, 2025` → `2025-01-20`.
pub fn find_date(text: &str, tokens: &[Token]) -> Option<String> {
    let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
    for (idx, word) in words.iter().enumerate() {
        let next = |offset: usize| words.get(idx + offset).copied().unwrap_or("");
        if let Some(month) = month(word) {
            let day_before = idx.checked_sub(2).filter(|&i| {
                words[i + 1] == "." && words[i].len() <= 2 && words[i].bytes().all(|b| b.is_ascii_digit())
            });
            let day_after = (next(1).len() <= 2 && next(1).bytes().all(|b| b.is_ascii_digit()) && !next(1).is_empty())
                .then(|| next(1));
            let day = day_before.map(|i| words[i]).or(day_after);
            let year_word = if day_after.is_some() {
                if next(2) == "," {
                    next(3)
                } else {
                    next(2)
                }
            } else {
                next(1)
            };
            return Some(match (year(year_word), day) {
                (Some(y), Some(d)) => format!("{y}-{month}-{d:0>2}"),
                (Some(y), None) => format!("{y}-{month}"),
                (None, Some(d)) => format!("--{month}-{d:0>2}"),
                (None, None) => continue,
            });
        }
        if let Some(y) = year(word) {
            return Some(y.to_owned());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{tokenize, Span};

    #[test]
    fn reads_german_and_english_dates() {
        for (text, expected) in [
            ("Am 20. Januar traf er sie", Some("--01-20")),
            ("im Juli 2023 gegründet", Some("2023-07")),
            ("der 2015 gemeinsam", Some("2015")),
            ("on January 20, 2025, they met", Some("2025-01-20")),
            ("am 3. März 2024", Some("2024-03-03")),
            ("10.000 Einheiten", None),
        ] {
            assert_eq!(find_date(text, &tokenize(text, Span::new(0, text.len()))).as_deref(), expected, "{text}");
        }
    }
}
