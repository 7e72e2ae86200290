//! Cyrillic in Latin letters (`assets/translit.tsv`), so that a query typed in Latin
//! ("shermatov", "bogdan") finds a name written in Cyrillic.

use super::assets::{tsv_rows, TRANSLIT};
use std::sync::OnceLock;

/// Each folded Cyrillic letter's Latin letters; other characters stand for themselves.
fn table() -> &'static super::FastMap<char, &'static str> {
    static TABLE: OnceLock<super::FastMap<char, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        tsv_rows(TRANSLIT).filter_map(|row| Some((row[0].chars().next()?, row.get(1).copied().unwrap_or("")))).collect()
    })
}

/// `folded` (lowercase, ё as е) in Latin letters, or `None` when it has no Cyrillic letter.
pub fn latin(folded: &str) -> Option<String> {
    if !folded.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)) {
        return None;
    }
    let table = table();
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars() {
        match table.get(&c) {
            Some(latin) => out.push_str(latin),
            None => out.push(c),
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_out_as_the_press_spells_them() {
        // Folded text has е for ё.
        assert_eq!(latin("бахтиер шерматов").as_deref(), Some("bakhtier shermatov"));
        assert_eq!(latin("дорин богдан-мартин").as_deref(), Some("dorin bogdan-martin"));
        assert_eq!(latin("жақсылық").as_deref(), Some("zhaksylyk"), "Kazakh letters");
        assert_eq!(latin("ташкент 2025").as_deref(), Some("tashkent 2025"));
        assert_eq!(latin("geneva"), None, "nothing to write again");
    }
}
