//! Word patterns from `assets/` (event cues, kinds, topics) matched over folded text. A pattern
//! is words separated by spaces; a trailing `*` lets a word take any ending ("встреч*" finds
//! встреча, встречи, встречу...).
//!
//! All first words are filed in one table by their first letters ([`crate::lexicon::PrefixMatcher`]),
//! asked once per word of the text; the words after the first are checked in place. This is many
//! times faster than a regular expression with Unicode word boundaries.

use crate::lexicon::words::word_char_at;
use crate::lexicon::{fold, is_compound_word_char, Words};
use crate::model::Span;

#[derive(Clone, Debug)]
struct Word {
    text: String,
    stem: bool,
}

#[derive(Clone, Debug)]
struct Pattern<L> {
    label: L,
    words: Vec<Word>,
}

/// A labelled set of patterns.
pub struct PhraseSet<L> {
    /// The first words of all patterns.
    matcher: crate::lexicon::PrefixMatcher,
    patterns: Vec<Pattern<L>>,
}

/// The end of the word starting at `at` (letters, digits and hyphens). On the bytes (see
/// [`crate::lexicon::words::word_char_at`]): this runs at every word a stem matched.
fn word_end(s: &str, mut at: usize) -> usize {
    while at < s.len() {
        let (word, len) = if s.as_bytes()[at] == b'-' { (true, 1) } else { word_char_at(s, at) };
        if !word {
            break;
        }
        at += len;
    }
    at
}

impl<L: Copy> PhraseSet<L> {
    pub fn new(items: impl IntoIterator<Item = (L, String)>) -> Self {
        let patterns: Vec<Pattern<L>> = items
            .into_iter()
            .map(|(label, p)| Pattern {
                label,
                words: fold(&p)
                    .split_whitespace()
                    .map(|w| match w.strip_suffix('*') {
                        Some(stem) => Word { text: stem.to_string(), stem: true },
                        None => Word { text: w.to_string(), stem: false },
                    })
                    .collect(),
            })
            .filter(|p| !p.words.is_empty())
            .collect();
        let matcher = crate::lexicon::PrefixMatcher::new(
            patterns.iter().map(|p| (p.words[0].text.clone(), p.words[0].stem)).collect(),
        );
        PhraseSet { matcher, patterns }
    }

    /// Where the pattern's words continue from `at` (just after its first word's text), or `None`.
    /// `stem_end` gives the end of the word at `first_end`, the same for every pattern tried at
    /// one word.
    fn rest_matches(
        pattern: &Pattern<L>,
        hay: &str,
        first_end: usize,
        stem_end: &mut impl FnMut() -> usize,
    ) -> Option<usize> {
        let w0 = &pattern.words[0];
        let mut end = if w0.stem { stem_end() } else { first_end };
        if !w0.stem && hay[end..].chars().next().is_some_and(is_compound_word_char) {
            return None;
        }
        for w in &pattern.words[1..] {
            let rest = &hay[end..];
            let skipped = rest.len() - rest.trim_start().len();
            if skipped == 0 {
                return None;
            }
            let start = end + skipped;
            if !crate::lexicon::has_prefix(&hay[start..], &w.text) {
                return None;
            }
            end = start + w.text.len();
            if w.stem {
                end = word_end(hay, end);
            } else if hay[end..].chars().next().is_some_and(is_compound_word_char) {
                return None;
            }
        }
        Some(end)
    }

    /// Every match in `folded[range]`, as (label, span), in text order; `words` are the
    /// words of the text (see [`Words`]).
    pub fn find(&self, folded: &str, range: Span, words: &Words) -> Vec<(L, Span)> {
        let hay = &folded[..range.end];
        let mut out = Vec::new();
        // Patterns that open with the same stem ("цифров* развит*", "цифров* экономик*") share
        // the end of the word it begins: found once per place.
        let mut known: (usize, usize) = (usize::MAX, 0);
        self.matcher.find(hay, words.within(range.clone()), range.end, |pid, start, end| {
            let p = &self.patterns[pid];
            let mut stem_end = || {
                if known.0 != end {
                    known = (end, word_end(hay, end));
                }
                known.1
            };
            if let Some(end) = Self::rest_matches(p, hay, end, &mut stem_end) {
                out.push((p.label, start..end));
            }
        });
        out.sort_by_key(|(_, s)| (s.start, s.end));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_start_at_word_starts_only() {
        let set = PhraseSet::new([(1, "совещании".to_string()), (2, "ИИ".to_string()), (3, "совещани*".to_string())]);
        let t = fold("на совещании");
        let mut found: Vec<(i32, &str)> = set
            .find(&t, 0..t.len(), &Words::new(&t, std::slice::from_ref(&(0..t.len()))))
            .into_iter()
            .map(|(l, s)| (l, &t[s]))
            .collect();
        found.sort();
        assert_eq!(found, [(1, "совещании"), (3, "совещании")]);
    }

    #[test]
    fn stems_and_multiword_patterns() {
        let set = PhraseSet::new([
            (1, "встреч*".to_string()),
            (2, "искусственн* интеллект*".to_string()),
            (3, "5G".to_string()),
        ]);
        let t = fold("Встреча по искусственному  интеллекту; провстречный, сети 5G и 5GHz");
        let found: Vec<(i32, &str)> = set
            .find(&t, 0..t.len(), &Words::new(&t, std::slice::from_ref(&(0..t.len()))))
            .into_iter()
            .map(|(l, s)| (l, &t[s]))
            .collect();
        assert_eq!(found, [(1, "встреча"), (2, "искусственному  интеллекту"), (3, "5g")]);
    }
}
