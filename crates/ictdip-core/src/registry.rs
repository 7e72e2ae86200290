//! Countries and bodies as small typed numbers over the one table built from `assets/`.
//!
//! Events name hundreds of thousands of countries and bodies, and the timeline, its filter and the
//! dashboard's panes compare and count them on every keystroke: as a `u16` each, an event's codes
//! take no allocation and compare in one instruction. A number is only ever made from the table
//! (by the extractor, or by [`Registry`] from a code), so it always names a real entry; it is
//! written and read back as its code ("KZ", "SCO"), which keeps the export, the cache and the
//! labels readable and independent of the table's order.
//!
//! Numbers follow the codes' order (the tables are numbered so), so sorting numbers sorts codes.

pub use crate::extract::gazetteer::{Body, Country};
use crate::extract::gazetteer::{Gazetteer, Target};
use crate::lexicon::assets::{tsv_rows, LABELS};
use crate::lexicon::FastMap;
use crate::model::Kind;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::sync::OnceLock;

/// The language names and words are shown in. Codes (ISO codes, body IDs, kinds and topics in
/// exports) stay as they are in either.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Ru,
    En,
}

impl Lang {
    /// `ru` or `en`.
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "ru" | "rus" | "russian" => Some(Lang::Ru),
            "en" | "eng" | "english" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language of the user's locale (`LC_ALL`, else `LC_MESSAGES`, else `LANG`, as the C
    /// library reads them): Russian where it is Russian, English otherwise.
    pub fn from_locale(var: impl Fn(&str) -> Option<String>) -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].into_iter().find_map(|v| var(v).filter(|s| !s.is_empty()));
        match locale {
            Some(l) if l.to_ascii_lowercase().starts_with("ru") => Lang::Ru,
            _ => Lang::En,
        }
    }
}

/// The display words of `assets/labels.tsv`: kinds and topics in both languages, and Russian
/// names of countries that read better than the search tables' nominative.
struct Labels {
    words: FastMap<(&'static str, &'static str), (&'static str, &'static str)>,
}

fn labels() -> &'static Labels {
    static L: OnceLock<Labels> = OnceLock::new();
    L.get_or_init(|| Labels {
        words: tsv_rows(LABELS)
            .filter(|r| r.len() >= 3)
            .map(|r| ((r[0], r[1]), (r[2], r.get(3).copied().unwrap_or_default())))
            .collect(),
    })
}

/// Russian names of cities by their English name (as `GeoNames` spells it), where one is known.
fn russian_cities() -> &'static FastMap<&'static str, &'static str> {
    static C: OnceLock<FastMap<&'static str, &'static str>> = OnceLock::new();
    C.get_or_init(|| {
        let mut m = FastMap::default();
        for c in Gazetteer::get().cities.iter().filter(|c| !c.name_ru.is_empty()) {
            m.entry(c.name.as_str()).or_insert(c.name_ru.as_str());
        }
        m
    })
}

/// A country: an ISO 3166-1 alpha-2 code in the registry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountryId(u16);

/// An international body ("SCO", "ITU", "CIS") in the registry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BodyId(u16);

/// A value of either facet the timeline is indexed by: a country or a body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    Country(CountryId),
    Body(BodyId),
}

impl Facet {
    /// The country's ISO code or the body's ID.
    pub fn code(self) -> &'static str {
        match self {
            Facet::Country(c) => c.code(),
            Facet::Body(b) => b.code(),
        }
    }

    pub fn country(self) -> Option<CountryId> {
        match self {
            Facet::Country(c) => Some(c),
            Facet::Body(_) => None,
        }
    }

    pub fn body(self) -> Option<BodyId> {
        match self {
            Facet::Body(b) => Some(b),
            Facet::Country(_) => None,
        }
    }
}

impl PartialEq<&str> for Facet {
    fn eq(&self, code: &&str) -> bool {
        self.code() == *code
    }
}

impl fmt::Display for Facet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The countries and bodies ictdip knows, with their names. One per process, built from the
/// embedded assets; the corpus and the timeline hand it on to whoever shows names.
#[derive(Clone, Copy)]
pub struct Registry {
    tables: &'static Gazetteer,
}

impl Registry {
    /// The registry of the embedded assets.
    pub fn embedded() -> Registry {
        Registry { tables: Gazetteer::get() }
    }

    /// The country with this ISO code.
    pub fn country(&self, code: &str) -> Option<CountryId> {
        self.tables.country_number(code).map(CountryId)
    }

    /// The body with this ID.
    pub fn body(&self, id: &str) -> Option<BodyId> {
        self.tables.body_number(id).map(BodyId)
    }

    /// Every country, in the order of their codes.
    pub fn countries(&self) -> impl Iterator<Item = CountryId> + use<> {
        (0..self.tables.countries.len() as u16).map(CountryId)
    }

    /// Every body, in the order of their IDs.
    pub fn bodies(&self) -> impl Iterator<Item = BodyId> + use<> {
        (0..self.tables.bodies.len() as u16).map(BodyId)
    }

    /// A country's code and names.
    pub fn country_entry(&self, id: CountryId) -> &'static Country {
        &self.tables.countries[usize::from(id.0)]
    }

    /// A body's ID, names and abbreviations.
    pub fn body_entry(&self, id: BodyId) -> &'static Body {
        &self.tables.bodies[usize::from(id.0)]
    }

    /// Countries and bodies one of whose names, in any form and either language, has a word
    /// starting with `prefix` (folded): `шанх` finds the SCO, `корея` both Koreas.
    pub fn with_word_starting(&self, prefix: &str) -> (Vec<CountryId>, Vec<BodyId>) {
        let (mut countries, mut bodies) = (Vec::new(), Vec::new());
        for target in self.tables.with_word_starting(prefix) {
            match target {
                Target::Country(c) => countries.push(CountryId(c)),
                Target::Body(b) => bodies.push(BodyId(b)),
                Target::City(_) | Target::Region(_) => {}
            }
        }
        (countries, bodies)
    }

    /// How a facet pane names a value in `lang`: a country by its name; a body in Russian by its
    /// Russian abbreviation first where it has one (ШОС, СНГ, what Russian pages print), then its
    /// name.
    pub fn label(&self, facet: Facet, lang: Lang) -> String {
        match facet {
            Facet::Country(c) => self.country_name(c, lang).to_string(),
            Facet::Body(b) => self.body_name(b, lang),
        }
    }

    /// A country's name in `lang`.
    pub fn country_name(&self, id: CountryId, lang: Lang) -> &'static str {
        let c = self.country_entry(id);
        match lang {
            Lang::En => &c.name_en,
            Lang::Ru => labels().words.get(&("country", c.code.as_str())).map_or(c.name_ru.as_str(), |(ru, _)| ru),
        }
    }

    /// A body's name in `lang`: in Russian, its Russian abbreviation and name ("ШОС · Шанхайская
    /// организация сотрудничества"); in English, its name.
    pub fn body_name(&self, id: BodyId, lang: Lang) -> String {
        let b = self.body_entry(id);
        if lang == Lang::En || b.name_ru.is_empty() {
            return b.name_en.clone();
        }
        let cyrillic = |a: &&String| a.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c));
        match b.abbreviations.iter().find(cyrillic) {
            Some(ru) => format!("{ru} · {}", b.name_ru),
            None => b.name_ru.clone(),
        }
    }

    /// A city's name in `lang`, from the English name (as `GeoNames` spells it) events carry; the English name
    /// where no Russian one is known.
    pub fn city_name<'a>(&self, english: &'a str, lang: Lang) -> &'a str {
        match lang {
            Lang::En => english,
            Lang::Ru => russian_cities().get(english).copied().unwrap_or(english),
        }
    }

    /// A kind in `lang` ("встреча", "meeting").
    pub fn kind_name(&self, kind: Kind, lang: Lang) -> &'static str {
        let code = kind.as_str();
        match (labels().words.get(&("kind", code)), lang) {
            (Some((ru, _)), Lang::Ru) => ru,
            (Some((_, en)), Lang::En) if !en.is_empty() => en,
            _ => code,
        }
    }

    /// A topic in `lang` ("кибербезопасность", "cybersecurity"), from its code; a code with no
    /// words as itself.
    pub fn topic_name<'a>(&self, code: &'a str, lang: Lang) -> &'a str {
        match (labels().words.get(&("topic", code)), lang) {
            (Some((ru, _)), Lang::Ru) => ru,
            (Some((_, en)), Lang::En) if !en.is_empty() => en,
            _ => code,
        }
    }

    /// Every name of a facet value in one line (code, names in both languages, abbreviations),
    /// for the filter to match a word against.
    pub fn all_names(&self, facet: Facet) -> String {
        match facet {
            Facet::Country(c) => {
                let c = self.country_entry(c);
                format!("{} {} {}", c.code, c.name_ru, c.name_en)
            }
            Facet::Body(b) => {
                let b = self.body_entry(b);
                format!("{} {} {}", b.id, b.abbreviations.join(" "), b.name_en)
            }
        }
    }

    /// Number of distinct names the extractor looks for (for `stats`).
    pub fn name_count(&self) -> usize {
        self.tables.pattern_count()
    }

    /// Every name as written in the assets (for a grep baseline over the same names).
    pub fn names(&self) -> &'static [String] {
        self.tables.surface_forms()
    }
}

impl CountryId {
    /// The gazetteer's number for the country: for the extractor, which finds them there.
    pub(crate) fn from_number(n: u16) -> CountryId {
        CountryId(n)
    }

    /// The ISO code.
    pub fn code(self) -> &'static str {
        &Registry::embedded().country_entry(self).code
    }
}

impl BodyId {
    /// The gazetteer's number for the body: for the extractor, which finds them there.
    pub(crate) fn from_number(n: u16) -> BodyId {
        BodyId(n)
    }

    /// The body's ID ("SCO").
    pub fn code(self) -> &'static str {
        &Registry::embedded().body_entry(self).id
    }
}

/// Both kinds of ID write their code, compare with codes and read back from them: the same
/// code written by hand for each would be the same lines twice.
macro_rules! coded {
    ($id:ident, $lookup:ident, $what:literal) => {
        impl fmt::Display for $id {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.code())
            }
        }

        impl PartialEq<str> for $id {
            fn eq(&self, code: &str) -> bool {
                self.code() == code
            }
        }

        impl PartialEq<&str> for $id {
            fn eq(&self, code: &&str) -> bool {
                self.code() == *code
            }
        }

        impl std::str::FromStr for $id {
            type Err = String;

            fn from_str(code: &str) -> Result<Self, Self::Err> {
                Registry::embedded()
                    .$lookup(code)
                    .ok_or_else(|| format!(concat!("not a known ", $what, ": {:?}"), code))
            }
        }

        impl Serialize for $id {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.code())
            }
        }

        impl<'de> Deserialize<'de> for $id {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let code = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                code.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

coded!(CountryId, country, "country code");
coded!(BodyId, body, "body ID");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_read_back_from_their_codes_and_sort_as_codes() {
        let r = Registry::embedded();
        let (kz, ru, uz) = (r.country("KZ").unwrap(), r.country("RU").unwrap(), r.country("UZ").unwrap());
        assert_eq!(kz.code(), "KZ");
        assert_eq!(r.country_entry(kz).name_ru, "Казахстан");
        let mut ids = vec![uz, kz, ru];
        ids.sort();
        assert_eq!(ids, ["KZ", "RU", "UZ"]);
        let (cis, itu, sco) = (r.body("CIS").unwrap(), r.body("ITU").unwrap(), r.body("SCO").unwrap());
        let mut ids = vec![sco, itu, cis];
        ids.sort();
        assert_eq!(ids, ["CIS", "ITU", "SCO"]);
        assert_eq!(serde_json::to_string(&sco).unwrap(), "\"SCO\"");
        assert_eq!(serde_json::from_str::<BodyId>("\"SCO\"").unwrap(), sco);
        assert!(serde_json::from_str::<CountryId>("\"XX\"").is_err(), "an unknown code is an error");
        assert!(r.country("SCO").is_none() && r.body("KZ").is_none(), "the two tables are apart");
    }

    #[test]
    fn every_entry_sorts_where_its_code_does() {
        let r = Registry::embedded();
        let g = Gazetteer::get();
        let countries: Vec<&str> = g.countries.iter().map(|c| c.code.as_str()).collect();
        let bodies: Vec<&str> = g.bodies.iter().map(|b| b.id.as_str()).collect();
        for codes in [&countries, &bodies] {
            assert!(codes.windows(2).all(|w| w[0] < w[1]), "numbered in the order of the codes, each once");
        }
        for code in countries {
            assert_eq!(r.country(code).unwrap().code(), code);
        }
        for code in bodies {
            assert_eq!(r.body(code).unwrap().code(), code);
        }
    }
}
