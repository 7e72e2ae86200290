//! Words, and the lookups made at them. Every name and phrase of the lexicons begins a word, so
//! an article's words are found once ([`Words`]) and each lexicon is asked about each word: the
//! gazetteer by the whole first word of a name ([`WholeWordMatcher`]), the phrase lexicons by a
//! word's first letters, since their first words may be stems ([`PrefixMatcher`]).

use super::{char_at, char_before, is_word_char};

/// Whether the character at byte `i` of `text` is a word character, and its length in bytes.
/// Decided on the bytes for ASCII and Cyrillic (the same answer as [`is_word_char`]): this runs
/// for every character of every article.
#[inline]
pub(crate) fn word_char_at(text: &str, i: usize) -> (bool, usize) {
    let bytes = text.as_bytes();
    match bytes[i] {
        b @ 0..=0x7F => (b.is_ascii_alphanumeric(), 1),
        // U+0400..U+047F and U+04C0..U+04FF: letters.
        0xD0 | 0xD1 | 0xD3 => (true, 2),
        // U+0480..U+04BF: letters but for the signs U+0482..U+0489.
        0xD2 => (!(0x82..=0x89).contains(&bytes[i + 1]), 2),
        _ => {
            let c = text[i..].chars().next().expect("a character starts here");
            (is_word_char(c), c.len_utf8())
        }
    }
}

/// A word of a text: the byte span of a run of word characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
}

/// The words of an article's fact regions, found once and shared by every matcher: every name
/// and phrase begins a word, so lookups run at word starts instead of at every byte, and with
/// the word's end known a lookup by the whole word needs no scan of its own.
pub struct Words {
    words: Vec<Word>,
}

impl Words {
    pub fn new(text: &str, ranges: &[std::ops::Range<usize>]) -> Words {
        let bytes = text.as_bytes();
        let mut words = Vec::with_capacity(text.len() / 8);
        for range in ranges {
            // A word that began before the range is not one of its words.
            let mut start = char_before(text, range.start).is_some_and(is_word_char).then_some(usize::MAX);
            let mut end_word = |start: &mut Option<usize>, at: usize| {
                if let Some(s) = start.take().filter(|&s| s != usize::MAX) {
                    words.push(Word { start: s, end: at });
                }
            };
            let mut i = range.start;
            while i < range.end {
                // Sixteen bytes at a time where they are ASCII and Russian: the words' starts and
                // ends are where the bits of word bytes change.
                if let Some(mask) = (i + 16 <= range.end).then(|| super::scan::word_bytes16(bytes, i)).flatten() {
                    let before = start.is_some() as u32;
                    let shifted = (mask << 1) | before;
                    let (starts, ends) = (mask & !shifted, !mask & shifted & 0xFFFF);
                    let mut changes = starts | ends;
                    while changes != 0 {
                        let k = changes.trailing_zeros();
                        if starts & (1 << k) != 0 {
                            start = Some(i + k as usize);
                        } else {
                            end_word(&mut start, i + k as usize);
                        }
                        changes &= changes - 1;
                    }
                    i += 16;
                    continue;
                }
                let (word, len) = match bytes[i] {
                    b @ 0..=0x7F => (b.is_ascii_alphanumeric(), 1),
                    0xD0 | 0xD1 => (true, 2),
                    // The second byte of a Cyrillic letter cut by the block before.
                    0x80..=0xBF => (true, 1),
                    _ => word_char_at(text, i),
                };
                match (word, start) {
                    (true, None) => start = Some(i),
                    (false, Some(_)) => end_word(&mut start, i),
                    _ => {}
                }
                i += len;
            }
            end_word(&mut start, range.end);
        }
        words.sort_unstable_by_key(|w| w.start);
        words.dedup_by_key(|w| w.start);
        Words { words }
    }

    /// The words that start inside `range`.
    pub fn within(&self, range: std::ops::Range<usize>) -> &[Word] {
        let from = self.words.partition_point(|w| w.start < range.start);
        let to = self.words.partition_point(|w| w.start < range.end);
        &self.words[from..to.max(from)]
    }
}

/// A quick "surely not there" before a hash probe: one bit for each key a table holds, set at a
/// place drawn from the key's first four bytes and its length. Most words of a text open no
/// phrase, and testing a bit in a table of eight kilobytes costs a fraction of hashing the word
/// and probing the table. (The gazetteer's first words are too many for it to pay there.)
struct Fingerprints(Vec<u64>);

impl Fingerprints {
    const BITS: u32 = 16;

    fn new() -> Fingerprints {
        Fingerprints(vec![0; (1 << Self::BITS) / 64])
    }

    #[inline]
    fn place(key: &[u8]) -> usize {
        let head = match key {
            [a, b, c, d, ..] => u32::from_le_bytes([*a, *b, *c, *d]),
            _ => key.iter().fold(0, |h, &b| (h << 8) | b as u32),
        };
        let x = head ^ (key.len() as u32).rotate_left(24);
        (x.wrapping_mul(0x9E37_79B1) >> (32 - Self::BITS)) as usize
    }

    fn insert(&mut self, key: &[u8]) {
        let at = Self::place(key);
        self.0[at / 64] |= 1 << (at % 64);
    }

    #[inline]
    fn may_hold(&self, key: &[u8]) -> bool {
        let at = Self::place(key);
        self.0[at / 64] & (1 << (at % 64)) != 0
    }
}

/// Folded patterns looked for where a word starts, by the first few letters of the word there:
/// each pattern is filed under its own first letters, and at each word only the patterns filed
/// under the word's are compared. For the phrase lexicons, whose first words may be stems
/// ("встреч" for встреча, встречи...), so that a whole-word lookup cannot find them.
///
/// The key is a word's first [`KEY_CHARS`] letters, or the whole word if it is shorter. A stem
/// shorter than that ("умн") cannot be filed so and is tried at every word: there are few.
pub struct PrefixMatcher {
    patterns: Vec<String>,
    by_key: std::collections::HashMap<Box<str>, Vec<u32>, foldhash::fast::RandomState>,
    keys: Fingerprints,
    short_stems: Vec<u32>,
}

const KEY_CHARS: usize = 4;

impl PrefixMatcher {
    /// Patterns with whether each is a stem (matches words that begin with it) or whole.
    pub fn new(patterns: Vec<(String, bool)>) -> PrefixMatcher {
        let mut by_key: std::collections::HashMap<Box<str>, Vec<u32>, _> = Default::default();
        let mut short_stems = Vec::new();
        for (i, (p, stem)) in patterns.iter().enumerate() {
            let first = Word { start: 0, end: word_end(p, 0) };
            if *stem && first.end == p.len() && p.chars().count() < KEY_CHARS {
                short_stems.push(i as u32);
            } else {
                by_key.entry(Self::key(p, first).into()).or_insert_with(Vec::new).push(i as u32);
            }
        }
        let patterns: Vec<String> = patterns.into_iter().map(|(p, _)| p).collect();
        let mut keys = Fingerprints::new();
        by_key.keys().for_each(|k| keys.insert(k.as_bytes()));
        PrefixMatcher { patterns, by_key, keys, short_stems }
    }

    #[inline]
    fn key(text: &str, word: Word) -> &str {
        let w = &text[word.start..word.end];
        // Characters counted by their first bytes, without decoding them.
        let (mut at, mut chars) = (0, 0);
        while at < w.len() && chars < KEY_CHARS {
            at += match w.as_bytes()[at] {
                0..=0x7F => 1,
                0x80..=0xDF => 2,
                0xE0..=0xEF => 3,
                _ => 4,
            };
            chars += 1;
        }
        &w[..at.min(w.len())]
    }

    /// Every pattern that the text at one of `words` (of `folded`, see [`Words`]) begins with and
    /// that ends by `end`, as (pattern index, start, end), in text order.
    pub fn find(&self, folded: &str, words: &[Word], end: usize, mut found: impl FnMut(usize, usize, usize)) {
        let hay = &folded[..end];
        for &word in words {
            let key = Self::key(hay, word);
            let keyed = match self.keys.may_hold(key.as_bytes()) {
                true => self.by_key.get(key).map_or(&[][..], Vec::as_slice),
                false => &[],
            };
            for &pid in keyed.iter().chain(&self.short_stems) {
                let p = &self.patterns[pid as usize];
                if has_prefix(&hay[word.start..], p) {
                    found(pid as usize, word.start, word.start + p.len());
                }
            }
        }
    }
}

/// A set of folded patterns that must match whole words, looked up by the word each starts with.
///
/// Each word of the text is hashed and looked up; the few patterns that open with that word are
/// compared byte for byte. This beats walking an automaton for the gazetteer's sixteen thousand
/// names: its DFA is tens of megabytes, and every step into it missed the CPU cache, while one
/// hash probe per word touches one line. (A two-letter prefilter in front of the probe saved
/// nothing measurable and went.)
///
/// Names of several words are filed again under what follows their first word up to the end of
/// the second (" казахстан"): "республики" opens some three hundred names, one per country and
/// form, and comparing each at every "республики" of a text cost more than the rest of the
/// lookup.
pub struct WholeWordMatcher {
    patterns: Vec<String>,
    by_first_word: std::collections::HashMap<Box<str>, FirstWord, foldhash::fast::RandomState>,
}

/// The patterns that open with one word.
#[derive(Default)]
struct FirstWord {
    /// Patterns of that word alone.
    alone: Vec<u32>,
    /// Longer patterns by what follows the first word up to the end of the second.
    by_next: std::collections::HashMap<Box<str>, Vec<u32>, foldhash::fast::RandomState>,
    /// Longer patterns with no second word (a first word and punctuation).
    other: Vec<u32>,
}

impl WholeWordMatcher {
    /// Patterns that do not start with a word character can never match and are left out.
    pub fn new(patterns: Vec<String>) -> WholeWordMatcher {
        let mut by_first_word: std::collections::HashMap<Box<str>, FirstWord, _> = Default::default();
        for (i, p) in patterns.iter().enumerate() {
            let first_end = word_end(p, 0);
            if first_end == 0 {
                continue;
            }
            let entry = by_first_word.entry(p[..first_end].into()).or_default();
            let rest = &p[first_end..];
            let second_start = rest.find(|c: char| is_word_char(c)).map(|at| first_end + at);
            match second_start {
                _ if rest.is_empty() => entry.alone.push(i as u32),
                Some(at) => {
                    let next = &p[first_end..word_end(p, at)];
                    entry.by_next.entry(next.into()).or_default().push(i as u32);
                }
                None => entry.other.push(i as u32),
            }
        }
        WholeWordMatcher { patterns, by_first_word }
    }

    /// Every pattern that starts at one of `words` (of `folded`, see [`Words`]), ends by `end` and
    /// is followed by no word character, as (pattern index, start, end).
    pub fn find(&self, folded: &str, words: &[Word], end: usize, mut found: impl FnMut(usize, usize, usize)) {
        let hay = &folded[..end];
        for (j, &word) in words.iter().enumerate() {
            let (start, first_end) = (word.start, word.end);
            let Some(first) = self.by_first_word.get(&hay[start..first_end]) else { continue };
            // The pattern from `from` on is compared with the text from `at` on.
            let mut try_pattern = |pid: u32, from: usize, at: usize| {
                let p = &self.patterns[pid as usize];
                let rest = &p[from..];
                let p_end = at + rest.len();
                if has_prefix(&hay[at..], rest) && !char_at(folded, p_end).is_some_and(is_word_char) {
                    found(pid as usize, start, p_end);
                }
            };
            for &pid in first.alone.iter().chain(&first.other) {
                try_pattern(pid, first_end - start, first_end);
            }
            // The text's next word must be the pattern's second word, whole: the pattern goes on
            // with a non-word character or ends at a word boundary.
            if let Some(next) = words.get(j + 1).filter(|_| !first.by_next.is_empty()) {
                if let Some(group) = first.by_next.get(&hay[first_end..next.end]) {
                    for &pid in group {
                        try_pattern(pid, next.end - start, next.end);
                    }
                }
            }
        }
    }
}

/// The end of the run of word characters starting at byte `at`.
fn word_end(text: &str, mut at: usize) -> usize {
    while at < text.len() {
        let (word, len) = word_char_at(text, at);
        if !word {
            break;
        }
        at += len;
    }
    at
}

/// `text.starts_with(prefix)` without a call into the C library's `memcmp`: the lexicons compare
/// millions of prefixes of a few bytes each, where the call cost more than the comparison.
/// Eight bytes are compared at a time (four Russian letters), then the rest one by one.
#[inline]
pub fn has_prefix(text: &str, prefix: &str) -> bool {
    let (t, p) = (text.as_bytes(), prefix.as_bytes());
    if t.len() < p.len() {
        return false;
    }
    let word = |b: &[u8]| u64::from_le_bytes(b.try_into().expect("eight bytes"));
    let mut t_chunks = t[..p.len()].chunks_exact(8);
    let mut p_chunks = p.chunks_exact(8);
    t_chunks.by_ref().zip(p_chunks.by_ref()).all(|(a, b)| word(a) == word(b))
        && t_chunks.remainder().iter().zip(p_chunks.remainder()).all(|(a, b)| a == b)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words by the character rule, for [`Words::new`] to be held to.
    fn words_by_chars(text: &str, ranges: &[std::ops::Range<usize>]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for r in ranges {
            let mut start = char_before(text, r.start).is_some_and(is_word_char).then_some(usize::MAX);
            for (i, c) in text[r.clone()].char_indices().map(|(i, c)| (r.start + i, c)).chain([(r.end, ' ')]) {
                match (is_word_char(c), start) {
                    (true, None) => start = Some(i),
                    (false, Some(s)) => {
                        if s != usize::MAX {
                            out.push((s, i));
                        }
                        start = None;
                    }
                    _ => {}
                }
            }
        }
        out.sort();
        out.dedup_by_key(|w| w.0);
        out
    }

    #[test]
    fn whole_word_patterns_sharing_a_first_word() {
        let m = WholeWordMatcher::new(
            ["республики", "республики казахстан", "республики корея", "u.s. department", "ооо."]
                .map(String::from)
                .to_vec(),
        );
        let found = |text: &str| -> Vec<(usize, String)> {
            let words = Words::new(text, std::slice::from_ref(&(0..text.len())));
            let mut out = Vec::new();
            m.find(text, words.within(0..text.len()), text.len(), |pid, s, e| out.push((pid, text[s..e].to_string())));
            out.sort();
            out
        };
        assert_eq!(
            found("в республики казахстан и республики кореяx"),
            [(0, "республики".into()), (0, "республики".into()), (1, "республики казахстан".into())]
        );
        assert_eq!(found("the u.s. department of"), [(3, "u.s. department".into())]);
        assert_eq!(found("ооо. ооо"), [(4, "ооо.".into())]);
        assert_eq!(found("республики казах"), [(0, "республики".into())]);
    }

    proptest::proptest! {
        #[test]
        fn prefixes_agree_with_the_standard_library(text in "\\PC{0,24}", prefix in "\\PC{0,12}", cut in 0usize..24) {
            let prefix = if cut < text.len() && text.is_char_boundary(cut) { text[..cut].to_string() } else { prefix };
            proptest::prop_assert_eq!(has_prefix(&text, &prefix), text.starts_with(prefix.as_str()));
        }

        #[test]
        fn fingerprints_never_deny_a_key(keys in proptest::collection::vec("\\PC{0,6}", 1..50)) {
            let mut f = Fingerprints::new();
            keys.iter().for_each(|k| f.insert(k.as_bytes()));
            proptest::prop_assert!(keys.iter().all(|k| f.may_hold(k.as_bytes())));
        }

        #[test]
        fn words_agree_with_the_character_rule(
            text in "\\PC{0,40}|[а-яА-Я ,.]{0,60}[«»—ӘәÀ1_]?[а-яa-z ,.]{0,60}",
            cuts in proptest::collection::vec(0usize..200, 0..4),
        ) {
            let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c.min(text.len())).filter(|&c| text.is_char_boundary(c)).collect();
            cuts.push(0);
            cuts.push(text.len());
            cuts.sort();
            cuts.dedup();
            let ranges: Vec<std::ops::Range<usize>> = cuts.windows(2).step_by(2).map(|w| w[0]..w[1]).collect();
            let found: Vec<(usize, usize)> = Words::new(&text, &ranges).words.iter().map(|w| (w.start, w.end)).collect();
            proptest::prop_assert_eq!(found, words_by_chars(&text, &ranges));
        }
    }
}
