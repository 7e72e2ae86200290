//! Text cleaning: what reaches the extractor and the terminal is NFC, uses `\n` line ends and has
//! no characters that break terminal widths or word matching (NBSP and its kin become spaces; soft
//! hyphens, zero-width characters and other controls go).

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

pub fn clean(raw: &str) -> String {
    // Most articles need nothing: check first, and copy once.
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

/// A character the loop below would change or drop.
#[inline]
fn needs_change(c: char) -> bool {
    match c {
        '\n' | ' '..='~' => false,
        '\u{00A0}'..='\u{00AD}'
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
    fn normalises_to_nfc() {
        // "й" written as и + combining breve becomes the single precomposed letter.
        assert_eq!(clean("Кыргызски\u{0438}\u{0306}"), "Кыргызский");
    }
}
