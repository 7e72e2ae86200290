//! Byte-level work on article text, sixteen or thirty-two bytes at a time where it can be, behind
//! safe functions: the next byte that lies in a few ranges, the fold for search (lowercase, `ё` as
//! `е`, offsets kept), the words of a text, and a UTF-8 check that hands the bytes over as a
//! `String`.
//!
//! Every `unsafe` block of the project is here, each with the reason it holds; the library and
//! the binary forbid `unsafe` code. The vector code runs with AVX2 where the processor has it
//! (asked once at run time) and SSE2 elsewhere on x86-64; on other processors a byte loop gives
//! the same answers.

#![deny(unsafe_op_in_unsafe_fn)]

mod fold;
mod scan;
mod words;

pub use fold::{fold, fold_char, fold_into, fold_noting_capitals};
pub use scan::{is_unclean_stop, next_in_ranges, next_to_fold, next_unclean, ByteRange};
pub use words::{char_before, is_word_char, word_char_at, word_part_before, words, Word};

/// `bytes` as a `String` when they are UTF-8, else the bytes back. Checked by `simdutf8`, many
/// times faster than the standard library's check on Cyrillic text, which matters where every
/// article passes through here.
pub fn utf8_string(bytes: Vec<u8>) -> Result<String, Vec<u8>> {
    if simdutf8::basic::from_utf8(&bytes).is_err() {
        return Err(bytes);
    }
    // SAFETY: simdutf8 has just found the bytes to be valid UTF-8.
    Ok(unsafe { String::from_utf8_unchecked(bytes) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_utf8_becomes_a_string() {
        assert_eq!(utf8_string("Ташкент".as_bytes().to_vec()), Ok("Ташкент".to_string()));
        assert_eq!(utf8_string(vec![0xD0, 0x20]), Err(vec![0xD0, 0x20]));
    }
}
