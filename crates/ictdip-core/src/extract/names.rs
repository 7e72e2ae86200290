//! The two shapes of a person's name in Russian text, found by hand on the bytes:
//!
//! - a name with initials: one or two capitals with a dot, each maybe followed by one space, a
//!   name word, and maybe one more name word after one space ("М.И.Шадаев", "Т.В. Нагендра
//!   Прасад");
//! - a run of two to seven name words separated by spaces ("Дорин Богдан-Мартин").
//!
//! A name word is a Cyrillic capital and one or more lowercase letters, with maybe a hyphen and a
//! second such part (the second part may start lowercase). These are exactly the regular
//! expressions `(?:[А-ЯЁ]\.\s?){1,2}N(?:\sN)?` and `N(?:\s+N){1,6}` with
//! `N = [А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)?`, searched leftmost-first; the tests hold the
//! scanner to them. Every sentence of every article is searched for both, and a scan that only
//! stops at capitals was many times faster than the regex engine's automaton over every byte.

use crate::model::Span;

/// A Cyrillic capital А..Я or Ё (two bytes) at byte `i`.
#[inline]
fn capital_at(b: &[u8], i: usize) -> bool {
    i + 1 < b.len() && b[i] == 0xD0 && matches!(b[i + 1], 0x81 | 0x90..=0xAF)
}

/// A Cyrillic lowercase а..я or ё (two bytes) at byte `i`.
#[inline]
fn lowercase_at(b: &[u8], i: usize) -> bool {
    i + 1 < b.len() && matches!((b[i], b[i + 1]), (0xD0, 0xB0..=0xBF) | (0xD1, 0x80..=0x8F | 0x91))
}

/// The length of the whitespace character at byte `i`, if there is one.
#[inline]
fn space_at(s: &str, i: usize) -> Option<usize> {
    match s.as_bytes().get(i)? {
        b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => Some(1),
        b if *b < 0x80 => None,
        _ => s[i..].chars().next().filter(|c| c.is_whitespace()).map(char::len_utf8),
    }
}

/// The end of a name word starting at byte `i`.
fn name_word_at(s: &str, i: usize) -> Option<usize> {
    let b = s.as_bytes();
    if !capital_at(b, i) || !lowercase_at(b, i + 2) {
        return None;
    }
    let mut end = i + 4;
    while lowercase_at(b, end) {
        end += 2;
    }
    // "-Мартин", "-оглы": a second part after a hyphen.
    if b.get(end) == Some(&b'-') && (capital_at(b, end + 1) || lowercase_at(b, end + 1)) && lowercase_at(b, end + 3) {
        end += 5;
        while lowercase_at(b, end) {
            end += 2;
        }
    }
    Some(end)
}

/// A name with initials starting at byte `i`.
fn initials_at(s: &str, i: usize) -> Option<usize> {
    let b = s.as_bytes();
    let mut at = i;
    let mut initials = 0;
    while initials < 2 && capital_at(b, at) && b.get(at + 2) == Some(&b'.') {
        at += 3;
        at += space_at(s, at).unwrap_or(0);
        initials += 1;
    }
    if initials == 0 {
        return None;
    }
    let end = name_word_at(s, at)?;
    Some(space_at(s, end).and_then(|sp| name_word_at(s, end + sp)).unwrap_or(end))
}

/// A run of two to seven name words starting at byte `i`.
fn name_run_at(s: &str, i: usize) -> Option<usize> {
    let mut end = name_word_at(s, i)?;
    let mut words = 1;
    while words < 7 {
        let mut gap = end;
        while let Some(len) = space_at(s, gap) {
            gap += len;
        }
        match (gap > end).then(|| name_word_at(s, gap)).flatten() {
            Some(next) => {
                end = next;
                words += 1;
            }
            None => break,
        }
    }
    (words >= 2).then_some(end)
}

/// Where the Russian capitals of a text stand (the only places a name can start): noted once per
/// article while it is folded ([`crate::lexicon::fold_noting_capitals`]), and read here for both
/// shapes and every sentence.
pub struct Capitals<'a>(&'a [usize]);

impl<'a> Capitals<'a> {
    /// The capitals' byte offsets, in order.
    pub fn at(positions: &'a [usize]) -> Capitals<'a> {
        Capitals(positions)
    }

    /// The capitals inside `within`.
    fn within(&self, within: &Span) -> &'a [usize] {
        let first = self.0.partition_point(|&at| at < within.start);
        let last = self.0.partition_point(|&at| at < within.end);
        &self.0[first..last]
    }
}

/// Names with initials, and runs of two to seven name words, in `text[within]` (the text's
/// capitals are `caps`): each shape's leftmost-first, non-overlapping matches in text order, both
/// found in one pass over the capitals. A shape reads on from its capital, never back. Written
/// into `initials` and `runs`, emptied first: asked for every sentence, into the same two vectors.
pub fn initials_and_runs(text: &str, within: Span, caps: &Capitals, initials: &mut Vec<Span>, runs: &mut Vec<Span>) {
    let s = &text[..within.end];
    initials.clear();
    runs.clear();
    let (mut initials_from, mut runs_from) = (within.start, within.start);
    for &at in caps.within(&within) {
        if at >= initials_from
            && let Some(end) = initials_at(s, at)
        {
            initials.push(at..end);
            initials_from = end;
        }
        if at >= runs_from
            && let Some(end) = name_run_at(s, at)
        {
            runs.push(at..end);
            runs_from = end;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    const N: &str = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)?";

    fn by_regex(re: &Regex, s: &str) -> Vec<Span> {
        re.find_iter(s).map(|m| m.range()).collect()
    }

    /// The capitals by the character rule.
    fn capitals_by_char(s: &str) -> Vec<usize> {
        s.char_indices().filter(|(_, c)| matches!(c, 'А'..='Я' | 'Ё')).map(|(i, _)| i).collect()
    }

    #[test]
    fn capitals_are_noted_across_block_edges() {
        for pad in 0..17 {
            let s = format!("{}ааЁлка и Борис, «Ялта» — ы", "x".repeat(pad));
            assert_eq!(crate::lexicon::fold_noting_capitals(&s).1, capitals_by_char(&s), "padding {pad}");
        }
    }

    #[test]
    fn shapes() {
        let s = "Министр М.И.Шадаев и Т.В. Нагендра Прасад встретили Дорин Богдан-Мартин, МИДа Ивана Петрова.";
        let caps = capitals_by_char(s);
        let (mut initials, mut runs) = (Vec::new(), Vec::new());
        initials_and_runs(s, 0..s.len(), &Capitals::at(&caps), &mut initials, &mut runs);
        let spans: Vec<&str> = initials.into_iter().map(|r| &s[r]).collect();
        assert_eq!(spans, ["М.И.Шадаев", "Т.В. Нагендра Прасад"]);
        let spans: Vec<&str> = runs.into_iter().map(|r| &s[r]).collect();
        assert_eq!(spans, ["Нагендра Прасад", "Дорин Богдан-Мартин", "Да Ивана Петрова"]);
    }

    proptest::proptest! {
        #[test]
        fn capitals_noted_while_folding_are_the_capitals(s in "\\PC{0,30}|[АБЁЯабёяЂІ «—]{0,40}") {
            proptest::prop_assert_eq!(crate::lexicon::fold_noting_capitals(&s).1, capitals_by_char(&s));
        }

        #[test]
        fn the_scanner_agrees_with_the_regular_expressions(
            s in "([АБЁЯабёя]{1,3}|[.\\- ,]|  |\u{00A0}|\n|Иван|-оглы|x){0,24}"
        ) {
            let initials = Regex::new(&format!(r"(?:[А-ЯЁ]\.\s?){{1,2}}{N}(?:\s{N})?")).unwrap();
            let words = Regex::new(&format!(r"{N}(?:\s+{N}){{1,6}}")).unwrap();
            let caps = capitals_by_char(&s);
            // Left over from an earlier sentence: emptied first.
            let (mut found_initials, mut found_runs): (Vec<Span>, Vec<Span>) = (vec![0..1, 2..3], vec![0..1, 2..3]);
            initials_and_runs(&s, 0..s.len(), &Capitals::at(&caps), &mut found_initials, &mut found_runs);
            proptest::prop_assert_eq!((found_initials, found_runs), (by_regex(&initials, &s), by_regex(&words, &s)));
        }
    }
}
