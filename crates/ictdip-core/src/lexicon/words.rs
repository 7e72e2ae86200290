//! Words, and the lookups made at them. Every name and phrase of the lexicons begins a word, so
//! an article's words are found once ([`Words`]) and each lexicon is asked about each word: the
//! gazetteer by the whole first word of a name ([`WholeWordMatcher`]), the phrase lexicons by a
//! word's first letters, since their first words may be stems ([`PrefixMatcher`]).

use super::{char_at, is_word_char};
use ictdip_scan::word_char_at;
pub use ictdip_scan::Word;

/// The words of an article's fact regions, found once and shared by every matcher: every name
/// and phrase begins a word, so lookups run at word starts instead of at every byte, and with
/// the word's end known a lookup by the whole word needs no scan of its own.
pub struct Words {
    words: Vec<Word>,
}

impl Words {
    pub fn new(text: &str, ranges: &[std::ops::Range<usize>]) -> Words {
        Words::in_order(ictdip_scan::words(text, ranges), ranges)
    }

    fn in_order(mut words: Vec<Word>, ranges: &[std::ops::Range<usize>]) -> Words {
        // Ranges in order and apart (an article's regions always are) give words in order, once.
        if !ranges.windows(2).all(|w| w[0].end <= w[1].start) {
            words.sort_unstable_by_key(|w| w.start);
            words.dedup_by_key(|w| w.start);
        }
        Words { words }
    }

    /// The words that start inside `range`.
    pub fn within(&self, range: std::ops::Range<usize>) -> &[Word] {
        let from = self.words.partition_point(|w| w.start < range.start);
        let to = self.words.partition_point(|w| w.start < range.end);
        &self.words[from..to.max(from)]
    }
}

/// Keys of up to eight bytes (four Russian letters, eight Latin ones) packed into a number, each
/// with a value, in an open-addressed table: a lookup is one multiplication and, mostly, one
/// comparison of two numbers, where a hash map of strings hashed every byte of the key and then
/// compared it as a string. Most words of a text open no phrase, so most lookups end at an empty
/// slot.
struct PackedKeys<V> {
    /// Packed key, key length in bytes (0: empty slot), value.
    slots: Vec<(u64, u8, V)>,
    shift: u32,
}

impl<V: Copy + Default> PackedKeys<V> {
    /// A table for `keys`, each of one to eight bytes and distinct.
    fn new(keys: impl ExactSizeIterator<Item = (u64, u8, V)>) -> PackedKeys<V> {
        let size = (keys.len() * 4).next_power_of_two().max(16);
        let mut table = PackedKeys { slots: vec![(0, 0, V::default()); size], shift: 64 - size.trailing_zeros() };
        for (key, len, value) in keys {
            debug_assert!((1..=8).contains(&len));
            let mut at = table.place(key, len);
            while table.slots[at].1 != 0 {
                at = (at + 1) & (size - 1);
            }
            table.slots[at] = (key, len, value);
        }
        table
    }

    #[inline]
    fn place(&self, key: u64, len: u8) -> usize {
        ((key ^ u64::from(len)).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    #[inline]
    fn get(&self, key: u64, len: u8) -> Option<V> {
        let mask = self.slots.len() - 1;
        let mut at = self.place(key, len);
        loop {
            let (k, l, v) = self.slots[at];
            if l == 0 {
                return None;
            }
            if k == key && l == len {
                return Some(v);
            }
            at = (at + 1) & mask;
        }
    }
}

/// The first `len` bytes of `bytes[at..]` (at most eight, all there), as a number.
#[inline]
fn pack(bytes: &[u8], at: usize, len: usize) -> u64 {
    debug_assert!(len <= 8 && at + len <= bytes.len());
    let word = if let Some(eight) = bytes.get(at..at + 8) {
        u64::from_le_bytes(eight.try_into().expect("eight bytes"))
    } else {
        let mut eight = [0u8; 8];
        eight[..len].copy_from_slice(&bytes[at..at + len]);
        return u64::from_le_bytes(eight);
    };
    match len {
        8 => word,
        _ => word & ((1u64 << (8 * len)) - 1),
    }
}

/// Folded patterns looked for where a word starts, by the first few letters of the word there:
/// each pattern is filed under its own first letters, and at each word only the patterns filed
/// under the word's are compared. For the phrase lexicons, whose first words may be stems
/// ("встреч" for встреча, встречи...), so that a whole-word lookup cannot find them.
///
/// The key is a word's first [`KEY_CHARS`] letters, or the whole word if it is shorter. A stem
/// shorter than that ("умн") cannot be filed so and is tried at every word whose first two bytes
/// it shares: there are few.
pub struct PrefixMatcher {
    patterns: Vec<String>,
    /// Keys of up to eight bytes (Russian and Latin words) to a range of `ids`.
    packed: PackedKeys<(u32, u32)>,
    /// Longer keys (letters of three or four bytes).
    long: super::FastMap<Box<str>, Vec<u32>>,
    ids: Vec<u32>,
    /// Short stems with their first two bytes (as a number, and a mask for stems of one byte).
    short_stems: Vec<(u16, u16, u32)>,
}

const KEY_CHARS: usize = 4;

impl PrefixMatcher {
    /// Patterns with whether each is a stem (matches words that begin with it) or whole.
    pub fn new(patterns: Vec<(String, bool)>) -> PrefixMatcher {
        let mut by_key: std::collections::BTreeMap<&str, Vec<u32>> = std::collections::BTreeMap::new();
        let mut short_stems = Vec::new();
        for (i, (p, stem)) in patterns.iter().enumerate() {
            let first = Word { start: 0, end: word_end(p, 0) };
            if *stem && first.end == p.len() && p.chars().count() < KEY_CHARS {
                let two = pack(p.as_bytes(), 0, p.len().min(2)) as u16;
                let mask = (pack(&[0xFF, 0xFF], 0, p.len().min(2))) as u16;
                short_stems.push((two, mask, i as u32));
            } else if first.end > 0 {
                // A pattern that does not open with a word character never starts at a word.
                by_key.entry(Self::key(p, first)).or_default().push(i as u32);
            }
        }
        let mut ids = Vec::new();
        let mut long: super::FastMap<Box<str>, Vec<u32>> = super::FastMap::default();
        let mut packed = Vec::new();
        for (key, group) in by_key {
            if key.len() <= 8 {
                packed.push((
                    pack(key.as_bytes(), 0, key.len()),
                    key.len() as u8,
                    (ids.len() as u32, group.len() as u32),
                ));
                ids.extend(group);
            } else {
                long.insert(key.into(), group);
            }
        }
        let packed = PackedKeys::new(packed.into_iter());
        PrefixMatcher { patterns: patterns.into_iter().map(|(p, _)| p).collect(), packed, long, ids, short_stems }
    }

    /// The byte length of a word's key: its first [`KEY_CHARS`] characters, counted by their
    /// first bytes without decoding them. Asked at every word of every article: where the key lies
    /// in the word's first eight bytes (four Russian letters, or shorter letters), the characters'
    /// first bytes are found all at once in those eight bytes read as one number.
    #[inline]
    fn key_len(w: &[u8]) -> usize {
        const TOPS: u64 = 0x8080_8080_8080_8080;
        if let Some(eight) = w.first_chunk::<8>() {
            let x = u64::from_le_bytes(*eight);
            // A continuation byte is 0b10xxxxxx: its top bit set and the next one clear.
            let starts = !(x & !(x << 1)) & TOPS;
            // The starts after the first KEY_CHARS (cleared one by one: the baseline x86-64 has no
            // instruction to count bits, and counting them in software cost more than this).
            let mut later = starts;
            for _ in 0..KEY_CHARS - 1 {
                later &= later.wrapping_sub(1);
            }
            if later != 0 {
                later &= later - 1;
                if later != 0 {
                    return later.trailing_zeros() as usize / 8;
                }
                // Exactly KEY_CHARS characters start here: the key is all eight bytes if the last
                // one ends there.
                if w.get(8).is_none_or(|&b| b & 0xC0 != 0x80) {
                    return 8;
                }
            }
        }
        let (mut at, mut chars) = (0, 0);
        while at < w.len() && chars < KEY_CHARS {
            at += match w[at] {
                0..=0x7F => 1,
                0x80..=0xDF => 2,
                0xE0..=0xEF => 3,
                _ => 4,
            };
            chars += 1;
        }
        at.min(w.len())
    }

    fn key(text: &str, word: Word) -> &str {
        &text[word.start..word.start + Self::key_len(&text.as_bytes()[word.start..word.end])]
    }

    /// The patterns filed under the key of `word`.
    #[inline]
    fn keyed(&self, hay: &str, word: Word) -> &[u32] {
        let bytes = hay.as_bytes();
        let len = Self::key_len(&bytes[word.start..word.end]);
        if len <= 8 {
            match self.packed.get(pack(bytes, word.start, len), len as u8) {
                Some((from, n)) => &self.ids[from as usize..(from + n) as usize],
                None => &[],
            }
        } else {
            self.long.get(&hay[word.start..word.start + len]).map_or(&[], Vec::as_slice)
        }
    }

    /// Every pattern that the text at one of `words` (of `folded`, see [`Words`]) begins with and
    /// that ends by `end`, as (pattern index, the word it starts at, end of the match), in text
    /// order.
    pub fn find(&self, folded: &str, words: &[Word], end: usize, mut found: impl FnMut(usize, Word, usize)) {
        let hay = &folded[..end];
        let bytes = hay.as_bytes();
        let mut test = |pid: u32, word: Word| {
            let p = &self.patterns[pid as usize];
            if has_prefix(&hay[word.start..], p) {
                found(pid as usize, word, word.start + p.len());
            }
        };
        for &word in words {
            debug_assert!(word.end > word.start);
            for &pid in self.keyed(hay, word) {
                test(pid, word);
            }
            let first_two = pack(bytes, word.start, (word.end - word.start).min(2)) as u16;
            for &(_, _, pid) in self.short_stems.iter().filter(|(two, mask, _)| first_two & mask == *two) {
                test(pid, word);
            }
        }
    }
}

/// One bit for each word a table holds, at a place drawn from the word's first and last eight
/// bytes and its length: a quick "surely not there" before a hash probe. Nine words in ten of a
/// text open no name; with one bit in twenty set, most are turned away by one read of a table
/// that stays in the CPU's cache, where the hash table of thirteen thousand words did not.
struct WordBits(Vec<u64>);

impl WordBits {
    const BITS: u32 = 18;

    fn new() -> WordBits {
        WordBits(vec![0; (1 << Self::BITS) / 64])
    }

    #[inline]
    fn place(word: &[u8]) -> usize {
        let len = word.len();
        let (head, tail) = match len {
            0..=8 => {
                let x = pack(word, 0, len);
                (x, x)
            }
            _ => (pack(word, 0, 8), pack(word, len - 8, 8)),
        };
        let x = head.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ tail.rotate_left(29) ^ len as u64;
        (x.wrapping_mul(0xFF51_AFD7_ED55_8CCD) >> (64 - Self::BITS)) as usize
    }

    fn insert(&mut self, word: &[u8]) {
        let at = Self::place(word);
        self.0[at / 64] |= 1 << (at % 64);
    }

    #[inline]
    fn may_hold(&self, word: &[u8]) -> bool {
        let at = Self::place(word);
        self.0[at / 64] & (1 << (at % 64)) != 0
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
    by_first_word: super::FastMap<Box<str>, FirstWord>,
    first_words: WordBits,
}

/// The patterns that open with one word.
#[derive(Default)]
struct FirstWord {
    /// Patterns of that word alone.
    alone: Vec<u32>,
    /// Longer patterns by what follows the first word up to the end of the second.
    by_next: super::FastMap<Box<str>, Vec<u32>>,
    /// Longer patterns with no second word (a first word and punctuation).
    other: Vec<u32>,
}

impl WholeWordMatcher {
    /// The patterns, in the order they were given.
    pub fn patterns(&self) -> &[String] {
        &self.patterns
    }

    /// Patterns that do not start with a word character can never match and are left out.
    pub fn new(patterns: Vec<String>) -> WholeWordMatcher {
        let mut by_first_word: super::FastMap<Box<str>, FirstWord> = super::FastMap::default();
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
        let mut first_words = WordBits::new();
        for w in by_first_word.keys() {
            first_words.insert(w.as_bytes());
        }
        WholeWordMatcher { patterns, by_first_word, first_words }
    }

    /// Every pattern that starts at one of `words` (of `folded`, see [`Words`]), ends by `end` and
    /// is followed by no word character, as (pattern index, start, end).
    pub fn find(&self, folded: &str, words: &[Word], end: usize, mut found: impl FnMut(usize, usize, usize)) {
        let hay = &folded[..end];
        for (j, &word) in words.iter().enumerate() {
            let (start, first_end) = (word.start, word.end);
            // On the bytes first: most words stop at the bit table.
            if !self.first_words.may_hold(&hay.as_bytes()[start..first_end]) {
                continue;
            }
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
            if let Some(next) = words.get(j + 1).filter(|_| !first.by_next.is_empty())
                && let Some(group) = first.by_next.get(&hay[first_end..next.end])
            {
                for &pid in group {
                    try_pattern(pid, next.end - start, next.end);
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

    /// The words themselves are held to the character rule in the scan crate; here, that an
    /// article's regions give them once and in text order, whatever order they come in, and that a
    /// word begun before a region is none of its words.
    #[test]
    fn words_come_in_text_order_whatever_the_order_of_the_ranges() {
        let spans = |text: &str, ranges: &[std::ops::Range<usize>]| -> Vec<(usize, usize)> {
            Words::new(text, ranges).words.iter().map(|w| (w.start, w.end)).collect()
        };
        let text = "ab cd ef gh";
        assert_eq!(spans(text, &[0..5, 6..11]), [(0, 2), (3, 5), (6, 8), (9, 11)]);
        assert_eq!(spans(text, &[6..11, 0..5]), [(0, 2), (3, 5), (6, 8), (9, 11)]);
        assert_eq!(spans(text, &[7..11, 0..2]), [(0, 2), (9, 11)], "\"f\" is the end of \"ef\"");
        // "шос и мсэ": two bytes a letter.
        assert_eq!(spans("шос и мсэ", &[10..16, 0..6]), [(0, 6), (10, 16)]);
    }

    proptest::proptest! {
        #[test]
        fn word_bits_never_deny_a_word(words in proptest::collection::vec("\\PC{0,12}", 1..50)) {
            let mut bits = WordBits::new();
            for w in &words {
                bits.insert(w.as_bytes());
            }
            proptest::prop_assert!(words.iter().all(|w| bits.may_hold(w.as_bytes())));
        }

        #[test]
        fn prefixes_agree_with_the_standard_library(text in "\\PC{0,24}", prefix in "\\PC{0,12}", cut in 0usize..24) {
            let prefix = if cut < text.len() && text.is_char_boundary(cut) { text[..cut].to_string() } else { prefix };
            proptest::prop_assert_eq!(has_prefix(&text, &prefix), text.starts_with(prefix.as_str()));
        }

        #[test]
        fn prefix_matcher_finds_what_trying_every_pattern_finds(
            patterns in proptest::collection::vec(("[а-вa-c]{1,6}|[а-вa-c]{1,3} [а-в]{1,2}|ґ[а-в]{1,4}|中文[a]?", proptest::bool::ANY), 1..30),
            text in "([а-вa-cґ中文]{1,7}[ ,.]{1,2}){0,30}",
        ) {
            let m = PrefixMatcher::new(patterns.clone());
            let words = Words::new(&text, std::slice::from_ref(&(0..text.len())));
            let words = words.within(0..text.len());
            let mut found = Vec::new();
            m.find(&text, words, text.len(), |pid, w, e| found.push((pid, w.start, e)));
            let mut expected = Vec::new();
            for w in words {
                for (pid, (p, stem)) in patterns.iter().enumerate() {
                    let opens_a_word = word_end(p, 0) > 0;
                    let short_stem = *stem && word_end(p, 0) == p.len() && p.chars().count() < KEY_CHARS;
                    // A long enough pattern is filed under its first four letters: the word there
                    // must share them (or be the whole pattern's first word, if shorter).
                    let key = PrefixMatcher::key(p, Word { start: 0, end: word_end(p, 0) });
                    let word_key = PrefixMatcher::key(&text, *w);
                    if text[w.start..].starts_with(p.as_str()) && (short_stem || (opens_a_word && key == word_key)) {
                        expected.push((pid, w.start, w.start + p.len()));
                    }
                }
            }
            found.sort_unstable();
            expected.sort_unstable();
            proptest::prop_assert_eq!(found, expected);
        }

        #[test]
        fn keys_are_the_first_characters(w in "\\PC{0,12}|[а-яa-z1€𝔸]{0,12}") {
            let by_chars = w.char_indices().nth(KEY_CHARS).map_or(w.len(), |(i, _)| i);
            proptest::prop_assert_eq!(PrefixMatcher::key_len(w.as_bytes()), by_chars);
        }
    }
}
