//! The bottom layer: data embedded from `assets/` and the small text primitives every layer
//! shares (case folding that keeps byte offsets, word boundaries, month names).
//!
//! Both `load` (which must recognise datelines and furniture) and `extract` read from here, so it
//! depends on nothing else in the crate.

pub(crate) mod assets;
pub(crate) mod furniture;
mod letters;
pub(crate) mod months;
pub(crate) mod translit;
mod words;

/// Hash maps and sets keyed by words, codes and small numbers, with foldhash instead of the
/// standard `SipHash`, whose setup cost more than the lookups in these tables: the gazetteer's
/// builder files sixteen thousand names, and every article fills a few small tables.
pub type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
pub type FastSet<K> = std::collections::HashSet<K, foldhash::fast::RandomState>;

pub use ictdip_scan::is_word_char;
pub use words::{has_prefix, PrefixMatcher, WholeWordMatcher, Word, Words};

pub use ictdip_scan::{fold, fold_char, fold_into, fold_noting_capitals};

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
            ' ' | '\t' | '«' | '"' | '„' | '“' | '(' | '—' | '–' | '-' => {}
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
#[cfg(test)]
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
                // A closing quote or bracket ends a name, not an abbreviation: "форум «Open
                // Web 2031». Напомним, ..." is two sentences; so does a year ("turns 20 in
                // 2018. Afghanistan ..."), where a date's day or month would not be followed by
                // a space.
                b'.' => {
                    (next_is_capital(text, i + 1, range.end)
                        && (word_before_len(text, i) > 2
                            || short_word_ends_sentence(text, i)
                            || text[..i].ends_with(['»', '"', '”', ')'])
                            || (text.as_bytes().get(i + 1) == Some(&b' ') && year_before(text, i))))
                        || glued_sentences(text, i, range.end)
                }
                _ => next_is_capital(text, i + 1, range.end),
            };
            if split_after {
                push(start, i + 1);
                start = i + 1;
            }
        }
        if line_end < range.end && !line_wraps(&text[line_start..line_end], &text[line_end + 1..range.end]) {
            push(start, line_end + 1);
            start = line_end + 1;
        }
        line_start = line_end + 1;
    }
    if start < range.end {
        push(start, range.end);
    }
}

/// True when `line` is a hard-wrapped piece of a sentence that goes on in `next` ("delegates
/// gathered in" over "the Kyrgyz Republic"), as text re-flowed from a PDF or a mail is: the line
/// ends in no mark that can end a sentence and the next opens with a lowercase letter. A
/// headline, a caption or a list item over a paragraph opens its next line with a capital, and
/// stays a sentence of its own.
pub fn line_wraps(line: &str, next: &str) -> bool {
    let line = line.trim_end();
    !line.is_empty()
        && !line.ends_with(['.', '!', '?', '…', ':', ';', '»', '"', '”', ')'])
        && next.chars().next().is_some_and(char::is_lowercase)
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

/// True when the full stop at `at` ends a sentence that the next one was glued to with no space,
/// as pages copied paragraph by paragraph often are ("в документе.Кроме того", "говорится в
/// документе.\"Государства-члены"): a lowercase word of four letters and more before it, a
/// capital (or a quote and a capital) right after. Initials ("М.И.Шадаев") and site names
/// ("Kazinform.kz") do not look so.
fn glued_sentences(text: &str, at: usize, end: usize) -> bool {
    let before_is_word = text[..at].chars().rev().take(4).filter(|c| c.is_lowercase()).count() == 4;
    let mut after = text[at + 1..end].chars();
    before_is_word
        && match after.next() {
            Some('«' | '"' | '“') => after.next().is_some_and(char::is_uppercase),
            Some(c) => c.is_uppercase(),
            None => false,
        }
}

/// True when a year of four digits, standing alone, ends at `at`.
fn year_before(text: &str, at: usize) -> bool {
    let b = text.as_bytes();
    at >= 5 && b[at - 4..at].iter().all(u8::is_ascii_digit) && b[at - 5] == b' ' && matches!(b[at - 4], b'1' | b'2')
}

/// Letters in the word ending at `at`, counted up to three (all the caller asks).
/// True when the word before the full stop at `at` is a short word that ends sentences ("taking
/// part in it.", "поддержали его и их."), not an abbreviation ("им. Ломоносова", "ул. Мира",
/// "Mr. Smith"): a whole word, lowercase, of a closed list.
fn short_word_ends_sentence(text: &str, at: usize) -> bool {
    const ENDING: [&str; 22] = [
        "it", "us", "in", "on", "up", "so", "to", "do", "go", "me", "by", "as", "at", "be", "он", "их", "ее", "её",
        "мы", "вы", "же", "ей",
    ];
    let head = &text[..at];
    ENDING.iter().any(|w| {
        head.strip_suffix(w)
            .is_some_and(|rest| !rest.chars().next_back().is_some_and(is_letter) && !rest.ends_with('.'))
    })
}

fn word_before_len(text: &str, at: usize) -> usize {
    text[..at].chars().rev().take(3).take_while(|&c| is_letter(c)).count()
}

/// `char::is_alphabetic`, with ASCII and Cyrillic answered without the Unicode tables.
#[inline]
pub(crate) fn is_letter(c: char) -> bool {
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
    use ictdip_scan::char_before;

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

    #[test]
    fn sentences_do_not_split_on_initials_or_abbreviations() {
        let t = "Выступил М.И.Шадаев. Встреча прошла в г. Алматы. Итоги подвели.";
        let s: Vec<&str> = sentences(t, 0..t.len()).into_iter().map(|r| t[r].trim()).collect();
        assert_eq!(s, ["Выступил М.И.Шадаев.", "Встреча прошла в г. Алматы.", "Итоги подвели."]);
    }

    #[test]
    fn sentences_end_after_a_short_word_but_not_a_short_abbreviation() {
        let t = "Seventy people are taking part in it. Participants will meet. Встреча в МГУ им. Ломоносова на ул. Мира. Mr. Smith spoke.";
        let s: Vec<&str> = sentences(t, 0..t.len()).into_iter().map(|r| t[r].trim()).collect();
        assert_eq!(
            s,
            [
                "Seventy people are taking part in it.",
                "Participants will meet.",
                "Встреча в МГУ им. Ломоносова на ул. Мира.",
                "Mr. Smith spoke."
            ]
        );
    }

    #[test]
    fn sentences_end_after_a_name_in_quotes_or_a_year() {
        let t = "Открылся форум «Open Web». Напомним, он прошел в 2019. Afghanistan joined 12.05.2020 at noon.";
        let s: Vec<&str> = sentences(t, 0..t.len()).into_iter().map(|r| t[r].trim()).collect();
        assert_eq!(
            s,
            ["Открылся форум «Open Web».", "Напомним, он прошел в 2019.", "Afghanistan joined 12.05.2020 at noon."]
        );
    }

    #[test]
    fn a_hard_wrapped_sentence_runs_on_over_its_line_break() {
        let t = "Delegates gathered in\nthe Kyrgyz Republic for the session\nof the Board.\nThe Board met\nOn June 4 a vote was held.";
        let s: Vec<&str> = sentences(t, 0..t.len()).into_iter().map(|r| t[r].trim()).collect();
        // A line that ends in a mark, or is followed by a capital, ends its sentence.
        assert_eq!(
            s,
            [
                "Delegates gathered in\nthe Kyrgyz Republic for the session\nof the Board.",
                "The Board met",
                "On June 4 a vote was held."
            ]
        );
    }

    #[test]
    fn sentences_glued_without_a_space_are_split() {
        let t = "Об этом говорится в документе.\"Государства против\", - сказано в тексте.Кроме того, М.И.Шадаев и Kazinform.kz.";
        let s: Vec<&str> = sentences(t, 0..t.len()).into_iter().map(|r| t[r].trim()).collect();
        assert_eq!(
            s,
            [
                "Об этом говорится в документе.",
                "\"Государства против\", - сказано в тексте.",
                "Кроме того, М.И.Шадаев и Kazinform.kz."
            ]
        );
    }

    #[test]
    fn sentence_start_detection() {
        let t = "Того же мнения. Республика Того";
        assert!(starts_sentence(t, 0));
        assert!(!starts_sentence(t, t.rfind("Того").unwrap()));
        assert!(starts_sentence(t, t.find("Республика").unwrap()));
    }
}
