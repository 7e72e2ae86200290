//! Eight bytes at a time: tests on a `u64` of text bytes that tell whether any byte lies in a
//! range. Most of an article's bytes need nothing from a scan (lowercase Russian letters,
//! spaces, punctuation), and these tests let a scan pass over them a word at a time instead of
//! a byte at a time.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = ONES * 0x80;

/// True when some byte of `w` lies in `lo..=hi`. Both bounds must be on the same side of 0x80.
///
/// The "has between" trick: with the top bit of each byte set aside, `127 + (hi + 1) - b` has its
/// top bit set when `b <= hi`, and `b + 127 - (lo - 1)` when `b >= lo`; neither sum carries into
/// the next byte. Bytes of the other half are first moved into this one by flipping their top bit.
#[inline]
pub fn any_byte_in(w: u64, lo: u8, hi: u8) -> bool {
    debug_assert!(lo <= hi && (lo < 0x80) == (hi < 0x80));
    let (x, lo, hi) =
        if lo >= 0x80 { (w ^ HIGH, (lo - 0x80) as u64, (hi - 0x80) as u64) } else { (w, lo as u64, hi as u64) };
    let low7 = x & (ONES * 0x7F);
    ((ONES * (128 + hi) - low7) & !x & (low7 + ONES * (128 - lo)) & HIGH) != 0
}

/// Where a byte-by-byte scan at `at` may resume when the eight bytes there pass `plain`: eight
/// bytes on, or one back if that lands inside a character. `plain` must refuse the first byte of
/// every character longer than two bytes and of every two-byte one but Cyrillic (0xD0, 0xD1), so
/// that only a two-byte letter can cross the edge.
#[inline]
pub fn skip_plain(bytes: &[u8], at: usize, plain: impl Fn(u64) -> bool) -> Option<usize> {
    let next = at + 8;
    word_at(bytes, at).filter(|&w| plain(w)).map(|_| next - bytes.get(next).is_some_and(|&b| b & 0xC0 == 0x80) as usize)
}

/// The eight bytes of `bytes` from `at` as a little-endian word, if there are eight.
#[inline]
pub fn word_at(bytes: &[u8], at: usize) -> Option<u64> {
    bytes.get(at..at + 8).map(|b| u64::from_le_bytes(b.try_into().expect("eight bytes")))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn agrees_with_a_byte_loop(bytes in proptest::array::uniform8(proptest::num::u8::ANY), a in 0u8..=255, b in 0u8..=255) {
            let (lo, hi) = (a.min(b), a.max(b));
            let (lo, hi) = if (lo < 0x80) == (hi < 0x80) { (lo, hi) } else { (lo, 0x7F) };
            let w = u64::from_le_bytes(bytes);
            proptest::prop_assert_eq!(any_byte_in(w, lo, hi), bytes.iter().any(|x| (lo..=hi).contains(x)));
        }
    }
}
