//! Sixteen or thirty-two bytes at a time: finding the next byte that lies in any of a few
//! ranges, the next character a fold may change, and which bytes of a block belong to words. Most
//! of an article's bytes need nothing from a scan (lowercase Russian letters, spaces,
//! punctuation): folding looks only at capitals, the clean check only at controls and rare
//! characters, the date finder only at digits. These scans jump to the next byte that matters,
//! testing a block of bytes with a handful of vector instructions where a byte loop takes several
//! instructions per byte.
//!
//! On x86-64 each scan is written once over [`Lanes`] and runs with AVX2's 32 lanes where the
//! processor has them (asked once at run time), then with SSE2's 16, which every x86-64 processor
//! has, over what is left; elsewhere, a byte loop gives the same answers.

/// An inclusive range of byte values.
pub type ByteRange = (u8, u8);

#[cfg(target_arch = "x86_64")]
use std::arch::x86_64::{__m128i, __m256i};

/// A block of byte lanes and the few operations the scans need, so that each scan is written once
/// for both widths (the shape of the `memchr` crate's own vector code). Every method is
/// `#[inline(always)]`: inlined into an AVX2 function, the 32-lane intrinsics are compiled as such.
///
/// # Safety
///
/// The 32-lane methods may only run where the processor has AVX2; `load` reads `WIDTH` bytes.
#[cfg(target_arch = "x86_64")]
trait Lanes: Copy {
    const WIDTH: usize;
    /// The `WIDTH` bytes at `bytes[at..]`, which must all be there.
    unsafe fn load(bytes: &[u8], at: usize) -> Self;
    unsafe fn splat(b: u8) -> Self;
    /// Lanes equal to `other`'s, as 0xFF.
    unsafe fn eq(self, other: Self) -> Self;
    /// Lanes less than `other`'s, both read as signed numbers, as 0xFF.
    unsafe fn lt_signed(self, other: Self) -> Self;
    unsafe fn min_unsigned(self, other: Self) -> Self;
    unsafe fn sub(self, other: Self) -> Self;
    unsafe fn or(self, other: Self) -> Self;
    unsafe fn and(self, other: Self) -> Self;
    /// `self & !other`.
    unsafe fn and_not(self, other: Self) -> Self;
    /// The top bit of each lane: bit `k` for lane `k`.
    unsafe fn mask(self) -> u64;

    /// Lanes whose byte lies in `lo..=hi`, as 0xFF. `b - lo <= hi - lo` (unsigned, wrapping) is
    /// `lo <= b <= hi`, and `min(x, s) == x` is `x <= s`.
    #[inline(always)]
    unsafe fn within(self, lo: u8, hi: u8) -> Self {
        unsafe {
            let x = self.sub(Self::splat(lo));
            x.min_unsigned(Self::splat(hi.wrapping_sub(lo))).eq(x)
        }
    }
}

#[cfg(target_arch = "x86_64")]
impl Lanes for __m128i {
    const WIDTH: usize = 16;
    #[inline(always)]
    unsafe fn load(bytes: &[u8], at: usize) -> Self {
        unsafe {
            debug_assert!(at + 16 <= bytes.len());
            std::arch::x86_64::_mm_loadu_si128(bytes.as_ptr().add(at).cast::<__m128i>())
        }
    }
    #[inline(always)]
    unsafe fn splat(b: u8) -> Self {
        unsafe { std::arch::x86_64::_mm_set1_epi8(b as i8) }
    }
    #[inline(always)]
    unsafe fn eq(self, other: Self) -> Self {
        unsafe { std::arch::x86_64::_mm_cmpeq_epi8(self, other) }
    }
    #[inline(always)]
    unsafe fn lt_signed(self, other: Self) -> Self {
        unsafe { std::arch::x86_64::_mm_cmplt_epi8(self, other) }
    }
    #[inline(always)]
    unsafe fn min_unsigned(self, other: Self) -> Self {
        unsafe { std::arch::x86_64::_mm_min_epu8(self, other) }
    }
    #[inline(always)]
    unsafe fn sub(self, other: Self) -> Self {
        unsafe { std::arch::x86_64::_mm_sub_epi8(self, other) }
    }
    #[inline(always)]
    unsafe fn or(self, other: Self) -> Self {
        unsafe { std::arch::x86_64::_mm_or_si128(self, other) }
    }
    #[inline(always)]
    unsafe fn and(self, other: Self) -> Self {
        unsafe { std::arch::x86_64::_mm_and_si128(self, other) }
    }
    #[inline(always)]
    unsafe fn and_not(self, other: Self) -> Self {
        unsafe { std::arch::x86_64::_mm_andnot_si128(other, self) }
    }
    #[inline(always)]
    unsafe fn mask(self) -> u64 {
        unsafe { u64::from(std::arch::x86_64::_mm_movemask_epi8(self) as u32) }
    }
}

#[cfg(target_arch = "x86_64")]
impl Lanes for __m256i {
    const WIDTH: usize = 32;
    #[inline(always)]
    unsafe fn load(bytes: &[u8], at: usize) -> Self {
        unsafe {
            debug_assert!(at + 32 <= bytes.len());
            std::arch::x86_64::_mm256_loadu_si256(bytes.as_ptr().add(at).cast::<__m256i>())
        }
    }
    #[inline(always)]
    unsafe fn splat(b: u8) -> Self {
        unsafe { std::arch::x86_64::_mm256_set1_epi8(b as i8) }
    }
    #[inline(always)]
    unsafe fn eq(self, other: Self) -> Self {
        unsafe { std::arch::x86_64::_mm256_cmpeq_epi8(self, other) }
    }
    #[inline(always)]
    unsafe fn lt_signed(self, other: Self) -> Self {
        unsafe { std::arch::x86_64::_mm256_cmpgt_epi8(other, self) }
    }
    #[inline(always)]
    unsafe fn min_unsigned(self, other: Self) -> Self {
        unsafe { std::arch::x86_64::_mm256_min_epu8(self, other) }
    }
    #[inline(always)]
    unsafe fn sub(self, other: Self) -> Self {
        unsafe { std::arch::x86_64::_mm256_sub_epi8(self, other) }
    }
    #[inline(always)]
    unsafe fn or(self, other: Self) -> Self {
        unsafe { std::arch::x86_64::_mm256_or_si256(self, other) }
    }
    #[inline(always)]
    unsafe fn and(self, other: Self) -> Self {
        unsafe { std::arch::x86_64::_mm256_and_si256(self, other) }
    }
    #[inline(always)]
    unsafe fn and_not(self, other: Self) -> Self {
        unsafe { std::arch::x86_64::_mm256_andnot_si256(other, self) }
    }
    #[inline(always)]
    unsafe fn mask(self) -> u64 {
        unsafe { u64::from(std::arch::x86_64::_mm256_movemask_epi8(self) as u32) }
    }
}

/// Whether the processor has AVX2. The standard library asks once and keeps the answer.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
pub(crate) fn has_avx2() -> bool {
    std::is_x86_feature_detected!("avx2")
}

/// Runs a block scan from `at`: with 32 lanes (`avx2`, a scan compiled for AVX2) while 32 bytes
/// are left, where the processor has AVX2, then with 16 lanes (`sse2`). `Ok` is the byte found;
/// `Err` where the blocks ran out, for the caller's byte loop to go on from.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn in_blocks(
    at: usize,
    avx2: impl FnOnce(usize) -> Result<usize, usize>,
    sse2: impl FnOnce(usize) -> Result<usize, usize>,
) -> Result<usize, usize> {
    let wide = if has_avx2() { avx2(at) } else { Err(at) };
    wide.or_else(sse2)
}

/// The index of the first byte of `bytes[from..]` that lies in one of `ranges`, or `bytes.len()`.
#[inline(always)]
pub fn next_in_ranges(bytes: &[u8], from: usize, ranges: &[ByteRange]) -> usize {
    #[cfg(target_arch = "x86_64")]
    let from = {
        #[inline(always)]
        unsafe fn scan<L: Lanes>(bytes: &[u8], mut at: usize, ranges: &[ByteRange]) -> Result<usize, usize> {
            unsafe {
                while at + L::WIDTH <= bytes.len() {
                    let v = L::load(bytes, at);
                    let mut hit = L::splat(0);
                    for &(lo, hi) in ranges {
                        hit = hit.or(v.within(lo, hi));
                    }
                    let mask = hit.mask();
                    if mask != 0 {
                        return Ok(at + mask.trailing_zeros() as usize);
                    }
                    at += L::WIDTH;
                }
                Err(at)
            }
        }
        #[target_feature(enable = "avx2")]
        unsafe fn avx2(bytes: &[u8], at: usize, ranges: &[ByteRange]) -> Result<usize, usize> {
            unsafe { scan::<__m256i>(bytes, at, ranges) }
        }
        // SAFETY: `in_blocks` runs the AVX2 scan only where the processor has AVX2, and SSE2 is
        // part of the x86-64 baseline; the scans load whole blocks inside `bytes` only.
        let found = in_blocks(
            from,
            |at| unsafe { avx2(bytes, at, ranges) },
            |at| unsafe { scan::<__m128i>(bytes, at, ranges) },
        );
        match found {
            Ok(i) => return i,
            Err(at) => at,
        }
    };
    bytes[from..].iter().position(|&b| in_ranges(b, ranges)).map_or(bytes.len(), |p| from + p)
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
    #[cfg(target_arch = "x86_64")]
    let from = {
        #[inline(always)]
        unsafe fn scan<L: Lanes>(bytes: &[u8], mut at: usize) -> Result<usize, usize> {
            unsafe {
                while at + L::WIDTH <= bytes.len() {
                    let v = L::load(bytes, at);
                    let low_or_high = v.lt_signed(L::splat(0x20));
                    let continuation = v.lt_signed(L::splat(0xC0));
                    let russian = v.and(L::splat(0xFE)).eq(L::splat(0xD0));
                    let passes = continuation.or(russian).or(v.eq(L::splat(b'\n')));
                    let mask = low_or_high.and_not(passes).or(v.eq(L::splat(0x7F))).mask();
                    if mask != 0 {
                        return Ok(at + mask.trailing_zeros() as usize);
                    }
                    at += L::WIDTH;
                }
                Err(at)
            }
        }
        #[target_feature(enable = "avx2")]
        unsafe fn avx2(bytes: &[u8], at: usize) -> Result<usize, usize> {
            unsafe { scan::<__m256i>(bytes, at) }
        }
        // SAFETY: as in `next_in_ranges`.
        let found = in_blocks(from, |at| unsafe { avx2(bytes, at) }, |at| unsafe { scan::<__m128i>(bytes, at) });
        match found {
            Ok(i) => return i,
            Err(at) => at,
        }
    };
    bytes[from..].iter().position(|&b| is_unclean_stop(b)).map_or(bytes.len(), |p| from + p)
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
    if at >= 1 {
        /// Needs `at >= 1`: each block is read again from the byte before it.
        #[inline(always)]
        unsafe fn scan<L: Lanes>(bytes: &[u8], mut at: usize) -> Result<usize, usize> {
            unsafe {
                while at + L::WIDTH <= bytes.len() {
                    let v = L::load(bytes, at);
                    let p = L::load(bytes, at - 1);
                    let leads = v.within(b'A', b'Z').or(v.within(0xC0, 0xCF)).or(v.within(0xD2, 0xFF));
                    let after_d0 = p.eq(L::splat(0xD0)).and_not(v.within(0xB0, 0xBF));
                    let after_d1 = p.eq(L::splat(0xD1)).and_not(v.within(0x80, 0x8F));
                    // A lead stops at its own lane, a pair at the lane before (its first byte): bit k
                    // of `stops` is byte `at - 1 + k`.
                    let stops = (leads.mask() << 1) | after_d0.or(after_d1).mask();
                    if stops != 0 {
                        return Ok(at - 1 + stops.trailing_zeros() as usize);
                    }
                    at += L::WIDTH;
                }
                Err(at)
            }
        }
        #[target_feature(enable = "avx2")]
        unsafe fn avx2(bytes: &[u8], at: usize) -> Result<usize, usize> {
            unsafe { scan::<__m256i>(bytes, at) }
        }
        // SAFETY: as in `next_in_ranges`; `at >= 1` here.
        match in_blocks(at, |at| unsafe { avx2(bytes, at) }, |at| unsafe { scan::<__m128i>(bytes, at) }) {
            Ok(i) => return i,
            Err(next) => at = next,
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

/// Which bytes of a block belong to words, as bits (bit `k` for byte `at + k`): ASCII letters
/// and digits, and every byte of a Cyrillic letter (first byte 0xD0 or 0xD1, or a continuation
/// byte). `None` when the block holds the first byte of any other character beyond ASCII, which
/// must be judged by its character ([`crate::lexicon::is_word_char`]). The block, `WIDTH` bytes
/// from `at`, must lie inside `bytes`.
///
/// [`Narrow`] has 16 lanes and runs anywhere (on x86-64; elsewhere it answers `None` and the
/// caller's byte loop does the work); [`Wide`] has 32 and must only run where [`has_avx2`] holds,
/// inside a function compiled for AVX2: the caller's whole loop is, so that the lanes stay in
/// registers.
pub(crate) trait WordBlocks {
    const WIDTH: usize;
    /// # Safety
    ///
    /// `bytes[at..at + WIDTH]` exists, and for [`Wide`] the processor has AVX2.
    unsafe fn word_bytes(bytes: &[u8], at: usize) -> Option<u64>;
}

pub(crate) struct Narrow;
#[cfg(target_arch = "x86_64")]
pub(crate) struct Wide;

#[cfg(target_arch = "x86_64")]
#[inline(always)]
unsafe fn word_bytes<L: Lanes>(bytes: &[u8], at: usize) -> Option<u64> {
    unsafe {
        let v = L::load(bytes, at);
        if v.within(0xC0, 0xCF).or(v.within(0xD2, 0xFF)).mask() != 0 {
            return None;
        }
        let alnum = v.within(b'0', b'9').or(v.within(b'A', b'Z')).or(v.within(b'a', b'z'));
        // The top bit of each byte: every byte of a Cyrillic letter.
        Some(alnum.mask() | v.mask())
    }
}

impl WordBlocks for Narrow {
    const WIDTH: usize = 16;
    #[inline(always)]
    unsafe fn word_bytes(bytes: &[u8], at: usize) -> Option<u64> {
        unsafe {
            #[cfg(target_arch = "x86_64")]
            return word_bytes::<__m128i>(bytes, at);
            #[cfg(not(target_arch = "x86_64"))]
            return None;
        }
    }
}

#[cfg(target_arch = "x86_64")]
impl WordBlocks for Wide {
    const WIDTH: usize = 32;
    #[inline(always)]
    unsafe fn word_bytes(bytes: &[u8], at: usize) -> Option<u64> {
        unsafe { word_bytes::<__m256i>(bytes, at) }
    }
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
