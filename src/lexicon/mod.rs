//! The bottom layer: data embedded from `assets/` and the small text primitives every layer
//! shares (case folding that keeps byte offsets, word boundaries, month names).
//!
//! Both `load` (which must recognise datelines and furniture) and `extract` read from here, so it
//! depends on nothing else in the crate.

pub mod assets;
pub mod furniture;
pub mod months;
pub mod swar;

/// Lowercases `text` and folds `ё` to `е`, keeping every byte offset: a character whose lowercase
/// form has a different UTF-8 length is kept as it is. Spans found in the folded text can then be
/// used on the original without any mapping.
///
/// Every article is folded once or more, so ASCII and the basic Russian alphabet are folded on the
/// bytes (a capital Cyrillic letter and its lowercase both take two bytes); anything else goes
/// through [`fold_char`].
pub fn fold(text: &str) -> String {
    let src = text.as_bytes();
    let mut out = src.to_vec();
    // Ё's second byte also ends the common "с", so the word test below leaves it out; a text
    // with an Ё is folded byte by byte.
    let capital_yo = memchr::memmem::find(src, "Ё".as_bytes()).is_some();
    let mut i = 0;
    while i < src.len() {
        if !capital_yo && swar::word_at(src, i).is_some_and(|w| !needs_folding(w)) {
            i += 8;
            // A two-byte letter may straddle the edge: the next step starts at its first byte.
            if src.get(i).is_some_and(|&b| b & 0xC0 == 0x80) {
                i -= 1;
            }
            continue;
        }
        let b = src[i];
        if b < 0x80 {
            out[i] = b.to_ascii_lowercase();
            i += 1;
            continue;
        }
        let next = src.get(i + 1).copied().unwrap_or(0);
        match (b, next) {
            // А..П -> а..п
            (0xD0, 0x90..=0x9F) => out[i + 1] = next + 0x20,
            // Р..Я -> р..я
            (0xD0, 0xA0..=0xAF) => {
                out[i] = 0xD1;
                out[i + 1] = next - 0x20;
            }
            // Ё, ё -> е
            (0xD0, 0x81) | (0xD1, 0x91) => {
                out[i] = 0xD0;
                out[i + 1] = 0xB5;
            }
            // а..п, р..я: already folded.
            (0xD0, 0xB0..=0xBF) | (0xD1, 0x80..=0x8F) => {}
            _ => {
                let c = text[i..].chars().next().expect("a character starts here");
                let f = fold_char(c);
                f.encode_utf8(&mut out[i..i + c.len_utf8()]);
                i += c.len_utf8();
                continue;
            }
        }
        i += 2;
    }
    debug_assert!(std::str::from_utf8(&out).is_ok());
    // SAFETY: `text` is UTF-8, and every change above replaces one whole character by another of
    // the same encoded length, so `out` is UTF-8 too. Checking it again cost as much as the fold
    // itself on Cyrillic text (`fold_agrees_with_the_character_rule` tests the claim).
    unsafe { String::from_utf8_unchecked(out) }
}

/// True when the eight bytes in `w` may hold something to fold: an ASCII capital, the second byte
/// of А..Я or of ё (0x90..=0xAF), or the first byte of a character outside ASCII and Russian.
/// (Ё is looked for before.)
#[inline]
fn needs_folding(w: u64) -> bool {
    use swar::any_byte_in;
    any_byte_in(w, b'A', b'Z') || any_byte_in(w, 0x90, 0xAF) || any_byte_in(w, 0xC0, 0xCF) || any_byte_in(w, 0xD2, 0xFF)
}

/// The per-character rule behind [`fold`]. ASCII and the Russian alphabet, nearly all of the text
/// this sees, take a fast path; everything else asks the Unicode tables.
#[inline]
pub fn fold_char(c: char) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        _ if c.is_ascii() => c,
        'а'..='я' => c,
        'А'..='Я' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        'ё' | 'Ё' => 'е',
        _ => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
                _ => c,
            }
        }
    }
}

/// A character that can be part of a word: a letter or a digit. ASCII and Cyrillic are answered
/// without the Unicode tables (this is asked for every candidate match's boundaries).
#[inline]
pub fn is_word_char(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        _ if c.is_ascii() => false,
        '\u{0400}'..='\u{0481}' | '\u{048A}'..='\u{04FF}' => true,
        // Guillemets and the General Punctuation block (dashes, quotes, spaces): common in news
        // text, and the Unicode tables are slow to say so.
        '«' | '»' | '\u{2000}'..='\u{206F}' => false,
        _ => c.is_alphanumeric(),
    }
}

/// Whether the character at byte `i` of `text` is a word character, and its length in bytes.
/// Decided on the bytes for ASCII and Cyrillic (the same answer as [`is_word_char`]): this runs
/// for every character of every article.
#[inline]
fn word_char_at(text: &str, i: usize) -> (bool, usize) {
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
            let mut i = range.start;
            while i < range.end {
                let (word, len) = match bytes[i] {
                    b @ 0..=0x7F => (b.is_ascii_alphanumeric(), 1),
                    0xD0 | 0xD1 => (true, 2),
                    _ => word_char_at(text, i),
                };
                match (word, start) {
                    (true, None) => start = Some(i),
                    (false, Some(s)) => {
                        if s != usize::MAX {
                            words.push(Word { start: s, end: i });
                        }
                        start = None;
                    }
                    _ => {}
                }
                i += len;
            }
            if let Some(s) = start.filter(|&s| s != usize::MAX) {
                words.push(Word { start: s, end: range.end });
            }
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
        PrefixMatcher { patterns, by_key, short_stems }
    }

    fn key(text: &str, word: Word) -> &str {
        let w = &text[word.start..word.end];
        w.char_indices().nth(KEY_CHARS).map_or(w, |(i, _)| &w[..i])
    }

    /// Every pattern that the text at one of `words` (of `folded`, see [`Words`]) begins with and
    /// that ends by `end`, as (pattern index, start, end), in text order.
    pub fn find(&self, folded: &str, words: &[Word], end: usize, mut found: impl FnMut(usize, usize, usize)) {
        let hay = &folded[..end];
        for &word in words {
            let keyed = self.by_key.get(Self::key(hay, word)).map_or(&[][..], Vec::as_slice);
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
pub struct WholeWordMatcher {
    patterns: Vec<String>,
    by_first_word: std::collections::HashMap<Box<str>, Vec<u32>, foldhash::fast::RandomState>,
}

impl WholeWordMatcher {
    /// Patterns that do not start with a word character can never match and are left out.
    pub fn new(patterns: Vec<String>) -> WholeWordMatcher {
        let mut by_first_word: std::collections::HashMap<Box<str>, Vec<u32>, _> = Default::default();
        for (i, p) in patterns.iter().enumerate() {
            let first = &p[..word_end(p, 0)];
            if !first.is_empty() {
                by_first_word.entry(first.into()).or_insert_with(Vec::new).push(i as u32);
            }
        }
        WholeWordMatcher { patterns, by_first_word }
    }

    /// Every pattern that starts at one of `words` (of `folded`, see [`Words`]), ends by `end` and
    /// is followed by no word character, as (pattern index, start, end), in text order.
    pub fn find(&self, folded: &str, words: &[Word], end: usize, mut found: impl FnMut(usize, usize, usize)) {
        let hay = &folded[..end];
        for &word in words {
            let (start, first_end) = (word.start, word.end);
            let Some(candidates) = self.by_first_word.get(&hay[start..first_end]) else { continue };
            for &pid in candidates {
                // The first word is the key just matched: only the rest of a pattern is compared.
                let p = &self.patterns[pid as usize];
                let rest = &p[first_end - start..];
                let p_end = first_end + rest.len();
                if has_prefix(&hay[first_end..], rest) && !char_at(folded, p_end).is_some_and(is_word_char) {
                    found(pid as usize, start, p_end);
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
#[inline]
pub fn has_prefix(text: &str, prefix: &str) -> bool {
    let (t, p) = (text.as_bytes(), prefix.as_bytes());
    t.len() >= p.len() && t.iter().zip(p).all(|(a, b)| a == b)
}

/// The character that ends just before byte `at`, if any.
#[inline]
pub fn char_before(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

/// The character that starts at byte `at`, if any.
#[inline]
pub fn char_at(text: &str, at: usize) -> Option<char> {
    text[at..].chars().next()
}

/// True when `start..end` is a whole word of `text`: no word character touches either end.
pub fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    !char_before(text, start).is_some_and(is_word_char) && !char_at(text, end).is_some_and(is_word_char)
}

/// True when the word at `at` begins a sentence: only spaces, quotes or brackets stand between it
/// and the start of the text, a line break, or a sentence-ending mark.
pub fn starts_sentence(text: &str, at: usize) -> bool {
    for c in text[..at].chars().rev() {
        match c {
            ' ' | '\t' | '«' | '"' | '„' | '“' | '(' | '—' | '–' | '-' => continue,
            '\n' | '.' | '!' | '?' | '…' | ':' => return true,
            _ => return false,
        }
    }
    true
}

/// Iterates over lines with their byte spans (the span excludes the `\n`).
pub fn lines_with_spans(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    text.split('\n').map(move |line| {
        let s = start;
        start += line.len() + 1;
        (s, line)
    })
}

/// Splits `text[range]` into sentences, returning their spans. A full stop ends a sentence only
/// when a space and a capital letter (or a line break) follow and the word before it is longer
/// than two letters, so initials ("М.И.Шадаев") and abbreviations ("г.", "с.г.") do not split.
pub fn sentences(text: &str, range: std::ops::Range<usize>) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = range.start;
    let bytes = &text.as_bytes()[..range.end];
    let mut push = |from: usize, to: usize| {
        if !text[from..to].trim().is_empty() {
            out.push(from..to);
        }
    };
    // Only line breaks and the three marks can end a sentence; memchr finds them.
    let mut line_start = range.start;
    for line_end in memchr::memchr_iter(b'\n', &bytes[range.start..]).map(|i| range.start + i).chain([range.end]) {
        for i in memchr::memchr3_iter(b'.', b'!', b'?', &bytes[line_start..line_end]).map(|i| line_start + i) {
            let split_after = match bytes[i] {
                b'.' => next_is_capital(text, i + 1, range.end) && word_before_len(text, i) > 2,
                _ => next_is_capital(text, i + 1, range.end),
            };
            if split_after {
                push(start, i + 1);
                start = i + 1;
            }
        }
        if line_end < range.end {
            push(start, line_end + 1);
            start = line_end + 1;
        }
        line_start = line_end + 1;
    }
    if start < range.end {
        push(start, range.end);
    }
    out
}

fn next_is_capital(text: &str, from: usize, end: usize) -> bool {
    let rest = &text[from..end];
    let mut chars = rest.chars();
    match chars.next() {
        None => true,
        Some('\n') => true,
        Some(' ') => {
            chars.find(|c| *c != ' ' && *c != '«' && *c != '"').is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        }
        _ => false,
    }
}

/// Letters in the word ending at `at`, counted up to three (all the caller asks).
fn word_before_len(text: &str, at: usize) -> usize {
    text[..at].chars().rev().take(3).take_while(|c| c.is_alphabetic()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_starts_on_the_bytes_agree_with_the_character_rule() {
        let t = "«ШОС» и ITU-T: 5G, Ѳита҂ҋ ąb 中国";
        let by_char: Vec<usize> = t
            .char_indices()
            .filter(|&(i, c)| is_word_char(c) && !char_before(t, i).is_some_and(is_word_char))
            .map(|(i, _)| i)
            .collect();
        let words = Words::new(t, std::slice::from_ref(&(0..t.len())));
        assert_eq!(words.within(0..t.len()).iter().map(|w| w.start).collect::<Vec<_>>(), by_char);
    }

    proptest::proptest! {
        #[test]
        fn fold_agrees_with_the_character_rule(s in "\\PC{0,40}|[а-яА-ЯёЁa-zA-Z ]{0,40}|[а-яё ,.ӘәÀàÉ«»—]{0,60}") {
            let by_char: String = s.chars().map(fold_char).collect();
            proptest::prop_assert_eq!(fold(&s), by_char);
        }
    }

    #[test]
    fn fold_keeps_offsets_and_folds_yo() {
        let s = "Ёлка ШОС İstanbul ß";
        let f = fold(s);
        assert_eq!(f.len(), s.len());
        assert!(f.starts_with("елка шос"));
    }

    #[test]
    fn sentences_do_not_split_on_initials_or_abbreviations() {
        let t = "Выступил М.И.Шадаев. Встреча прошла в г. Алматы. Итоги подвели.";
        let s: Vec<&str> = sentences(t, 0..t.len()).into_iter().map(|r| t[r].trim()).collect();
        assert_eq!(s, ["Выступил М.И.Шадаев.", "Встреча прошла в г. Алматы.", "Итоги подвели."]);
    }

    #[test]
    fn sentence_start_detection() {
        let t = "Того же мнения. Республика Того";
        assert!(starts_sentence(t, 0));
        assert!(!starts_sentence(t, t.rfind("Того").unwrap()));
        assert!(starts_sentence(t, t.find("Республика").unwrap()));
    }
}
