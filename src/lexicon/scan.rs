//! Sixteen bytes at a time: finding the next byte that lies in any of a few ranges, the next
//! character a fold may change, and which bytes of a block belong to words. Most of an article's
//! bytes need nothing from a scan (lowercase Russian letters, spaces, punctuation): folding looks
//! only at capitals, the clean check only at controls and rare characters, the date finder only at
//! digits. These scans jump to the next byte that matters, testing sixteen bytes with a handful of
//! vector instructions where a byte loop takes several instructions per byte.
//!
//! On x86-64 this uses SSE2, which every x86-64 processor has; elsewhere, a byte loop gives the
//! same answers.

/// An inclusive range of byte values.
pub type ByteRange = (u8, u8);

/// Lanes of `v` whose byte lies in `lo..=hi`, as 0xFF. `b - lo <= hi - lo` (unsigned, wrapping)
/// is `lo <= b <= hi`, and `min(x, s) == x` is `x <= s`.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn bytes_within(v: std::arch::x86_64::__m128i, lo: u8, hi: u8) -> std::arch::x86_64::__m128i {
    use std::arch::x86_64::*;
    // SAFETY: SSE2 is part of the x86-64 baseline, so these intrinsics are always available;
    // they work on registers only.
    unsafe {
        let x = _mm_sub_epi8(v, _mm_set1_epi8(lo as i8));
        _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(hi.wrapping_sub(lo) as i8)), x)
    }
}

/// The index of the first byte of `bytes[from..]` that lies in one of `ranges`, or `bytes.len()`.
#[inline(always)]
pub fn next_in_ranges(bytes: &[u8], from: usize, ranges: &[ByteRange]) -> usize {
    let mut at = from;
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::*;
        while at + 16 <= bytes.len() {
            // SAFETY: SSE2 is part of the x86-64 baseline, so these intrinsics are always
            // available; the unaligned load reads `bytes[at..at + 16]`, inside the slice.
            let mask = unsafe {
                let v = _mm_loadu_si128(bytes.as_ptr().add(at) as *const __m128i);
                let mut hit = _mm_setzero_si128();
                for &(lo, hi) in ranges {
                    hit = _mm_or_si128(hit, bytes_within(v, lo, hi));
                }
                _mm_movemask_epi8(hit) as u32
            };
            if mask != 0 {
                return at + mask.trailing_zeros() as usize;
            }
            at += 16;
        }
    }
    bytes[at..].iter().position(|&b| in_ranges(b, ranges)).map_or(bytes.len(), |p| at + p)
}

/// Whether a byte is one the clean check must look at: a control byte but the line feed, DEL, or
/// the first byte of a character outside ASCII and U+0400..U+047F (first bytes 0xD0 and 0xD1: the
/// Russian alphabet, which cleaning never changes).
#[inline(always)]
pub fn is_unclean_stop(b: u8) -> bool {
    (b < 0x20 && b != b'\n') || b == 0x7F || (0xC0..=0xCF).contains(&b) || b >= 0xD2
}

/// The index of the first byte of `bytes[from..]` for which [`is_unclean_stop`] holds, or
/// `bytes.len()`. The same answer as [`next_in_ranges`] with the five ranges it names, in about
/// half the vector instructions: compared as signed numbers, the bytes below 0x20 and those from
/// 0x80 up are one test, and the continuation bytes 0x80..=0xBF another.
#[inline]
pub fn next_unclean(bytes: &[u8], from: usize) -> usize {
    let mut at = from;
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::*;
        while at + 16 <= bytes.len() {
            // SAFETY: SSE2 is part of the x86-64 baseline; the load reads `bytes[at..at + 16]`,
            // inside the slice.
            let mask = unsafe {
                let v = _mm_loadu_si128(bytes.as_ptr().add(at) as *const __m128i);
                let low_or_high = _mm_cmplt_epi8(v, _mm_set1_epi8(0x20));
                let continuation = _mm_cmplt_epi8(v, _mm_set1_epi8(0xC0u8 as i8));
                let russian =
                    _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8(0xFEu8 as i8)), _mm_set1_epi8(0xD0u8 as i8));
                let line_feed = _mm_cmpeq_epi8(v, _mm_set1_epi8(b'\n' as i8));
                let passes = _mm_or_si128(_mm_or_si128(continuation, russian), line_feed);
                let del = _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F));
                _mm_movemask_epi8(_mm_or_si128(_mm_andnot_si128(passes, low_or_high), del)) as u32
            };
            if mask != 0 {
                return at + mask.trailing_zeros() as usize;
            }
            at += 16;
        }
    }
    bytes[at..].iter().position(|&b| is_unclean_stop(b)).map_or(bytes.len(), |p| at + p)
}

/// The start of the first character of `bytes[from..]` that case folding may change: an ASCII
/// capital, a two-byte Cyrillic character other than а..я (capitals, ё, Ukrainian and Kazakh
/// letters), or any other character outside ASCII. Or `bytes.len()`. `from` must be the start of
/// a character.
///
/// A Cyrillic character is told by its pair of bytes (0xD0 then 0xB0..=0xBF is а..п, 0xD1 then
/// 0x80..=0x8F is р..я), so each lane is tested together with the byte before it.
#[inline]
pub fn next_to_fold(bytes: &[u8], from: usize) -> usize {
    #[inline(always)]
    fn lead_stop(b: u8) -> bool {
        b.is_ascii_uppercase() || (0xC0..=0xCF).contains(&b) || b >= 0xD2
    }
    #[inline(always)]
    fn pair_stop(prev: u8, b: u8) -> bool {
        (prev == 0xD0 && !(0xB0..=0xBF).contains(&b)) || (prev == 0xD1 && !(0x80..=0x8F).contains(&b))
    }
    let mut at = from;
    if at == 0 && !bytes.is_empty() {
        if lead_stop(bytes[0]) {
            return 0;
        }
        at = 1;
    }
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::*;
        while at + 16 <= bytes.len() {
            // SAFETY: SSE2 is part of the x86-64 baseline; the loads read `bytes[at - 1..at + 15]`
            // and `bytes[at..at + 16]`, inside the slice since `at >= 1`.
            let (leads, pairs) = unsafe {
                let v = _mm_loadu_si128(bytes.as_ptr().add(at) as *const __m128i);
                let p = _mm_loadu_si128(bytes.as_ptr().add(at - 1) as *const __m128i);
                let leads = _mm_or_si128(
                    _mm_or_si128(bytes_within(v, b'A', b'Z'), bytes_within(v, 0xC0, 0xCF)),
                    bytes_within(v, 0xD2, 0xFF),
                );
                let after_d0 =
                    _mm_andnot_si128(bytes_within(v, 0xB0, 0xBF), _mm_cmpeq_epi8(p, _mm_set1_epi8(0xD0u8 as i8)));
                let after_d1 =
                    _mm_andnot_si128(bytes_within(v, 0x80, 0x8F), _mm_cmpeq_epi8(p, _mm_set1_epi8(0xD1u8 as i8)));
                (_mm_movemask_epi8(leads) as u32, _mm_movemask_epi8(_mm_or_si128(after_d0, after_d1)) as u32)
            };
            // A lead stops at its own lane, a pair at the lane before (its first byte): bit k of
            // `stops` is byte `at - 1 + k`.
            let stops = (leads << 1) | pairs;
            if stops != 0 {
                return at - 1 + stops.trailing_zeros() as usize;
            }
            at += 16;
        }
    }
    for i in at..bytes.len() {
        if pair_stop(bytes[i - 1], bytes[i]) {
            return i - 1;
        }
        if lead_stop(bytes[i]) {
            return i;
        }
    }
    bytes.len()
}

/// Which of the sixteen bytes at `at` belong to words, as bits (bit `k` for byte `at + k`): ASCII
/// letters and digits, and every byte of a Cyrillic letter (first byte 0xD0 or 0xD1, or a
/// continuation byte). `None` when the block holds the first byte of any other character beyond
/// ASCII, which must be judged by its character ([`crate::lexicon::is_word_char`]), or when
/// fewer than sixteen bytes are left.
#[inline]
pub fn word_bytes16(bytes: &[u8], at: usize) -> Option<u32> {
    if at + 16 > bytes.len() {
        return None;
    }
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::*;
        // SAFETY: SSE2 is part of the x86-64 baseline; the load reads `bytes[at..at + 16]`, inside
        // the slice by the test above.
        unsafe {
            let v = _mm_loadu_si128(bytes.as_ptr().add(at) as *const __m128i);
            if _mm_movemask_epi8(_mm_or_si128(bytes_within(v, 0xC0, 0xCF), bytes_within(v, 0xD2, 0xFF))) != 0 {
                return None;
            }
            let alnum = _mm_or_si128(
                _mm_or_si128(bytes_within(v, b'0', b'9'), bytes_within(v, b'A', b'Z')),
                bytes_within(v, b'a', b'z'),
            );
            // The top bit of each byte: every byte of a Cyrillic letter.
            Some((_mm_movemask_epi8(alnum) | _mm_movemask_epi8(v)) as u32)
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    None
}

/// True when `b` lies in one of `ranges`.
#[inline(always)]
fn in_ranges(b: u8, ranges: &[ByteRange]) -> bool {
    ranges.iter().any(|&(lo, hi)| b.wrapping_sub(lo) <= hi.wrapping_sub(lo))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn the_clean_check_scan_agrees_with_a_byte_loop(
            bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..70),
            from in 0usize..70,
        ) {
            let from = from.min(bytes.len());
            let by_bytes = (from..bytes.len()).find(|&i| is_unclean_stop(bytes[i]));
            proptest::prop_assert_eq!(next_unclean(&bytes, from), by_bytes.unwrap_or(bytes.len()));
        }

        #[test]
        fn agrees_with_a_byte_loop(
            bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..70),
            from in 0usize..70,
            ranges in proptest::collection::vec((proptest::num::u8::ANY, proptest::num::u8::ANY), 1..4),
        ) {
            let ranges: Vec<ByteRange> = ranges.into_iter().map(|(a, b)| (a.min(b), a.max(b))).collect();
            let from = from.min(bytes.len());
            let by_bytes = (from..bytes.len()).find(|&i| ranges.iter().any(|&(lo, hi)| lo <= bytes[i] && bytes[i] <= hi));
            proptest::prop_assert_eq!(next_in_ranges(&bytes, from, &ranges), by_bytes.unwrap_or(bytes.len()));
        }
    }

    proptest::proptest! {
        #[test]
        fn next_to_fold_agrees_with_the_character_rule(s in "\\PC{0,40}|[а-яё ,.]{0,40}[А-ЯЁЂІЇЄA-Zәі«»]?[а-яё ,.]{0,40}", from in 0usize..100) {
            let from = (0..=from.min(s.len())).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0);
            let by_chars = s[from..]
                .char_indices()
                .find(|&(_, c)| c.is_ascii_uppercase() || (!c.is_ascii() && !matches!(c, 'а'..='я')))
                .map_or(s.len(), |(i, _)| from + i);
            proptest::prop_assert_eq!(next_to_fold(s.as_bytes(), from), by_chars);
        }
    }

    #[test]
    fn finds_capitals_in_russian_text() {
        let t = "в ходе встречи министр связи Казахстана отметил".as_bytes();
        // The second byte of "К" (0xD0 0x9A).
        let at = next_in_ranges(t, 0, &[(0x90, 0xAF)]);
        assert_eq!(at, "в ходе встречи министр связи ".len() + 1);
    }
}
