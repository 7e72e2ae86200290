//! Month names (from `assets/months.tsv`) and the date shapes that stand alone on a line.

use super::assets::{tsv_rows, MONTHS};
use super::FastMap;
use std::sync::OnceLock;

fn table() -> &'static FastMap<&'static str, u32> {
    static TABLE: OnceLock<FastMap<&'static str, u32>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut m = FastMap::default();
        for row in tsv_rows(MONTHS) {
            let n: u32 = row[0].parse().expect("months.tsv: month number");
            for form in row[1].split(';') {
                m.insert(form, n);
            }
        }
        m
    })
}

/// The month a folded (lowercase, ё→е) word names, if any.
pub fn month_of(word: &str) -> Option<u32> {
    table().get(word).copied()
}
