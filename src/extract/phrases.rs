//! Word patterns from `assets/` (event cues, kinds, topics, roles) compiled to regular
//! expressions over folded text. A pattern is words separated by spaces; a trailing `*` lets a
//! word take any ending ("встреч*" finds встреча, встречи, встречу...).

use crate::lexicon::fold;
use crate::model::Span;
use regex::Regex;

/// Turns one asset pattern into a regular expression body.
pub fn pattern_regex(pattern: &str) -> String {
    let words: Vec<String> = fold(pattern)
        .split_whitespace()
        .map(|w| match w.strip_suffix('*') {
            Some(stem) => format!(r"{}[\p{{L}}\p{{N}}-]*", regex::escape(stem)),
            None => regex::escape(w),
        })
        .collect();
    format!(r"(?:^|[^\p{{L}}\p{{N}}])({})(?:$|[^\p{{L}}\p{{N}}])", words.join(r"\s+"))
}

/// A labelled set of patterns: one regex per label, searched over folded text.
pub struct PhraseSet<L> {
    sets: Vec<(L, Regex)>,
}

impl<L: Copy + PartialEq> PhraseSet<L> {
    /// Builds from (label, pattern) pairs; patterns with the same label share one regex.
    pub fn new(items: impl IntoIterator<Item = (L, String)>) -> Self {
        let mut grouped: Vec<(L, Vec<String>)> = Vec::new();
        for (label, pat) in items {
            match grouped.iter_mut().find(|(l, _)| *l == label) {
                Some((_, v)) => v.push(pat),
                None => grouped.push((label, vec![pat])),
            }
        }
        let sets = grouped
            .into_iter()
            .map(|(l, pats)| {
                let body = pats.iter().map(|p| pattern_regex(p)).collect::<Vec<_>>().join("|");
                (l, Regex::new(&body).expect("phrase pattern"))
            })
            .collect();
        PhraseSet { sets }
    }

    /// Every match in `folded[range]`, as (label, span of the phrase itself).
    pub fn find(&self, folded: &str, range: Span) -> Vec<(L, Span)> {
        let hay = &folded[range.clone()];
        let mut out = Vec::new();
        for (label, re) in &self.sets {
            let mut at = 0;
            while let Some(c) = re.captures_at(hay, at) {
                let m = c.iter().skip(1).flatten().next().expect("phrase group");
                out.push((*label, range.start + m.start()..range.start + m.end()));
                // The trailing boundary character may begin the next match.
                at = m.end();
            }
        }
        out.sort_by_key(|(_, s)| s.start);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_and_multiword_patterns() {
        let set = PhraseSet::new([(1, "встреч*".to_string()), (2, "искусственн* интеллект*".to_string())]);
        let t = fold("Встреча по искусственному  интеллекту; провстречный");
        let found: Vec<(i32, &str)> = set.find(&t, 0..t.len()).into_iter().map(|(l, s)| (l, &t[s])).collect();
        assert_eq!(found, [(1, "встреча"), (2, "искусственному  интеллекту")]);
    }
}
