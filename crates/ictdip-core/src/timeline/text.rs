//! Fuzzy text matching for the filter, fast enough to run on every keystroke over a large archive.
//!
//! A token (case and `ё` folded, inflectional ending dropped: see [`super::query::stem`]) matches an
//! event when it occurs in the event's haystack as a substring, or as a *near-contiguous*
//! subsequence: its letters in order with few letters skipped between them ("встрч" in "встречу",
//! "свщн" in "совещание"), never letters scattered over unrelated words ("ш…о…с" in "решений … ООН
//! … с"). A short token must start where a word does ("астан" finds "Астане", not "Казахстане").
//! Cheap tests run first: a 128-bit mask of the characters each haystack contains (a token
//! with a letter the event lacks is out at once), then a SIMD substring search.
//!
//! skim's fuzzy score (fuzzy-matcher) as the fallback was too slow to run on every event at every
//! keystroke; the windowed subsequence test below costs a small fraction of it. fuzzy-matcher
//! still ranks the matches when the user asks for ranking by score.

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use memchr::memmem;

/// Score given to a substring match: above any fuzzy score of the same token.
const SUBSTRING_BONUS: i64 = 1000;

/// The shortest token matched as a near-contiguous subsequence; shorter ones must be substrings.
const WINDOW_FROM: usize = 4;

/// Tokens shorter than this match only where a word starts: a short token inside a word is most
/// often another word ("астан" in "Казахстан", "un" in "Communications"), while a long one is a
/// part of a compound worth finding ("безопасн" in "кибербезопасность").
const ANYWHERE_FROM: usize = 6;

/// True when byte `at` of `haystack` starts a word.
fn starts_word(haystack: &str, at: usize) -> bool {
    !haystack[..at].chars().next_back().is_some_and(crate::lexicon::is_word_char)
}

/// How many haystack characters a token of `n` characters may skip in all and still match.
fn max_skips(n: usize) -> usize {
    n / 2 + 1
}

/// The char positions where `token` matches `haystack` as a near-contiguous subsequence, starting
/// at the leftmost place it does, or `None`. Allocation-free until a match is found: this runs on
/// every event that lacks the token as a substring. The places the token's first character
/// stands are found by a vector search for the last byte of its encoding, which is rarer than
/// the first (the first byte of every Russian letter is one of two).
fn window_match(haystack: &str, token: &[char]) -> Option<Vec<usize>> {
    let start_byte = window_start(haystack, token)?;
    let start_char = haystack[..start_byte].chars().count();
    Some(positions(haystack, start_char, token, max_skips(token.len())))
}

/// The byte where [`window_match`] finds its match, with nothing allocated or counted: what
/// filtering needs, for every event that lacks the token as a substring.
fn window_start(haystack: &str, token: &[char]) -> Option<usize> {
    let (&first, rest) = token.split_first()?;
    let word_start_only = token.len() < ANYWHERE_FROM;
    let limit = max_skips(token.len());
    let mut buf = [0u8; 4];
    let encoded = first.encode_utf8(&mut buf).as_bytes();
    let bytes = haystack.as_bytes();
    for last in memchr::memchr_iter(encoded[encoded.len() - 1], bytes) {
        let Some(start_byte) = (last + 1).checked_sub(encoded.len()) else { continue };
        if &bytes[start_byte..=last] != encoded || (word_start_only && !starts_word(haystack, start_byte)) {
            continue;
        }
        let mut chars = haystack[last + 1..].chars();
        let mut skipped = 0;
        let mut matched = 0;
        'token: for &want in rest {
            for got in chars.by_ref() {
                if got == want {
                    matched += 1;
                    continue 'token;
                }
                skipped += 1;
                if skipped > limit {
                    break 'token;
                }
            }
            break;
        }
        if matched == rest.len() {
            return Some(start_byte);
        }
    }
    None
}

/// The positions of a match [`window_match`] found starting at `start`.
fn positions(haystack: &str, start: usize, token: &[char], limit: usize) -> Vec<usize> {
    let mut pos = vec![start];
    let mut want = token[1..].iter().peekable();
    for (i, c) in haystack.chars().enumerate().skip(start + 1).take(token.len() + limit) {
        if want.peek() == Some(&&c) {
            pos.push(i);
            want.next();
        }
        if want.peek().is_none() {
            break;
        }
    }
    pos
}

/// One bit per character class: Russian letters, Latin letters and digits each have their own;
/// everything else shares the bits left by a hash.
pub fn char_mask(s: &str) -> u128 {
    char_mask_of(s.chars())
}

/// [`char_mask`] of a sequence of characters.
pub fn char_mask_of(chars: impl Iterator<Item = char>) -> u128 {
    chars.fold(0, |m, c| m | char_bit(c))
}

#[inline]
fn char_bit(c: char) -> u128 {
    let i = match c {
        'а'..='я' => c as u32 - 'а' as u32,
        'a'..='z' => 32 + c as u32 - 'a' as u32,
        '0'..='9' => 58 + c as u32 - '0' as u32,
        ' ' => return 0,
        _ => 68 + (c as u32 % 60),
    };
    1u128 << i
}

/// [`char_mask`] of the characters that begin a word of `s` (folded): what a short token, which
/// matches at word starts only, is first checked against.
pub fn initials_mask(s: &str) -> u128 {
    initials_mask_of(s.chars())
}

/// [`initials_mask`] of a sequence of (folded) characters.
pub fn initials_mask_of(chars: impl Iterator<Item = char>) -> u128 {
    let mut mask = 0;
    let mut in_word = false;
    for c in chars {
        let word = crate::lexicon::is_word_char(c);
        if word && !in_word {
            mask |= char_bit(c);
        }
        in_word = word;
    }
    mask
}

/// A bloom of the two- and three-letter beginnings of the words of `s` (folded): a short token
/// matches as a substring only at a word's start, so a haystack without its beginning cannot
/// hold it. Bits 0..64 for two letters, 64..128 for three.
pub fn word_beginnings(s: &str) -> u128 {
    word_beginnings_of(s.chars())
}

/// [`word_beginnings`] of a sequence of (folded) characters.
pub fn word_beginnings_of(mut chars: impl Iterator<Item = char> + Clone) -> u128 {
    let mut bloom = 0;
    let mut in_word = false;
    while let Some(c) = chars.next() {
        let word = crate::lexicon::is_word_char(c);
        if word && !in_word {
            let mut next = chars.clone();
            bloom |= beginning_bits(c, next.next(), next.next());
        }
        in_word = word;
    }
    bloom
}

/// The bloom bits of a word that begins with `a`, `b`, `c` (see [`word_beginnings`]).
fn beginning_bits(a: char, b: Option<char>, c: Option<char>) -> u128 {
    let word = |c: char| crate::lexicon::is_word_char(c);
    let Some(b) = b.filter(|&b| word(b)) else { return 0 };
    let two = (a as u64).wrapping_mul(31).wrapping_add(b as u64);
    let mut bits = 1u128 << (two.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 58);
    if let Some(c) = c.filter(|&c| word(c)) {
        let three = two.wrapping_mul(31).wrapping_add(c as u64);
        bits |= 1u128 << (64 + (three.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 58));
    }
    bits
}

/// True when a character has a bit of its own in [`char_mask`] (Russian and Latin letters,
/// digits): a mask then says for certain whether the character is there.
fn has_own_bit(c: char) -> bool {
    matches!(c, 'а'..='я' | 'a'..='z' | '0'..='9')
}

/// How a token matched a haystack's text.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum TextMatch {
    /// As a substring (at a word's start for a short token): every such match ranks alike.
    Substring,
    /// As a near-contiguous subsequence, which skim's fuzzy score ranks.
    Window,
}

/// A prepared query token.
pub struct Token {
    pub text: String,
    chars: Vec<char>,
    mask: u128,
    /// The bit of the token's first character when only word starts count and the character has
    /// a bit of its own: a haystack none of whose words begins so cannot match.
    initial: Option<u128>,
    /// The [`word_beginnings`] bits of the token's first letters, for a token that matches as a
    /// substring at word starts only (0 otherwise).
    beginning: u128,
    finder: memmem::Finder<'static>,
}

impl Token {
    pub fn new(text: String) -> Token {
        let finder = memmem::Finder::new(text.as_bytes()).into_owned();
        let chars: Vec<char> = text.chars().collect();
        let initial = chars.first().filter(|&&c| chars.len() < ANYWHERE_FROM && has_own_bit(c)).map(|&c| char_bit(c));
        let beginning = if chars.len() < ANYWHERE_FROM && chars.iter().all(|&c| crate::lexicon::is_word_char(c)) {
            chars.first().map_or(0, |&a| beginning_bits(a, chars.get(1).copied(), chars.get(2).copied()))
        } else {
            0
        };
        Token { mask: char_mask(&text), chars, initial, beginning, finder, text }
    }

    /// The score of a substring match (see [`TextMatcher::score`]).
    pub fn substring_score(&self) -> i64 {
        SUBSTRING_BONUS + self.text.len() as i64
    }

    /// The byte where the token first stands in `haystack` as a substring: anywhere for a long
    /// token, at a word's start for a short one (see [`ANYWHERE_FROM`]).
    fn find_in(&self, haystack: &str) -> Option<usize> {
        let mut hits = self.finder.find_iter(haystack.as_bytes());
        if self.chars.len() >= ANYWHERE_FROM {
            hits.next()
        } else {
            hits.find(|&at| starts_word(haystack, at))
        }
    }
}

/// Matches tokens against haystacks; cheap to share across threads.
#[derive(Default)]
pub struct TextMatcher {
    fuzzy: SkimMatcherV2,
}

impl TextMatcher {
    /// True when `token` matches a short text such as a country's or a body's name (whose
    /// character mask is `mask`); its word starts are read here. Events, many and long, keep
    /// theirs and are asked with [`TextMatcher::text_match`].
    pub fn matches<'h>(&self, haystack: impl FnOnce() -> &'h str, mask: u128, token: &Token) -> bool {
        let haystack = haystack();
        self.text_match(|| haystack, mask, initials_mask(haystack), word_beginnings(haystack), token).is_some()
    }

    /// How `token` matches the haystack, whose character mask is `mask` and whose words begin
    /// with the characters of `initials` ([`initials_mask`]). The masks settle most haystacks,
    /// and a one-letter token (the first key of every query, matching most of an archive)
    /// entirely, without reading text.
    pub fn text_match<'h>(
        &self,
        haystack: impl FnOnce() -> &'h str,
        mask: u128,
        initials: u128,
        beginnings: u128,
        token: &Token,
    ) -> Option<TextMatch> {
        if token.mask & !mask != 0 || token.initial.is_some_and(|bit| bit & initials == 0) {
            return None;
        }
        if token.chars.len() == 1 && token.initial.is_some() {
            return Some(TextMatch::Substring);
        }
        // No word begins as the token does: no substring match, and for a token shorter than
        // WINDOW_FROM letters (a word being typed, which only a substring matches) no match.
        let may_be_substring = token.beginning & !beginnings == 0;
        if !may_be_substring && token.chars.len() < WINDOW_FROM {
            return None;
        }
        let haystack = haystack();
        if may_be_substring && token.find_in(haystack).is_some() {
            Some(TextMatch::Substring)
        } else if token.chars.len() >= WINDOW_FROM && window_start(haystack, &token.chars).is_some() {
            Some(TextMatch::Window)
        } else {
            None
        }
    }

    /// How well `token` matches, for ranking: substring matches first, then skim's fuzzy score.
    pub fn score(&self, haystack: &str, token: &Token) -> i64 {
        if token.find_in(haystack).is_some() {
            return SUBSTRING_BONUS + token.text.len() as i64;
        }
        self.fuzzy.fuzzy_match(haystack, &token.text).unwrap_or(0)
    }

    /// Character positions in `title` that the tokens match (for highlighting a visible row).
    pub fn highlights(&self, title: &str, tokens: &[Token]) -> Vec<usize> {
        let mut out = Vec::new();
        for t in tokens {
            if let Some(byte) = t.find_in(title) {
                let start = title[..byte].chars().count();
                out.extend(start..start + t.chars.len());
            } else if let Some(idx) = window_match(title, &t.chars) {
                out.extend(idx);
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`window_match`] as first written, one character at a time.
    fn window_match_by_chars(haystack: &str, token: &[char]) -> Option<Vec<usize>> {
        let (&first, rest) = token.split_first()?;
        let limit = max_skips(token.len());
        for (start_char, (start_byte, c)) in haystack.char_indices().enumerate() {
            if c != first || (token.len() < ANYWHERE_FROM && !starts_word(haystack, start_byte)) {
                continue;
            }
            let mut chars = haystack[start_byte + c.len_utf8()..].chars();
            let (mut skipped, mut matched) = (0, 0);
            'token: for &want in rest {
                for got in chars.by_ref() {
                    if got == want {
                        matched += 1;
                        continue 'token;
                    }
                    skipped += 1;
                    if skipped > limit {
                        break 'token;
                    }
                }
                break;
            }
            if matched == rest.len() {
                return Some(positions(haystack, start_char, token, limit));
            }
        }
        None
    }

    proptest::proptest! {
        #[test]
        fn window_match_agrees_with_the_character_walk(haystack in "[а-гa-c ·ё]{0,40}", token in "[а-гa-c]{1,6}") {
            let token: Vec<char> = token.chars().collect();
            proptest::prop_assert_eq!(window_match(&haystack, &token), window_match_by_chars(&haystack, &token));
        }

        /// The masks of a haystack's word starts only ever spare reading it: with them, a token
        /// matches exactly as it does by reading the text.
        #[test]
        fn word_start_masks_decide_as_the_text_does(haystack in "[а-гa-c ·1-]{0,40}", token in "[а-гa-c1]{1,7}") {
            let m = TextMatcher::default();
            let t = Token::new(token);
            let by_masks = m.text_match(|| &haystack, char_mask(&haystack), initials_mask(&haystack), word_beginnings(&haystack), &t);
            let by_text = if t.find_in(&haystack).is_some() {
                Some(TextMatch::Substring)
            } else if t.chars.len() >= WINDOW_FROM && window_match(&haystack, &t.chars).is_some() {
                Some(TextMatch::Window)
            } else {
                None
            };
            proptest::prop_assert!(by_masks == by_text, "{haystack:?} {:?}", t.text);
        }
    }

    fn matches(h: &str, t: &str) -> bool {
        TextMatcher::default().matches(|| h, char_mask(h), &Token::new(t.into()))
    }

    #[test]
    fn substring_near_contiguous_and_scattered() {
        let h = "совещание шос в карамае";
        assert!(matches(h, "шос"));
        assert!(!matches(h, "жшос"), "a letter the haystack lacks");
        assert!(matches(h, "свщн"), "a few letters skipped");
        assert!(matches("встречу министров", "встрч"));
        assert!(!matches("решений · оон · kz казахстан", "шос"), "letters scattered over words");
    }

    #[test]
    fn short_tokens_match_where_words_start_and_long_ones_anywhere() {
        assert!(!matches("форум в казахстане", "астан"), "«Астана» is not in «Казахстан»");
        assert!(matches("форум в астане", "астан"));
        assert!(!matches("information and communications technology", "un"));
        assert!(matches("international telecommunication union", "un"));
        assert!(matches("конференция по кибербезопасности", "безопасн"), "part of a compound");
        assert!(!matches("встреча в казахстане", "хстн"), "a short token's window starts a word too");
        let tm = TextMatcher::default();
        assert_eq!(tm.highlights("казахстан · астана", &[Token::new("астан".into())]), [12, 13, 14, 15, 16]);
    }

    #[test]
    fn substring_scores_above_fuzzy() {
        let h = "министры обсудили шос и сотрудничество";
        let tm = TextMatcher::default();
        assert!(tm.score(h, &Token::new("шос".into())) > tm.score(h, &Token::new("мнстр".into())));
    }

    #[test]
    fn highlights_substring_then_fuzzy() {
        let tm = TextMatcher::default();
        assert_eq!(tm.highlights("совещание шос", &[Token::new("шос".into())]), [10, 11, 12]);
        assert!(tm.highlights("совещание", &[Token::new("жж".into())]).is_empty());
    }
}
