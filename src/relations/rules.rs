//! The rule files: one per language compiled in, more from `--rules FILE`.

use std::path::Path;
use std::sync::OnceLock;

use super::pattern::RuleFile;
use crate::error::{Error, Result, SourcePosition};
use crate::input::Language;

const GERMAN_RULES: &str = include_str!("data/de.rules");
const ENGLISH_RULES: &str = include_str!("data/en.rules");

/// The built-in rules of `language`, parsed once per process.
pub fn builtin_rules(language: Language) -> &'static RuleFile {
    static GERMAN: OnceLock<RuleFile> = OnceLock::new();
    static ENGLISH: OnceLock<RuleFile> = OnceLock::new();
    let (cell, source) = match language {
        Language::De => (&GERMAN, GERMAN_RULES),
        Language::En => (&ENGLISH, ENGLISH_RULES),
    };
    cell.get_or_init(|| {
        RuleFile::parse(source).unwrap_or_else(|e| panic!("built-in rules {}:{}: {}", e.line, e.column, e.message))
    })
}

/// Reads a rule file; a syntax error names the file, line and column.
pub fn load_rules(path: &Path) -> Result<RuleFile> {
    let source = std::fs::read_to_string(path).map_err(|source| Error::Io { path: path.to_owned(), source })?;
    RuleFile::parse(&source).map_err(|e| {
        let offset = line_offset(&source, e.line) + e.column.saturating_sub(1);
        Error::Syntax {
            path: path.to_owned(),
            position: SourcePosition { line: e.line, column: e.column, offset },
            message: e.message,
        }
    })
}

fn line_offset(source: &str, line: usize) -> usize {
    source.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_rule_files_parse() {
        for language in [Language::De, Language::En] {
            let rules = builtin_rules(language);
            assert!(rules.rules.len() > 20, "{language:?}");
        }
    }
}
