//! Word patterns from `assets/` (event cues, kinds, topics) matched over folded text. A pattern
//! is words separated by spaces; a trailing `*` lets a word take any ending ("встреч*" finds
//! встреча, встречи, встречу...).
//!
//! All first words are filed in one table by their first letters ([`crate::lexicon::PrefixMatcher`]),
//! asked once per word of the text; the words after the first are checked in place. This is many
//! times faster than a regular expression with Unicode word boundaries.

use crate::lexicon::{fold, is_compound_word_char, Words};
use crate::model::Span;
use ictdip_scan::word_char_at;

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Word {
    text: String,
    stem: bool,
}

#[derive(Clone, Debug)]
struct Pattern<L> {
    label: L,
    words: Vec<Word>,
}

/// A first word that patterns share, with the patterns that open with it. "цифров*" opens nine
/// topic patterns ("цифров* экономик*", "цифров* навык*"...): its word is found, and its end and
/// the start of the next word worked out, once for all nine.
#[derive(Debug)]
struct Opening {
    word: Word,
    /// Indexes into [`PhraseSet::patterns`], in order.
    patterns: Vec<u32>,
}

/// A labelled set of patterns.
pub struct PhraseSet<L> {
    /// The distinct first words of all patterns ([`PhraseSet::openings`]).
    matcher: crate::lexicon::PrefixMatcher,
    openings: Vec<Opening>,
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

/// The end of a pattern word whose text was found from `at` to `text_end`: the end of the text's
/// word for a stem; `text_end` for a whole word, unless the text's word goes on ("ИИ" is not
/// "ИИС"). `letters_end` is where the text's letters and digits from `at` end, if known (see
/// [`Words`]): the text's word ends there too unless a hyphen goes on with a compound.
fn word_match_end(hay: &str, word: &Word, text_end: usize, letters_end: Option<usize>) -> Option<usize> {
    if word.stem {
        Some(match letters_end {
            Some(e) if text_end <= e && hay.as_bytes().get(e) != Some(&b'-') => e,
            _ => word_end(hay, text_end),
        })
    } else if hay[text_end..].chars().next().is_some_and(is_compound_word_char) {
        None
    } else {
        Some(text_end)
    }
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
        let mut by_word: std::collections::BTreeMap<&Word, Vec<u32>> = std::collections::BTreeMap::new();
        for (i, p) in patterns.iter().enumerate() {
            by_word.entry(&p.words[0]).or_default().push(i as u32);
        }
        let openings: Vec<Opening> =
            by_word.into_iter().map(|(word, patterns)| Opening { word: word.clone(), patterns }).collect();
        let matcher =
            crate::lexicon::PrefixMatcher::new(openings.iter().map(|o| (o.word.text.clone(), o.word.stem)).collect());
        PhraseSet { matcher, openings, patterns }
    }

    /// Where the pattern's words after the first continue from `next` (the start of the text's
    /// next word, after the space that must come first), or `None`.
    fn rest_matches(pattern: &Pattern<L>, hay: &str, next: usize) -> Option<usize> {
        let mut end = next;
        for (k, w) in pattern.words[1..].iter().enumerate() {
            let start = if k == 0 {
                next
            } else {
                let rest = &hay[end..];
                let skipped = rest.len() - rest.trim_start().len();
                if skipped == 0 {
                    return None;
                }
                end + skipped
            };
            if !crate::lexicon::has_prefix(&hay[start..], &w.text) {
                return None;
            }
            end = word_match_end(hay, w, start + w.text.len(), None)?;
        }
        Some(end)
    }

    /// Every match in `folded[range]` for each of `ranges` (in text order and apart, as an
    /// article's regions are), as (label, span), in text order; `words` are the words of the text
    /// (see [`Words`]). A match never runs past the end of its range.
    pub fn find(&self, folded: &str, ranges: &[Span], words: &Words) -> impl Iterator<Item = (L, Span)> + use<'_, L> {
        // Room for the phrases of most articles.
        let mut out = Vec::with_capacity(64);
        for range in ranges {
            let from = out.len();
            self.find_in(folded, range.clone(), words, &mut out);
            out[from..].sort_by_key(|(pid, s)| (s.start, s.end, *pid));
        }
        out.into_iter().map(|(pid, span)| (self.patterns[pid as usize].label, span))
    }

    /// The matches in `folded[range]`, as (pattern, span), appended to `out` in the order found.
    fn find_in(&self, folded: &str, range: Span, words: &Words, out: &mut Vec<(u32, Span)>) {
        let hay = &folded[..range.end];
        self.matcher.find(hay, words.within(range.clone()), range.end, |oid, word, end| {
            let opening = &self.openings[oid];
            let start = word.start;
            let Some(first_end) = word_match_end(hay, &opening.word, end, Some(word.end)) else { return };
            // The text's next word, after at least one space: asked only by patterns of two or
            // more words, and then once for all of them.
            let mut next: Option<Option<usize>> = None;
            for &pid in &opening.patterns {
                let p = &self.patterns[pid as usize];
                let end = if p.words.len() == 1 {
                    first_end
                } else {
                    let next = *next.get_or_insert_with(|| {
                        let rest = &hay[first_end..];
                        let skipped = rest.len() - rest.trim_start().len();
                        (skipped > 0).then_some(first_end + skipped)
                    });
                    match next.and_then(|next| Self::rest_matches(p, hay, next)) {
                        Some(end) => end,
                        None => continue,
                    }
                };
                out.push((pid, start..end));
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every match of `set` in all of `t`, as (label, text matched).
    fn matches<'t>(set: &PhraseSet<i32>, t: &'t str) -> Vec<(i32, &'t str)> {
        let whole = 0..t.len();
        let all = std::slice::from_ref(&whole);
        set.find(t, all, &Words::new(t, all)).map(|(l, s)| (l, &t[s])).collect()
    }

    #[test]
    fn matches_start_at_word_starts_only() {
        let set = PhraseSet::new([(1, "совещании".to_string()), (2, "ИИ".to_string()), (3, "совещани*".to_string())]);
        let t = fold("на совещании");
        let mut found = matches(&set, &t);
        found.sort_unstable();
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
        let found = matches(&set, &t);
        assert_eq!(found, [(1, "встреча"), (2, "искусственному  интеллекту"), (3, "5g")]);
    }

    #[test]
    fn stems_run_on_over_hyphens_and_may_hold_them() {
        let set = PhraseSet::new([(1, "ит-спец*".to_string()), (2, "кибер*".to_string())]);
        let t = fold("ИТ-специалисты и кибер-атаки, киберугрозы");
        assert_eq!(matches(&set, &t), [(1, "ит-специалисты"), (2, "кибер-атаки"), (2, "киберугрозы")]);
    }

    #[test]
    fn matches_stay_inside_their_range() {
        let set = PhraseSet::new([(1, "цифров* экономик*".to_string()), (2, "встреч*".to_string())]);
        let t = fold("Встреча о цифровой\nэкономике. Встреча");
        let (first, second) = (0..t.find('\n').unwrap(), t.find('\n').unwrap() + 1..t.len());
        let regions = [first, second];
        let found: Vec<(i32, &str)> =
            set.find(&t, &regions, &Words::new(&t, &regions)).map(|(l, s)| (l, &t[s])).collect();
        // "цифровой экономике" spans the two ranges: neither holds it.
        assert_eq!(found, [(2, "встреча"), (2, "встреча")]);
        let whole = 0..t.len();
        let whole = std::slice::from_ref(&whole);
        let found: Vec<i32> = set.find(&t, whole, &Words::new(&t, whole)).map(|(l, _)| l).collect();
        assert_eq!(found, [2, 1, 2]);
    }

    #[test]
    fn patterns_sharing_a_first_word_each_match_on_their_own() {
        let set = PhraseSet::new([
            (1, "цифров* экономик*".to_string()),
            (2, "цифров* навык*".to_string()),
            (3, "цифров*".to_string()),
            (4, "цифровой".to_string()),
            (5, "цифров* навыки обучения".to_string()),
        ]);
        let t = fold("Цифровой экономики, цифровых навыков и цифровые-навыки; цифровой\tнавыки обучения");
        let found = matches(&set, &t);
        assert_eq!(
            found,
            [
                (3, "цифровой"),
                (4, "цифровой"),
                (1, "цифровой экономики"),
                (3, "цифровых"),
                (2, "цифровых навыков"),
                (3, "цифровые-навыки"),
                (3, "цифровой"),
                (4, "цифровой"),
                (2, "цифровой\tнавыки"),
                (5, "цифровой\tнавыки обучения")
            ]
        );
    }
}
