//! Text cleaning: what reaches the extractor and the terminal is NFC, uses `\n` line ends and has
//! no characters that break terminal widths or word matching (NBSP and its kin become spaces; soft
//! hyphens, zero-width characters and other controls go).

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Like [`clean`], handing back `raw` itself when it needs nothing.
pub fn clean_owned(raw: String) -> String {
    if is_clean(&raw) {
        raw
    } else {
        cleaned(&raw)
    }
}

pub fn clean(raw: &str) -> String {
    // Most articles need nothing: check first, and copy once.
    if is_clean(raw) {
        raw.to_owned()
    } else {
        cleaned(raw)
    }
}

/// The cleaned copy of a text that [`is_clean`] refused.
fn cleaned(raw: &str) -> String {
    if !raw.chars().any(needs_change) {
        return normalise(raw.to_owned());
    }
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\n' => out.push('\n'),
            '\t' => out.push(' '),
            '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{2000}'..='\u{200A}' | '\u{3000}' => out.push(' '),
            '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}' | '\u{202A}'..='\u{202E}' => {}
            '\u{2028}' | '\u{2029}' => out.push('\n'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    normalise(out)
}

/// True when `text` needs neither the loop below nor normalisation. Decided on the bytes for ASCII
/// and the Russian alphabet, which is nearly all of it: only control bytes and the first bytes of
/// other characters are visited, and those characters are asked one by one.
fn is_clean(text: &str) -> bool {
    // Controls but the line feed, DEL, and first bytes of characters outside ASCII and U+0400..
    // U+047F (0xD0, 0xD1: Cyrillic letters, which no cleaning changes and which are NFC).
    let bytes = text.as_bytes();
    let mut i = 0;
    loop {
        i = ictdip_scan::next_unclean(bytes, i);
        if i >= bytes.len() {
            return true;
        }
        if bytes[i] < 0x80 {
            return false;
        }
        let c = text[i..].chars().next().expect("a character starts here");
        if needs_change(c) || !surely_nfc(c) {
            return false;
        }
        i += c.len_utf8();
    }
}

/// A character the loop below would change or drop.
#[inline]
fn needs_change(c: char) -> bool {
    match c {
        '\n' | ' '..='~' => false,
        '\u{00A0}'
        | '\u{00AD}'
        | '\u{2000}'..='\u{200F}'
        | '\u{2028}'..='\u{202F}'
        | '\u{2060}'
        | '\u{3000}'
        | '\u{FEFF}' => true,
        c => c.is_control(),
    }
}

/// Characters whose NFC quick-check answer is "yes" without looking it up: everything below the
/// combining marks, the Cyrillic blocks, and common punctuation (dashes, quotes, bullets, №).
#[inline]
fn surely_nfc(c: char) -> bool {
    matches!(c, '\0'..='\u{02FF}' | '\u{0400}'..='\u{0482}' | '\u{048A}'..='\u{052F}' | '\u{2010}'..='\u{205E}' | '\u{2116}')
}

fn normalise(s: String) -> String {
    if s.chars().all(surely_nfc) || is_nfc_quick(s.chars()) == IsNormalized::Yes {
        s
    } else {
        s.nfc().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::clean;

    #[test]
    fn spaces_controls_and_line_ends() {
        assert_eq!(clean("ШОС\u{00A0}и\u{202F}СНГ"), "ШОС и СНГ");
        assert_eq!(clean("кибер\u{00AD}безопасность\u{200B}"), "кибербезопасность");
        assert_eq!(clean("a\r\nb\rc\u{7}d\te"), "a\nb\ncd e");
    }

    #[test]
    fn clean_text_is_recognised_on_the_bytes() {
        assert!(super::is_clean("Министры ШОС встретились в Ташкенте — «цифровая» повестка, № 5.\n"));
        assert!(!super::is_clean("a\tb"));
        assert!(!super::is_clean("a\u{00A0}b"));
        assert!(!super::is_clean("и\u{0306}"));
    }

    proptest::proptest! {
        #[test]
        fn the_byte_check_agrees_with_cleaning(s in "\\PC{0,30}|[\\t\\r\\n а-яА-Я\u{00A0}\u{00AD}\u{0306}\u{200B}a-z]{0,30}") {
            if super::is_clean(&s) {
                proptest::prop_assert_eq!(clean(&s), s);
            }
        }
    }

    #[test]
    fn normalises_to_nfc() {
        // "й" written as и + combining breve becomes the single precomposed letter.
        assert_eq!(clean("Кыргызски\u{0438}\u{0306}"), "Кыргызский");
    }
}
