//! Every data file the binary embeds. Editing a file in `assets/` and rebuilding is all it takes;
//! `scripts/gen_assets.py` regenerates the generated ones.

pub const COUNTRIES: &str = include_str!("../../../../assets/countries.tsv");
pub const CITIES: &str = include_str!("../../../../assets/cities.tsv");
pub const REGIONS: &str = include_str!("../../../../assets/regions.tsv");
pub const BODIES: &str = include_str!("../../../../assets/bodies.tsv");
pub const NAMES_EXTRA: &str = include_str!("../../../../assets/names_extra.tsv");
pub const CAPITALS: &str = include_str!("../../../../assets/capitals.tsv");
pub const LANDMARKS: &str = include_str!("../../../../assets/landmarks.tsv");
pub const MONTHS: &str = include_str!("../../../../assets/months.tsv");
pub const FURNITURE: &str = include_str!("../../../../assets/furniture.txt");
pub const KINDS: &str = include_str!("../../../../assets/kinds.tsv");
pub const TOPICS: &str = include_str!("../../../../assets/topics.tsv");
pub const CUES: &str = include_str!("../../../../assets/cues.tsv");
pub const ROLES: &str = include_str!("../../../../assets/roles.txt");
pub const GIVEN_NAMES: &str = include_str!("../../../../assets/given_names.txt");
pub const NOT_NAMES: &str = include_str!("../../../../assets/not_names.txt");
pub const LETTERS: &str = include_str!("../../../../assets/letters.tsv");
pub const TRANSLIT: &str = include_str!("../../../../assets/translit.tsv");
/// Display words only: not part of the cache's fingerprint, as no fact depends on them.
pub const LABELS: &str = include_str!("../../../../assets/labels.tsv");

/// The rows of a tab-separated asset, without comments and blank lines.
pub fn tsv_rows(text: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    text.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).map(|l| l.split('\t').collect())
}

/// The entries of a one-item-per-line asset, without comments and blank lines.
pub fn list_rows(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// A fingerprint of all embedded data: part of the cache key, so a change to any asset
/// invalidates facts extracted with the old one.
pub fn fingerprint() -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in [
        COUNTRIES,
        CITIES,
        REGIONS,
        BODIES,
        MONTHS,
        FURNITURE,
        KINDS,
        TOPICS,
        CUES,
        ROLES,
        GIVEN_NAMES,
        NOT_NAMES,
        LETTERS,
        NAMES_EXTRA,
        CAPITALS,
        LANDMARKS,
        TRANSLIT,
    ] {
        for b in part.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}
