//! People in English text: two to four capitalised words (`Doreen Bogdan-Martin`, `Hakob
//! Arshakyan`, `Sahiba Hasanova`) that a role introduces (`Secretary-General Doreen
//! Bogdan-Martin`, `Minister of Digital Development Rashad Nabiyev`, `Ambassador Du Dewen`) or
//! that a role follows after a comma (`Vahagn Khachaturyan, Minister of High-Tech Industry`).
//!
//! The Russian rules (`people`) start from Cyrillic capitals and Russian role words, so they see
//! none of these.

use super::gazetteer::Hit;
use super::people::PersonMention;
use crate::model::Span;

/// Words that name an office: a name right after a phrase that holds one, or right before one
/// after a comma, is a person's.
const ROLE_WORDS: [&str; 37] = [
    "director-general",
    "general-director",
    "employee",
    "member",
    "official",
    "spokesperson",
    "adviser",
    "advisor",
    "councillor",
    "minister",
    "vice-minister",
    "vice-president",
    "vice-premier",
    "chief",
    "president",
    "ambassador",
    "secretary-general",
    "secretary",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "deputy",
    "head",
    "premier",
    "governor",
    "mayor",
    "envoy",
    "representative",
    "coordinator",
    "spokesman",
    "spokeswoman",
    "speaker",
    "leader",
    "commissioner",
    "officer",
    "counterpart",
];

/// Capitalised words that open or fill a role or an institution, never a person's name.
const NOT_NAMES: [&str; 71] = [
    "Vice-Minister",
    "Vice-President",
    "Acting",
    "First",
    "Executive",
    "Special",
    "Permanent",
    "Chief",
    "Senior",
    "Communication",
    "Telecommunication",
    "Telecommunications",
    "Technology",
    "Technologies",
    "Industry",
    "High-Tech",
    "Trade",
    "Economy",
    "Economic",
    "Justice",
    "Interior",
    "Defence",
    "Defense",
    "Security",
    "Policy",
    "Coordination",
    "Internal",
    "Transport",
    "Science",
    "Education",
    "Innovation",
    "Finance",
    "Energy",
    "Relations",
    "Cooperation",
    "International",
    "Department",
    "Office",
    "Center",
    "Centre",
    "Government",
    "Minister",
    "President",
    "Ambassador",
    "Secretary",
    "Secretary-General",
    "Chairman",
    "Director",
    "Deputy",
    "Head",
    "Prime",
    "Foreign",
    "Affairs",
    "Ministry",
    "Digital",
    "Development",
    "Information",
    "Communications",
    "General",
    "Republic",
    "State",
    "Council",
    "Committee",
    "Agency",
    "Union",
    "Organization",
    "The",
    "Mr",
    "Ms",
    "Dr",
    "Vice",
];

/// Courtesy titles written before a name.
const HONORIFICS: [&str; 12] =
    ["H.E.", "Mr.", "Ms.", "Mrs.", "Dr.", "Prof.", "Mr", "Ms", "Mrs", "Dr", "Excellency", "His"];

/// The small words of English that stay in lowercase in a headline and tie an office's name
/// together ("Minister of High-Tech Industry").
fn small_word(w: &str) -> bool {
    matches!(w, "of" | "for" | "and" | "the" | "to" | "in" | "at" | "with" | "on" | "a" | "an" | "by" | "from" | "as")
}

fn is_role_word(w: &str) -> bool {
    let lower = w.to_ascii_lowercase();
    ROLE_WORDS.contains(&lower.trim_end_matches('s'))
}

/// A word that can stand in a Latin name: a capital, then letters, hyphens and apostrophes.
fn name_word(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && w.len() > 1
        && chars.all(|c| c.is_ascii_alphabetic() || c == '-' || c == '\'')
        && w.chars().any(|c| c.is_ascii_lowercase())
        && !NOT_NAMES.contains(&w)
        && !is_role_word(w)
}

/// True when Latin letters outnumber the others: a letter of another script takes two bytes or
/// more in UTF-8, the first of them 0xC0 or above. Counted in runs short enough for byte-wide
/// counters, which the compiler turns into vector code.
fn mostly_latin(bytes: &[u8]) -> bool {
    let (mut latin, mut other) = (0usize, 0usize);
    for run in bytes.chunks(255) {
        let (mut l, mut o) = (0u8, 0u8);
        for &b in run {
            l += u8::from((b | 0x20).wrapping_sub(b'a') < 26);
            o += u8::from(b >= 0xC0);
        }
        latin += usize::from(l);
        other += usize::from(o);
    }
    latin > other
}

/// The words of `text[range]` with their spans, split at spaces; punctuation stays attached.
fn words_of(text: &str, range: Span) -> Vec<(Span, &str)> {
    let mut out = Vec::new();
    let mut at = range.start;
    for w in text[range.clone()].split(' ') {
        out.push((at..at + w.len(), w));
        at += w.len() + 1;
    }
    out
}

/// English names in `sentences` of `text`, with the role phrase before or after them.
pub fn find(text: &str, sentences: &[Span], hits: &[Hit]) -> Vec<PersonMention> {
    let mut found: Vec<PersonMention> = Vec::new();
    // English articles only: a Russian one that names a company in Latin letters is left to the
    // Russian rules. One count over the bytes, where a look at each sentence cost more.
    if !mostly_latin(text.as_bytes()) {
        return found;
    }
    let in_hit = |s: &Span| hits.iter().any(|h| h.span.start < s.end && s.start < h.span.end);
    for sentence in sentences {
        // A sentence with no Latin letters is left to the Russian rules.
        if !text[sentence.clone()].bytes().any(|b| b.is_ascii_lowercase()) {
            continue;
        }
        let words = words_of(text, sentence.clone());
        // A headline in title case ("Belarusian Ambassador Holds Talks with Iranian Minister")
        // capitalises verbs and nouns alike: its names are told again in the story's sentences.
        // Only the small words stay in lowercase there.
        let prose = words.iter().any(|(_, w)| {
            w.starts_with(|c: char| c.is_lowercase()) && !small_word(w.trim_end_matches([',', '.', ':']))
        });
        // There a role before a run is no sign of a name; a role after it, set off by a comma,
        // still is ("Your Excellency, Kanysh Tuleushin, First Vice Minister of ...").
        let title_case = words.len() >= 4 && !prose;
        let mut i = 0;
        while i < words.len() {
            // Punctuation and a possessive ("Xi Jinping's greetings") end a name.
            let clean = |k: usize| {
                let w = words[k].1.trim_end_matches([',', '.', ';', ':', ')', '"', '”']);
                w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w)
            };
            // A run of name words: the punctuation after its last word ends it.
            let start = i;
            let mut end = i;
            while end < words.len()
                && end - start < 4
                && name_word(clean(end))
                && !in_hit(&words[end].0)
                && (end == start || clean(end - 1).len() == words[end - 1].1.len())
            {
                end += 1;
            }
            if end - start >= 2 {
                // Courtesy titles between the role and the name ("Ambassador of the Republic of
                // Belarus H.E. Mr. Yury Lazarchik") are passed over: no part of either.
                let mut role_end = start;
                while role_end > 0 && HONORIFICS.contains(&words[role_end - 1].1) {
                    role_end -= 1;
                }
                // Such formal styles spell the office out at length.
                let reach = if role_end < start { 10 } else { 8 };
                let before: Vec<&str> = (role_end.saturating_sub(reach)..role_end).map(|k| words[k].1).collect();
                // The run follows the role at once, or a capitalised word of it ("Ambassador to
                // Kyrgyzstan Du Dewen"): after "of", "for", "and" it is the rest of an office's
                // name ("Minister of High-Tech Industry").
                let joined = before.last().is_some_and(|w| {
                    w.starts_with(|c: char| c.is_uppercase())
                        // "minister of high technology industry Hakob Arshakyan": the office's
                        // name ends in a lowercase word too, but not in "of", "and", "for".
                        || !small_word(w)
                });
                let role_before = before
                    .iter()
                    .rposition(|w| is_role_word(w.trim_end_matches(',')))
                    .filter(|_| joined && !title_case);
                let comma_after = words[end - 1].1.ends_with(',');
                let role_after = comma_after
                    && (end..(end + 3).min(words.len())).any(|k| is_role_word(words[k].1.trim_end_matches([',', '.'])));
                if role_before.is_some() || role_after {
                    let span = words[start].0.start..words[start].0.start + {
                        let last = &words[end - 1];
                        last.0.start - words[start].0.start + clean(end - 1).len()
                    };
                    let role = if let Some(r) = role_before {
                        Some(before[r..].join(" ").trim_end_matches(',').to_string())
                    } else {
                        let tail: Vec<&str> = (end..(end + 8).min(words.len())).map(|k| words[k].1).collect();
                        let stop = tail.iter().position(|w| w.ends_with([',', '.'])).map_or(tail.len(), |p| p + 1);
                        Some(tail[..stop].join(" ").trim_end_matches([',', '.']).to_string())
                    };
                    let name = text[span.clone()].to_string();
                    if !found.iter().any(|p| p.name == name) {
                        found.push(PersonMention { name, span, role, country: None });
                    }
                }
                i = end;
            } else {
                i += 1;
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(String, Option<String>)> {
        let hits = super::super::gazetteer::Gazetteer::get().find(text, &crate::lexicon::fold(text));
        find(text, std::slice::from_ref(&(0..text.len())), &hits).into_iter().map(|p| (p.name, p.role)).collect()
    }

    #[test]
    fn names_after_a_role_or_before_one() {
        assert_eq!(
            names("The minister met ITU Secretary-General Doreen Bogdan-Martin in Geneva."),
            [("Doreen Bogdan-Martin".to_string(), Some("Secretary-General".to_string()))]
        );
        assert_eq!(
            names("Vahagn Khachaturyan, Minister of High-Tech Industry of Armenia, hosted the ambassador."),
            [("Vahagn Khachaturyan".to_string(), Some("Minister of High-Tech Industry of Armenia".to_string()))]
        );
        let found = names("Among those present were Chinese Ambassador to Kyrgyzstan Du Dewen and officials.");
        assert_eq!(found[0].0, "Du Dewen");
        // An office's long name, in capitals or not, before the name.
        let found = names("Kazakhstan's Minister of Information and Communication Dauren Abayev is in Lima.");
        assert_eq!(found[0].0, "Dauren Abayev");
        let found = names("Armenian minister of high technology industry Hakob Arshakyan held online talks.");
        assert_eq!(found[0].0, "Hakob Arshakyan");
        // A role word in capitals is no part of the name; a possessive ends it.
        let found = names("The certificate was received by Chair Alexey Borodin and Xi Jinping's envoy.");
        assert_eq!(found[0].0, "Alexey Borodin");
        let found = names("Sahiba Hasanova, an employee of the ministry, kept her seat.");
        assert_eq!(found[0].0, "Sahiba Hasanova");
        let found = names("The head of the National Data Administration (NDA), Liu Liehong, said so.");
        assert_eq!(found[0].0, "Liu Liehong");
        // Courtesy titles stand between the role and the name, and belong to neither.
        assert_eq!(
            names("Ambassador Extraordinary and Plenipotentiary of the Republic of Belarus H.E. Mr. Yury Lazarchik met the minister."),
            [(
                "Yury Lazarchik".to_string(),
                Some("Ambassador Extraordinary and Plenipotentiary of the Republic of Belarus".to_string())
            )]
        );
    }

    #[test]
    fn a_headline_in_title_case_names_no_one() {
        assert!(names("Belarusian Ambassador Holds Talks with Iranian Minister for Science").is_empty());
        assert_eq!(
            names("Your Excellency, Kanysh Tuleushin, First Vice Minister of Digital Development,")[0].0,
            "Kanysh Tuleushin"
        );
        assert_eq!(
            names("The Belarusian ambassador held talks with Minister Mansour Gholami.")[0].0,
            "Mansour Gholami"
        );
    }

    #[test]
    fn a_russian_article_that_names_a_company_in_latin_letters_is_not_english() {
        assert!(mostly_latin("Minister Rashad Nabiyev met the delegation.".as_bytes()));
        assert!(!mostly_latin("Министр цифрового развития встретился с руководством компании Huawei.".as_bytes()));
        // Longer than one counting run, so that the runs are summed.
        let long = "Secretary-General Doreen Bogdan-Martin opened the session. ".repeat(20);
        assert!(mostly_latin(long.as_bytes()));
        assert!(names(&format!("Министр связи встретился с коллегами. {long}")).len() == 1);
        let russian = format!(
            "{} Secretary-General Doreen Bogdan-Martin spoke.",
            "Министр связи встретился с коллегами. ".repeat(10)
        );
        assert!(names(&russian).is_empty(), "left to the Russian rules");
    }

    #[test]
    fn capitalised_phrases_without_a_role_are_no_people() {
        assert!(names("The Plenipotentiary Conference opened in Bucharest on Monday.").is_empty());
        assert!(names("Министр Рашад Набиев встретился с коллегой.").is_empty(), "Russian is left to its rules");
    }
}
