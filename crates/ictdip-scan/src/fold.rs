//! Folding for search: lowercase, `ё` as `е`, every byte offset kept.

use crate::scan::next_to_fold;

/// Lowercases `text` and folds `ё` to `е`, keeping every byte offset: a character whose lowercase
/// form has a different UTF-8 length is kept as it is. Spans found in the folded text can then be
/// used on the original without any mapping.
///
/// Every article is folded once or more, so only the characters a fold may change are visited
/// ([`next_to_fold`] jumps to them 16 or 32 bytes at a time), ASCII and the basic Russian
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
    // by another of the same encoded length, so `out` is UTF-8 too. Checked again, it would cost
    // a good part of the fold itself (`fold_agrees_with_the_character_rule` tests the claim).
    unsafe { String::from_utf8_unchecked(out) }
}

/// Writes into `out`, a copy of `text`, the changes a fold makes.
fn fold_changes(text: &str, out: &mut [u8], mut on_capital: impl FnMut(usize)) {
    let src = text.as_bytes();
    let mut i = 0;
    loop {
        i = next_to_fold(src, i);
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
