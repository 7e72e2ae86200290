//! How rare each byte is in folded Russian text, for substring searches.
//!
//! `memchr::memmem` looks first for the two rarest bytes of a needle, judged by a table of byte
//! frequencies made for English text and binaries, in which every byte of a Cyrillic letter counts
//! as rare. In Russian text the lead bytes 0xD0 and 0xD1 are half of all bytes, and the second
//! bytes of "о" or "е" are as common as spaces: the search stopped to check a candidate every few
//! bytes. Ranked by the letter frequencies in `assets/letters.tsv`, "все права защищены" is looked
//! for by its "щ" and "ы" instead.

use super::assets::{tsv_rows, LETTERS};
use memchr::arch::all::packedpair::HeuristicFrequencyRank;
use memchr::memmem::{Finder, FinderBuilder};
use std::sync::OnceLock;

/// A byte's rank, 0 (rarest) to 255 (most common), in folded Russian text.
#[derive(Clone, Copy)]
struct RussianTextRank(&'static [u8; 256]);

impl HeuristicFrequencyRank for RussianTextRank {
    fn rank(&self, byte: u8) -> u8 {
        self.0[byte as usize]
    }
}

fn ranks() -> &'static [u8; 256] {
    static R: OnceLock<[u8; 256]> = OnceLock::new();
    R.get_or_init(|| {
        // Other bytes than a Cyrillic letter's: spaces, the commonest punctuation and digits are
        // common, Latin letters and the rest rare in Russian news.
        let mut r: [u8; 256] = std::array::from_fn(|b| match b as u8 {
            b' ' | b'\n' => 250,
            b',' | b'.' => 200,
            b'0'..=b'9' => 120,
            b'a'..=b'z' => 40,
            _ => 20,
        });
        r[0xD0] = 250;
        r[0xD1] = 250;
        for row in tsv_rows(LETTERS) {
            let (Some(letter), Some(per_cent)) =
                (row[0].chars().next(), row.get(1).and_then(|p| p.parse::<f64>().ok()))
            else {
                continue;
            };
            let mut buf = [0; 4];
            let second = letter.encode_utf8(&mut buf).as_bytes()[1];
            // From 60 (rarest) to 246 ("о", 11%), below the lead bytes: memchr gives up its prefilter
            // for a needle of only the commonest bytes.
            r[second as usize] = (60.0 + per_cent * 17.0).min(249.0) as u8;
        }
        r
    })
}

/// A forward substring searcher for `needle` in folded Russian text.
pub fn finder(needle: &str) -> Finder<'static> {
    FinderBuilder::new().build_forward_with_ranker(RussianTextRank(ranks()), needle.as_bytes()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rare_letters_rank_below_common_ones() {
        let rank = |c: char| ranks()[c.encode_utf8(&mut [0; 4]).as_bytes()[1] as usize];
        assert!(rank('щ') < rank('ч') && rank('ч') < rank('к') && rank('к') < rank('о'));
        assert!(rank('о') < ranks()[0xD0], "lead bytes are the commonest");
    }

    proptest::proptest! {
        /// The ranks choose where a search looks first, never what it finds.
        #[test]
        fn finds_every_occurrence(needle in "[ащыо ©]{1,4}", hay in "[ащыоеё ,.©c]{0,80}") {
            let f = finder(&needle);
            let (h, n) = (hay.as_bytes(), needle.as_bytes());
            let mut found = Vec::new();
            let mut from = 0;
            while let Some(at) = f.find(&h[from..]) {
                found.push(from + at);
                from += at + 1;
            }
            let naive: Vec<usize> = (0..h.len()).filter(|&i| h[i..].starts_with(n)).collect();
            proptest::prop_assert_eq!(found, naive);
        }
    }
}
