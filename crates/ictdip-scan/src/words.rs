//! The words of a text: runs of word characters (letters and digits of any script), found a
//! block of bytes at a time where the text is ASCII and Russian.

use crate::scan::WordBlocks;

/// A word of a text: the byte span of a run of word characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
}

/// Whether the character at byte `i` of `text` is a word character, and its length in bytes.
/// Decided on the bytes for ASCII and Cyrillic (the same answer as [`is_word_char`]): this runs
/// for every character of every article.
#[inline]
pub fn word_char_at(text: &str, i: usize) -> (bool, usize) {
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

/// Whether the character ending at byte `at` belongs to a word (a word character, or the ASCII
/// byte `joiner` a caller counts in its words: a hyphen, a dot), and where it starts. A Russian
/// letter or an ASCII byte is told without finding the character's start first: words are read
/// back one by one from every name an article holds.
#[inline]
pub fn word_part_before(text: &str, at: usize, joiner: u8) -> (bool, usize) {
    let bytes = text.as_bytes();
    match bytes[at - 1] {
        b @ 0..=0x7F => return (b.is_ascii_alphanumeric() || b == joiner, at - 1),
        0x80..=0xBF if at >= 2 && matches!(bytes[at - 2], 0xD0 | 0xD1) => return (true, at - 2),
        _ => {}
    }
    let mut start = at - 1;
    while bytes[start] & 0xC0 == 0x80 {
        start -= 1;
    }
    (word_char_at(text, start).0, start)
}

/// The character that ends just before byte `at`, if any.
#[inline]
pub fn char_before(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

/// The words of `text[range]` for each of `ranges`: in text order when the ranges are in order
/// and apart.
pub fn words(text: &str, ranges: &[std::ops::Range<usize>]) -> Vec<Word> {
    #[cfg(target_arch = "x86_64")]
    if crate::scan::has_avx2() {
        #[target_feature(enable = "avx2")]
        unsafe fn wide(text: &str, ranges: &[std::ops::Range<usize>]) -> Vec<Word> {
            // SAFETY: this function runs only where the processor has AVX2, which wide blocks need.
            unsafe { words_of::<crate::scan::Wide>(text, ranges) }
        }
        // SAFETY: the processor has AVX2.
        return unsafe { wide(text, ranges) };
    }
    // SAFETY: narrow blocks run on any processor.
    unsafe { words_of::<crate::scan::Narrow>(text, ranges) }
}

/// The words of `text[range]` for each of `ranges`, in the order found. A block of `B::WIDTH`
/// bytes at a time where they are ASCII and Russian: the words' starts and ends are where the bits
/// of word bytes change; a character at a time elsewhere.
///
/// # Safety
///
/// `B::word_bytes` must be callable here (see [`WordBlocks`]).
#[inline(always)]
unsafe fn words_of<B: WordBlocks>(text: &str, ranges: &[std::ops::Range<usize>]) -> Vec<Word> {
    unsafe {
        let bytes = text.as_bytes();
        let lanes = (1u64 << B::WIDTH) - 1;
        let mut words = Vec::with_capacity(text.len() / 8);
        for range in ranges {
            // A word that began before the range is not one of its words.
            let mut start = char_before(text, range.start).is_some_and(is_word_char).then_some(usize::MAX);
            let end_word = |words: &mut Vec<Word>, start: &mut Option<usize>, at: usize| {
                if let Some(s) = start.take().filter(|&s| s != usize::MAX) {
                    words.push(Word { start: s, end: at });
                }
            };
            let mut i = range.start;
            while i < range.end {
                if let Some(mask) = (i + B::WIDTH <= range.end).then(|| B::word_bytes(bytes, i)).flatten() {
                    let before = u64::from(start.is_some());
                    let shifted = (mask << 1) | before;
                    let (mut starts, mut ends) = (mask & !shifted, !mask & shifted & lanes);
                    // Starts and ends alternate: a word open before the block ends at the first end,
                    // and each start in it at the end after it, if the block holds one.
                    if before == 1 && ends != 0 {
                        end_word(&mut words, &mut start, i + ends.trailing_zeros() as usize);
                        ends &= ends - 1;
                    }
                    while starts != 0 {
                        let from = i + starts.trailing_zeros() as usize;
                        starts &= starts - 1;
                        if ends == 0 {
                            start = Some(from);
                            break;
                        }
                        words.push(Word { start: from, end: i + ends.trailing_zeros() as usize });
                        ends &= ends - 1;
                    }
                    i += B::WIDTH;
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
                    (false, Some(_)) => end_word(&mut words, &mut start, i),
                    _ => {}
                }
                i += len;
            }
            end_word(&mut words, &mut start, range.end);
        }
        words
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words by the character rule, which the block scans are held to.
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
        out
    }

    proptest::proptest! {
        #[test]
        fn both_block_widths_agree_with_the_character_rule(
            text in "\\PC{0,40}|[а-яА-Я ,.]{0,60}[«»—ӘәÀ1_]?[а-яa-z ,.]{0,60}",
            cuts in proptest::collection::vec(0usize..200, 0..4),
        ) {
            let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c.min(text.len())).filter(|&c| text.is_char_boundary(c)).collect();
            cuts.push(0);
            cuts.push(text.len());
            cuts.sort_unstable();
            cuts.dedup();
            let ranges: Vec<std::ops::Range<usize>> = cuts.windows(2).step_by(2).map(|w| w[0]..w[1]).collect();
            let spans = |words: Vec<Word>| -> Vec<(usize, usize)> { words.iter().map(|w| (w.start, w.end)).collect() };
            proptest::prop_assert_eq!(spans(words(&text, &ranges)), words_by_chars(&text, &ranges));
            // The narrow blocks too, which `words` leaves aside where the processor has AVX2.
            // SAFETY: narrow blocks run on any processor.
            let narrow = unsafe { words_of::<crate::scan::Narrow>(&text, &ranges) };
            proptest::prop_assert_eq!(spans(narrow), words_by_chars(&text, &ranges));
        }
    }
}
