//! The bottom layer: data embedded from `assets/` and the small text primitives every layer
//! shares (case folding that keeps byte offsets, word boundaries, month names).
//!
//! Both `load` (which must recognise datelines and furniture) and `extract` read from here, so it
//! depends on nothing else in the crate.

pub mod assets;
pub mod furniture;
pub mod letters;
pub mod months;
pub mod scan;
pub mod words;

/// Hash maps and sets keyed by words, codes and small numbers, with foldhash instead of the
/// standard SipHash, whose setup cost more than the lookups in these tables: the gazetteer's
/// builder files sixteen thousand names, and every article fills a few small tables.
pub type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
pub type FastSet<K> = std::collections::HashSet<K, foldhash::fast::RandomState>;

pub use words::{has_prefix, PrefixMatcher, WholeWordMatcher, Word, Words};

/// Lowercases `text` and folds `ё` to `е`, keeping every byte offset: a character whose lowercase
/// form has a different UTF-8 length is kept as it is. Spans found in the folded text can then be
/// used on the original without any mapping.
///
/// Every article is folded once or more, so only the characters a fold may change are visited
/// ([`scan::next_to_fold`] jumps to them 16 or 32 bytes at a time), ASCII and the basic Russian
/// alphabet are folded on the bytes (a capital Cyrillic letter and its lowercase both take two
/// bytes), and anything else goes through [`fold_char`].
pub fn fold(text: &str) -> String {
    fold_with(text, |_| {})
}

/// [`fold`], and where the text's Russian capitals А..Я and Ё stand (byte offsets, in order):
/// the fold visits each of them anyway, and the name finder starts only at them.
pub fn fold_noting_capitals(text: &str) -> (String, Vec<usize>) {
    // About one letter in sixty is a capital in news text: room for them at once.
    let mut capitals = Vec::with_capacity(text.len() / 64 + 8);
    let folded = fold_with(text, |at| capitals.push(at));
    (folded, capitals)
}

/// [`fold`] written into `out`, which must be as long as `text`: the timeline folds every event's
/// text straight into its search buffer.
pub fn fold_into(text: &str, out: &mut [u8]) {
    out.copy_from_slice(text.as_bytes());
    fold_changes(text, out, |_| {});
}

fn fold_with(text: &str, on_capital: impl FnMut(usize)) -> String {
    let mut out = text.as_bytes().to_vec();
    fold_changes(text, &mut out, on_capital);
    debug_assert!(std::str::from_utf8(&out).is_ok());
    // SAFETY: `text` is UTF-8, and every change `fold_changes` makes replaces one whole character
    // by another of the same encoded length, so `out` is UTF-8 too. Checking it again cost as much
    // as the fold itself on Cyrillic text (`fold_agrees_with_the_character_rule` tests the claim).
    unsafe { String::from_utf8_unchecked(out) }
}

/// Writes into `out`, a copy of `text`, the changes a fold makes.
fn fold_changes(text: &str, out: &mut [u8], mut on_capital: impl FnMut(usize)) {
    let src = text.as_bytes();
    let mut i = 0;
    loop {
        i = scan::next_to_fold(src, i);
        if i >= src.len() {
            break;
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
            (0xD0, 0x90..=0x9F) => {
                on_capital(i);
                out[i + 1] = next + 0x20;
            }
            // Р..Я -> р..я
            (0xD0, 0xA0..=0xAF) => {
                on_capital(i);
                out[i] = 0xD1;
                out[i + 1] = next - 0x20;
            }
            // Ё, ё -> е
            (0xD0, 0x81) | (0xD1, 0x91) => {
                if b == 0xD0 {
                    on_capital(i);
                }
                out[i] = 0xD0;
                out[i + 1] = 0xB5;
            }
            // Latin-1 punctuation and signs (« » © °) and general punctuation (dashes, quotes,
            // ellipsis): no case, and the commonest characters outside the two alphabets.
            (0xC2, _) => {}
            (0xE2, 0x80 | 0x81) => {
                i += 3;
                continue;
            }
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

/// A word character or a hyphen: compounds ("Богдан-Мартин", "e-gov", "ИКТ-сектор") are one
/// word to the phrase lexicons, the people finder and the body index.
#[inline]
pub fn is_compound_word_char(c: char) -> bool {
    is_word_char(c) || c == '-'
}

/// How many characters `s` holds, counted no further than `n`. A character takes one to four
/// bytes, so a long line is known to hold `n` from its length alone; a shorter one is counted by
/// the standard library's vector count rather than decoded character by character.
pub fn chars_at_most(s: &str, n: usize) -> usize {
    if s.len() >= 4 * n {
        n
    } else {
        s.chars().count().min(n)
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

/// Iterates over lines with their byte spans (the span excludes the `\n`). Line ends are found
/// by the memchr crate's vector search, several times quicker than `str::split`'s.
pub fn lines_with_spans(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]);
    let mut start = 0;
    ends.map(move |end| {
        let s = start;
        start = end + 1;
        (s, &text[s..end])
    })
}

/// Splits `text[range]` into sentences, returning their spans. A full stop ends a sentence only
/// when a space and a capital letter (or a line break) follow and the word before it is longer
/// than two letters, so initials ("М.И.Шадаев") and abbreviations ("г.", "с.г.") do not split.
pub fn sentences(text: &str, range: std::ops::Range<usize>) -> Vec<std::ops::Range<usize>> {
    // A sentence is a hundred bytes and more: room for them at once.
    let mut out = Vec::with_capacity(range.len() / 128 + 1);
    sentences_into(text, range, &mut out);
    out
}

/// [`sentences`], appended to `out`: an article's regions share one vector.
pub fn sentences_into(text: &str, range: std::ops::Range<usize>, out: &mut Vec<std::ops::Range<usize>>) {
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
    text[..at].chars().rev().take(3).take_while(|&c| is_letter(c)).count()
}

/// `char::is_alphabetic`, with ASCII and Cyrillic answered without the Unicode tables.
#[inline]
fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        _ if c.is_ascii() => false,
        '\u{0400}'..='\u{0481}' | '\u{048A}'..='\u{04FF}' => true,
        _ => c.is_alphabetic(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_are_counted_up_to_the_limit() {
        assert_eq!(chars_at_most("", 5), 0);
        assert_eq!(chars_at_most("абв", 5), 3);
        assert_eq!(chars_at_most("абвгдеж", 5), 5);
        assert_eq!(chars_at_most(&"я".repeat(40), 10), 10);
        assert_eq!(chars_at_most("abc", 3), 3);
    }

    #[test]
    fn letters_are_what_unicode_calls_alphabetic() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
        }
    }

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
        fn fold_agrees_with_the_character_rule(s in "\\PC{0,40}|[а-яА-ЯёЁa-zA-Z ]{0,40}|[а-яё ,.ӘәÀàÉ«»—]{0,60}|[а-яА-Я \u{80}-\u{BF}\u{2000}-\u{207F}\u{2160}\u{24B6}]{0,40}") {
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
