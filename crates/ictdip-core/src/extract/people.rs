//! People: names with initials ("М.И.Шадаев", "Т.В.Нагендра Прасад") and full names of two or
//! three capitalised words ("Дорин Богдан-Мартин", "Франсиско Тилман Сепеда") that a role word
//! introduces, a speech verb follows, or that start with a known given name. The role is the
//! phrase from the role word to the name; the person's country is the first country in it.

use super::gazetteer::{Hit, Target};
use crate::lexicon::assets::{list_rows, GIVEN_NAMES, NOT_NAMES, ROLES};
use crate::lexicon::{fold, fold_char, FastMap, FastSet};
use crate::model::Span;
use ictdip_scan::word_char_at;
use std::sync::OnceLock;

/// A person found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonMention {
    pub name: String,
    pub span: Span,
    pub role: Option<String>,
    /// Index of the country named in the role phrase.
    pub country: Option<u16>,
}

struct Lexicon {
    /// Role stems ("министр", "заместител") by their first letter: every word before a name is
    /// asked whether it opens with one.
    roles: StemsByFirstLetter,
    not_roles: StemsByFirstLetter,
    given: FastSet<String>,
    /// The given names that end in "й", "а" or "я", without that letter: the stem their case
    /// forms are built on ("Юри-я", "Ольг-и").
    given_stems: FastSet<String>,
    not_names: FastSet<String>,
}

fn lexicon() -> &'static Lexicon {
    static L: OnceLock<Lexicon> = OnceLock::new();
    L.get_or_init(|| Lexicon {
        roles: StemsByFirstLetter::new(list_rows(ROLES).filter(|r| !r.starts_with('!')).map(fold)),
        not_roles: StemsByFirstLetter::new(list_rows(ROLES).filter_map(|r| r.strip_prefix('!')).map(fold)),
        given: list_rows(GIVEN_NAMES).map(fold).collect(),
        given_stems: list_rows(GIVEN_NAMES)
            .map(fold)
            .filter_map(|n| n.strip_suffix(['й', 'а', 'я']).map(str::to_string))
            .collect(),
        not_names: list_rows(NOT_NAMES).map(fold).collect(),
    })
}

/// Stems of the adjectives that open a role phrase before its role word ("первый заместитель",
/// "Специальный представитель", "Чрезвычайный и Полномочный Посол"), folded.
const ROLE_MODIFIER_STEMS: [&str; 18] = [
    "перв",
    "главн",
    "старш",
    "исполняющ",
    "временно",
    "специальн",
    "чрезвычайн",
    "полномочн",
    "постоянн",
    "генеральн",
    "исполнительн",
    "ответственн",
    "верховн",
    "высок",
    "почетн",
    "торгов",
    "национальн",
    "региональн",
];

fn is_role_modifier(folded_word: &str) -> bool {
    ROLE_MODIFIER_STEMS.iter().any(|s| folded_word.starts_with(s))
}

/// Endings of the adjectives of a role phrase in each case, with their nominative ("первого" →
/// "первый", "старшему" → "старший").
const ADJECTIVE_NOMINATIVES: [(&str, &str); 10] = [
    ("ого", "ый"),
    ("ому", "ый"),
    ("ым", "ый"),
    ("ом", "ый"),
    ("ый", "ый"),
    ("его", "ий"),
    ("ему", "ий"),
    ("им", "ий"),
    ("ем", "ий"),
    ("ий", "ий"),
];

/// Role nouns by stem, folded, with their nominative: a role phrase's head is written so in the
/// role a person is given ("заместителем Министра" → "заместитель Министра"). Longer stems first
/// where one opens another.
const ROLE_NOMINATIVES: [(&str, &str); 34] = [
    ("сопредседател", "сопредседатель"),
    ("председател", "председатель"),
    ("заместител", "заместитель"),
    ("руководител", "руководитель"),
    ("представител", "представитель"),
    ("основател", "основатель"),
    ("вице-министр", "вице-министр"),
    ("вице-президент", "вице-президент"),
    ("вице-премьер", "вице-премьер"),
    ("замминистр", "замминистра"),
    ("министр", "министр"),
    ("секретар", "секретарь"),
    ("генсек", "генсек"),
    ("посол", "посол"),
    ("посл", "посол"),
    ("президент", "президент"),
    ("премьер-министр", "премьер-министр"),
    ("премьер", "премьер"),
    ("зампред", "зампред"),
    ("директор", "директор"),
    ("глав", "глава"),
    ("советник", "советник"),
    ("начальник", "начальник"),
    ("инженер", "инженер"),
    ("спикер", "спикер"),
    ("мэр", "мэр"),
    ("аким", "аким"),
    ("хоким", "хоким"),
    ("губернатор", "губернатор"),
    ("канцлер", "канцлер"),
    ("корол", "король"),
    ("комиссар", "комиссар"),
    ("координатор", "координатор"),
    ("эксперт", "эксперт"),
];

/// A role phrase with its head put in the nominative, and the adjectives before it: the words
/// after the head (whose ministry, of which country) stay as written. "заместителем Министра
/// связи" → "заместитель Министра связи", "Генеральным секретарем МСЭ" → "Генеральный секретарь
/// МСЭ", "Чрезвычайного и Полномочного Посла" → "Чрезвычайный и Полномочный Посол". A phrase
/// whose head is not a known role noun is left as it is.
fn nominative_role(role: &str) -> String {
    // Folded once: a fold keeps every byte offset, so the words of both split alike.
    let folded_role = fold(role);
    let mut out = String::with_capacity(role.len() + 4);
    let mut at = 0;
    for (w, folded) in role.split(' ').zip(folded_role.split(' ')) {
        if !out.is_empty() {
            out.push(' ');
        }
        at += w.len() + 1;
        if folded == "и" {
            out.push_str(w);
            continue;
        }
        if is_role_modifier(folded) {
            match ADJECTIVE_NOMINATIVES.iter().find(|(ending, _)| folded.ends_with(ending)) {
                Some((ending, nominative)) => {
                    let stem = &w[..w.len() - ending.len()];
                    out.push_str(stem);
                    // After к, г, х the ending is -ий ("Высокий"), as after a soft stem.
                    let velar = stem.chars().last().is_some_and(|c| matches!(fold_char(c), 'к' | 'г' | 'х'));
                    out.push_str(if velar { "ий" } else { nominative });
                }
                None => out.push_str(w),
            }
            continue;
        }
        // The head: its stem, and no more than a case ending after it.
        let head = ROLE_NOMINATIVES
            .iter()
            .find(|(stem, _)| folded.starts_with(stem) && folded[stem.len()..].chars().count() <= 3);
        let Some((_, nominative)) = head else { return role.to_string() };
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        for (k, c) in nominative.chars().enumerate() {
            if k == 0 && capital {
                out.extend(c.to_uppercase());
            } else {
                out.push(c);
            }
        }
        // The rest as written.
        if at <= role.len() {
            out.push(' ');
            out.push_str(&role[at..]);
        }
        return out;
    }
    role.to_string()
}

const CASE_ENDINGS: [&str; 10] = ["а", "у", "ом", "е", "ы", "ой", "ю", "ем", "я", "ым"];

/// A known given name, maybe in an oblique case; `w` is folded.
fn is_given_name(w: &str) -> bool {
    let l = lexicon();
    l.given.contains(w) || CASE_ENDINGS.iter().any(|e| w.strip_suffix(e).is_some_and(|s| l.given.contains(s)))
}

/// As [`is_given_name`], and also the case forms that take their ending in place of the
/// nominative's last letter: "Юрия", "Анатолием" (Юрий), "Ольги", "Натальей" (Ольга, Наталья).
/// Such a form tells a name inside a run, not how to bring the name to the nominative, so it
/// does not by itself make a run a person.
fn is_given_name_in_any_case(w: &str) -> bool {
    let l = lexicon();
    is_given_name(w)
        || CASE_ENDINGS
            .iter()
            .chain(&["и", "ей"])
            .any(|e| w.strip_suffix(e).is_some_and(|s| !s.is_empty() && l.given_stems.contains(s)))
}

/// Stems filed by their first letter: a Russian letter (two bytes, 0xD0 or 0xD1 and another) by
/// those two bytes in a table, any other character in a map.
struct StemsByFirstLetter {
    russian: Vec<Vec<String>>,
    other: FastMap<char, Vec<String>>,
}

impl StemsByFirstLetter {
    /// The table slot of the Russian letter opening `word`, if it opens with one.
    fn slot(word: &[u8]) -> Option<usize> {
        match word {
            [lead @ (0xD0 | 0xD1), second, ..] => Some(((*lead as usize & 1) << 6) | (*second as usize & 0x3F)),
            _ => None,
        }
    }

    fn new(stems: impl Iterator<Item = String>) -> StemsByFirstLetter {
        let mut by = StemsByFirstLetter { russian: vec![Vec::new(); 128], other: FastMap::default() };
        for stem in stems {
            match (Self::slot(stem.as_bytes()), stem.chars().next()) {
                (Some(slot), _) => by.russian[slot].push(stem),
                (None, Some(c)) => by.other.entry(c).or_default().push(stem),
                (None, None) => {}
            }
        }
        by
    }

    /// Whether `folded_word` opens with one of the stems.
    fn opens(&self, folded_word: &str) -> bool {
        let stems = match Self::slot(folded_word.as_bytes()) {
            Some(slot) => &self.russian[slot],
            None => match folded_word.chars().next().and_then(|c| self.other.get(&c)) {
                Some(stems) => stems,
                None => return false,
            },
        };
        stems.iter().any(|r| crate::lexicon::has_prefix(folded_word, r))
    }
}

fn is_role_word(folded_word: &str) -> bool {
    let l = lexicon();
    l.roles.opens(folded_word) && !l.not_roles.opens(folded_word)
}

/// Whether a name hit overlaps `span`. Hits are in text order and do not overlap one another (a
/// span named twice, once per target, is one place), so their ends rise with their starts and
/// the last hit starting before the span's end is the one to ask.
fn overlaps_hit(span: &Span, hits: &[Hit]) -> bool {
    debug_assert!(hits.windows(2).all(|w| w[0].span.start <= w[1].span.start && w[0].span.end <= w[1].span.end));
    let before_end = hits.partition_point(|h| h.span.start < span.end);
    before_end > 0 && hits[before_end - 1].span.end > span.start
}

/// Word spans of `text[range]`, in `out` (emptied first): runs of letters, digits and hyphens.
/// On the bytes (see [`word_char_at`]): this runs over every candidate name and every role phrase,
/// into one vector for all of them.
fn words_into(text: &str, range: Span, out: &mut Vec<Span>) {
    out.clear();
    let mut start = None;
    let mut i = range.start;
    while i < range.end {
        let (word, len) = compound_word_char_at(text, i);
        if word {
            start.get_or_insert(i);
            i = russian_letters_after(text.as_bytes(), i + len, range.end);
            continue;
        } else if let Some(s) = start.take() {
            out.push(s..i);
        }
        i += len;
    }
    if let Some(s) = start {
        out.push(s..range.end);
    }
}

/// Whether eight bytes, starting at a character's start, are four Russian letters (first byte
/// 0xD0 or 0xD1, then 0x80..=0xBF): read as one number, each letter a 16-bit lane, its first byte
/// in the low half and its continuation byte in the high half.
#[inline]
fn four_russian_letters(eight: &[u8]) -> bool {
    let x = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
    x & 0xC0FE_C0FE_C0FE_C0FE == 0x80D0_80D0_80D0_80D0
}

/// Where the run of Russian letters starting at byte `at` ends, no later than `end`, four letters
/// at a time. A shorter remainder is left to the caller's character loop.
#[inline]
fn russian_letters_after(bytes: &[u8], mut at: usize, end: usize) -> usize {
    while at + 8 <= end && four_russian_letters(&bytes[at..at + 8]) {
        at += 8;
    }
    at
}

/// [`word_char_at`] with the hyphen counted in.
#[inline(always)]
fn compound_word_char_at(text: &str, i: usize) -> (bool, usize) {
    // ASCII and Russian letters here; anything else by its character.
    match text.as_bytes()[i] {
        b'-' => (true, 1),
        b @ 0..=0x7F => (b.is_ascii_alphanumeric(), 1),
        0xD0 | 0xD1 => (true, 2),
        _ => word_char_at(text, i),
    }
}

/// Whether the character ending at byte `at` is a letter, digit or hyphen, and where it starts.
#[inline]
fn compound_word_char_before(text: &str, at: usize) -> (bool, usize) {
    ictdip_scan::word_part_before(text, at, b'-')
}

/// Where the run of Russian letters ending at byte `at` starts, no earlier than `floor`, four
/// letters at a time. A shorter remainder is left to the caller's character loop.
#[inline]
fn russian_letters_before(bytes: &[u8], floor: usize, mut at: usize) -> usize {
    while at >= floor + 8 && four_russian_letters(&bytes[at - 8..at]) {
        at -= 8;
    }
    at
}

/// The words of `text[floor..pos]` counting back from its end, found as they are asked for: a
/// role phrase stands within a dozen words of its name, and the sentence before it can be long.
struct WordsBefore<'t, 'b> {
    text: &'t str,
    floor: usize,
    pos: usize,
    /// Emptied on creation (see [`WordsBefore::new`]); one vector serves every name of an article.
    found: &'b mut Vec<Span>,
}

impl<'t, 'b> WordsBefore<'t, 'b> {
    fn new(text: &'t str, floor: usize, pos: usize, found: &'b mut Vec<Span>) -> Self {
        found.clear();
        WordsBefore { text, floor, pos, found }
    }

    /// The `k`-th word back (0 is the last), if there is one. Words are as in [`words_into`].
    fn get(&mut self, k: usize) -> Option<Span> {
        while self.found.len() <= k {
            let mut end = self.pos;
            while end > self.floor {
                let (word, start) = compound_word_char_before(self.text, end);
                if word {
                    break;
                }
                end = start;
            }
            if end == self.floor {
                return None;
            }
            let mut start = russian_letters_before(self.text.as_bytes(), self.floor, end);
            while start > self.floor {
                let (word, before) = compound_word_char_before(self.text, start);
                if !word {
                    break;
                }
                start = before;
            }
            self.found.push(start..end);
            self.pos = start;
        }
        Some(self.found[k].clone())
    }
}

/// The role phrase before a name: from the nearest role word after `floor` (the sentence start,
/// or the end of the person named before in the same sentence) to the name, widened back over
/// "Чрезвычайный и Полномочный" and "первый заместитель". Commas inside a role are common
/// ("министр цифрового развития, инноваций и аэрокосмической промышленности"); a semicolon ends it.
fn role_before(text: &str, folded: &str, floor: usize, name_start: usize, scratch: &mut Vec<Span>) -> Option<Span> {
    let floor = text[floor..name_start].rfind(';').map_or(floor, |i| floor + i + 1);
    let mut ws = WordsBefore::new(text, floor, name_start, scratch);
    let is_role_at = |ws: &mut WordsBefore, k: usize| ws.get(k).is_some_and(|w| is_role_word(&folded[w]));
    // `j` counts words back from the name: 0 is the word just before it.
    let mut j = (0..12).find(|&k| is_role_at(&mut ws, k))?;
    // "председатель Комитета ... при Президенте Республики Казахстан": a role word after "при"
    // names the body's patron, and the person's role is further back.
    while ws.get(j + 1).is_some_and(|w| &folded[w] == "при") {
        match (j + 2..j + 12).find(|&k| is_role_at(&mut ws, k)) {
            Some(k) => j = k,
            None => break,
        }
    }
    // Widen back over "Чрезвычайный и Полномочный", "первый заместитель", "заместителя", and to
    // an earlier role word a few words back.
    loop {
        let prev = ws.get(j + 1).map(|w| &folded[w]);
        if prev == Some("и") && ws.get(j + 2).is_some_and(|w| text[w].chars().next().is_some_and(char::is_uppercase)) {
            j += 2;
        } else if prev.is_some_and(|w| is_role_word(w) || is_role_modifier(w)) {
            j += 1;
        } else if let Some(k) = (2..=3).find(|&k| {
            is_role_at(&mut ws, j + k) && (1..k).all(|m| ws.get(j + m).is_some_and(|w| !past_tense_verb(&folded[w])))
        }) {
            // "председателем совета директоров": the phrase starts at the earlier role word; not
            // across a verb ("Делегацию возглавил председатель").
            j += k;
        } else {
            break;
        }
    }
    let start = ws.get(j).expect("a word found before").start;
    let end = text[start..name_start].trim_end_matches([' ', ',', '—', '–', '-']).len() + start;
    (end > start).then_some(start..end)
}

/// A Russian verb in the past tense, by its ending ("возглавил", "провела", "обсудили",
/// "встретился").
fn past_tense_verb(folded_word: &str) -> bool {
    folded_word.chars().count() > 4
        && ["л", "ла", "ло", "ли", "лся", "лась", "лось", "лись"].iter().any(|e| folded_word.ends_with(e))
}

/// Trims words that cannot be part of a name from both ends of a capitalised run.
fn core_of_run(text: &str, folded: &str, run: Span, hits: &[Hit], ws: &mut Vec<Span>) -> Option<Span> {
    let l = lexicon();
    words_into(text, run, ws);
    // Adjective endings ("Центральной Азии", "Генеральной Ассамблеи", "Южного Кавказа") open
    // place and institution names, not people's.
    let adjectival = |w: &Span| {
        let f = &folded[w.clone()];
        let long_adjective_in_oi =
            f.chars().count() > 7 && ["ской", "цкой", "ной", "ьной"].iter().any(|e| f.ends_with(e));
        (ADJECTIVE_ENDINGS.iter().any(|e| f.ends_with(e)) || long_adjective_in_oi) && !is_given_name(f)
    };
    // Cheapest test first.
    let ok = |w: &Span| {
        !overlaps_hit(w, hits) && !l.not_names.contains(&folded[w.clone()]) && !is_role_word(&folded[w.clone()])
    };
    let mut first = ws.iter().position(ok)?;
    let last = ws.iter().rposition(ok)?;
    // A place or body inside the run stands before the name, as whose the person is ("Раис
    // Татарстана Рустам Минниханов"): the name starts after it.
    if let Some(i) = ws[first..=last].iter().rposition(|w| !ok(w)) {
        first += i + 1;
    }
    // "по Южному Кавказу Роландом Прайсом": an adjective and its noun open the run, not the name.
    while first < last && adjectival(&ws[first]) {
        first += 2;
    }
    if first >= last {
        return None;
    }
    // A given name inside the run, with a surname after it, opens the name: what stands before
    // it is the office's institution in the genitive ("глава Роскосмоса Анатолий Перминов",
    // "академии наук Белорусии Михаил Мясникович"). Not so in a surname written first ("Бородин
    // Алексей Сергеевич", "Одилова Умида Бахтияровна") or a name of other parts ("Нгуен Ван
    // Ланг"): the word before is no genitive, or a woman's surname before a patronymic.
    // Asked of every run: the cheap test of the word before comes first, the name lists last.
    let genitive_like = |w: &str| w.ends_with(['а', 'и', 'ы', 'я']);
    if let Some(given) = (first + 1..last)
        .find(|&i| genitive_like(&folded[ws[i - 1].clone()]) && is_given_name_in_any_case(&folded[ws[i].clone()]))
        && !(patronymic(&folded[ws[given + 1].clone()]) && womans_surname(&folded[ws[given - 1].clone()]))
        && !is_given_name_in_any_case(&folded[ws[first].clone()])
    {
        first = given;
    }
    Some(ws[first].start..ws[last].end)
}

/// True for a patronymic ("Сергеевич", "Насибуллаевич", "Петровна"), folded, in any case. Some
/// surnames end so too ("Мясникович"): asked only where a surname may stand before.
fn patronymic(w: &str) -> bool {
    ["вич", "вна", "чна"].iter().any(|e| w.contains(e)) && w.chars().count() > 5
}

/// True for a woman's surname in the nominative ("Одилова", "Кочанова", "Ильина"), folded.
fn womans_surname(w: &str) -> bool {
    ["ова", "ева", "ёва", "ина", "ына", "ая"].iter().any(|e| w.ends_with(e))
}

/// Endings of adjectives in oblique cases that no name takes ("-ой" is left out: "Армидой").
const ADJECTIVE_ENDINGS: [&str; 7] = ["ого", "ому", "ых", "ыми", "ими", "его", "ему"];

/// The people named in `text` (folded as `folded`, with its Russian capitals at `capitals`).
pub fn find(
    text: &str,
    folded: &str,
    capitals: &[usize],
    sentences: &[Span],
    hits: &[Hit],
    speech_verbs: &[Span],
) -> Vec<PersonMention> {
    let l = lexicon();
    let mut found: Vec<PersonMention> = Vec::new();
    let capitals = super::names::Capitals::at(capitals);
    // Candidates of one sentence at a time, in one vector for all of them.
    let mut spans: Vec<(Span, bool)> = Vec::with_capacity(8);
    // The words of a run or role, and the words before a name: one vector for all of them.
    let mut scratch: Vec<Span> = Vec::with_capacity(32);
    let (mut initials, mut runs) = (Vec::with_capacity(8), Vec::with_capacity(8));
    for sentence in sentences {
        // Candidates in text order: names with initials, then capitalised runs beside them.
        spans.clear();
        super::names::initials_and_runs(text, sentence.clone(), &capitals, &mut initials, &mut runs);
        // An initial stands alone: the last letter of an abbreviation ending a sentence ("в РК.
        // Принимающей стороной ...") is none.
        initials.retain(|s: &Span| !text[..s.start].chars().next_back().is_some_and(char::is_alphabetic));
        for mut span in initials.drain(..) {
            // A capitalised word after the surname that is not a name ("Министр") is dropped.
            if let Some(sp) = text[span.clone()].rfind(' ') {
                let last = span.start + sp + 1..span.end;
                if l.not_names.contains(&folded[last.clone()])
                    || is_role_word(&folded[last.clone()])
                    || overlaps_hit(&last, hits)
                {
                    span.end = span.start + sp;
                }
            }
            spans.push((span, true));
        }
        for run in runs.drain(..) {
            if spans.iter().any(|(t, _)| t.start < run.end && run.start < t.end) {
                continue;
            }
            if let Some(core) = core_of_run(text, folded, run, hits, &mut scratch) {
                spans.push((core, false));
            }
        }
        spans.sort_by_key(|(s, _)| s.start);
        let mut floor = sentence.start;
        for (span, initials) in spans.drain(..) {
            let role = role_before(text, folded, floor, span.start, &mut scratch);
            let apposition = if role.is_none() { role_after(folded, span.end, sentence.end) } else { None };
            let accepted = initials || role.is_some() || apposition.is_some() || {
                let first_word = folded[span.clone()].split([' ', '-']).next().unwrap_or("");
                let speech = speech_verbs
                    .iter()
                    .any(|v| v.end <= span.start && span.start - v.end <= 3 && v.start >= sentence.start);
                is_given_name(first_word) || speech
            };
            if accepted {
                found.push(person(text, folded, role.or(apposition), span.clone(), hits, &mut scratch));
                floor = span.end;
            }
        }
    }
    merge_case_forms(found)
}

/// A role in apposition after a name ("Екатерина Ларина, директор Департамента", "Давлатали
/// Саида, первого заместителя премьер-министра", "с Сюй Циншанем — заместителем генсека"): the
/// words from the comma or dash to the role's head word, adjectives before it. The head agrees
/// with the name in case, as a role before the name governs it.
fn role_after(folded: &str, end: usize, sentence_end: usize) -> Option<Span> {
    let rest = &folded[end..sentence_end];
    let from = end + [", ", " — ", " – ", " - "].iter().find(|p| rest.starts_with(**p))?.len();
    let mut at = from;
    for _ in 0..3 {
        let word_end = folded[at..sentence_end]
            .find(|c: char| !crate::lexicon::is_word_char(c) && c != '-')
            .map_or(sentence_end, |i| at + i);
        let w = &folded[at..word_end];
        if is_role_word(w) && !is_role_modifier(w) {
            return Some(from..word_end);
        }
        if w.is_empty() || !is_role_modifier(w) || !folded[word_end..].starts_with(' ') {
            return None;
        }
        at = word_end + 1;
    }
    None
}

/// The grammatical case a role word puts the following name in, judged from the role word's
/// ending: "заместителя министра Сюн Цзицзюня" (genitive), "министру Петрову" (dative),
/// "секретарем Ивановым" (instrumental). "глава" is a nominative that ends like a genitive.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Case {
    Nominative,
    Genitive,
    Dative,
    Instrumental,
}

fn case_after_role(folded_role_word: &str) -> Case {
    let w = folded_role_word;
    if w == "глава" || w == "судья" {
        Case::Nominative
    } else if w.ends_with("ем") || w.ends_with("ом") || w.ends_with("ой") {
        Case::Instrumental
    } else if w.ends_with('у') || w.ends_with('ю') {
        Case::Dative
    } else if w.ends_with('а') || w.ends_with('я') {
        Case::Genitive
    } else {
        Case::Nominative
    }
}

const CONSONANTS: &str = "бвгджзклмнпрстфхцчшщ";

/// Appends to `out` the nominative of one word of a man's name in the given case; words it cannot
/// tell (women's names, foreign indeclinables) as written.
fn push_nominative(word: &str, case: Case, out: &mut String) {
    match nominative_change(word, case) {
        Some((k, ending)) => {
            out.push_str(&word[..word.char_indices().rev().nth(k - 1).map_or(0, |(i, _)| i)]);
            out.push_str(ending);
        }
        None => out.push_str(word),
    }
}

/// How the nominative of one word of a man's name in `case` is made: its last `k` characters
/// replaced by an ending; `None` for the word as written.
fn nominative_change(word: &str, case: Case) -> Option<(usize, &'static str)> {
    let n = word.chars().count();
    if n < 3 || word.contains('.') {
        return None;
    }
    let ends = |s: &str| word.ends_with(s);
    // The character before the last `k`.
    let before = |k: usize| word.chars().rev().nth(k).unwrap_or(' ');
    match case {
        Case::Nominative => None,
        Case::Genitive => {
            if ends("ой") && n > 4 {
                Some((2, "а"))
            } else if ends("ии") {
                Some((1, "я"))
            } else if ends("ы") && CONSONANTS.contains(before(1)) {
                Some((1, "а"))
            } else if ends("ия") || ends("ея") {
                Some((1, "й"))
            } else if ends("я") && CONSONANTS.contains(before(1)) {
                Some((1, "ь"))
            } else if ends("а") && CONSONANTS.contains(before(1)) {
                Some((1, ""))
            } else {
                None
            }
        }
        Case::Dative => {
            if ends("ию") || ends("ею") {
                Some((1, "й"))
            } else if ends("ю") && CONSONANTS.contains(before(1)) {
                Some((1, "ь"))
            } else if ends("у") && CONSONANTS.contains(before(1)) {
                Some((1, ""))
            } else {
                None
            }
        }
        Case::Instrumental => {
            if ends("ым") || (ends("им") && n > 4) || (ends("ом") && CONSONANTS.contains(before(2))) {
                Some((2, ""))
            } else if ends("ием") || ends("еем") {
                Some((2, "й"))
            } else if ends("ем") && CONSONANTS.contains(before(2)) {
                Some((2, "ь"))
            } else if ends("ией") {
                Some((2, "я"))
            } else if ends("ой") && n > 4 {
                Some((2, "а"))
            } else {
                None
            }
        }
    }
}

/// The person named at `span`, introduced by `role` (see [`role_before`]) if any.
fn person(text: &str, folded: &str, role: Option<Span>, span: Span, hits: &[Hit], ws: &mut Vec<Span>) -> PersonMention {
    let case = role.as_ref().map_or(Case::Nominative, |r| {
        words_into(text, r.clone(), ws);
        // The head of the phrase governs the name's case ("заместителем Министра Петровым"): its
        // first role word that is not an adjective before it.
        let head = ws.drain(..).find(|w| is_role_word(&folded[w.clone()]) && !is_role_modifier(&folded[w.clone()]));
        head.map_or(Case::Nominative, |w| case_after_role(&folded[w]))
    });
    let country = role.as_ref().and_then(|r| {
        let from = hits.partition_point(|h| h.span.start < r.start);
        hits[from..].iter().take_while(|h| h.span.start < r.end).find_map(|h| match h.target {
            Target::Country(c) if h.span.end <= r.end => Some(c),
            _ => None,
        })
    });
    let mut name = String::with_capacity(span.len());
    for (i, w) in text[span.clone()].split(' ').enumerate() {
        if i > 0 {
            name.push(' ');
        }
        push_nominative(w, case, &mut name);
    }
    PersonMention { name, span, role: role.map(|r| nominative_role(&single_spaced(&text[r]))), country }
}

/// The words of `s` joined by single spaces. A role phrase nearly always is so already, which is
/// told on the bytes: no space at either end or twice, no other whitespace (any character that
/// could be one opens with a byte looked for here).
fn single_spaced(s: &str) -> String {
    let b = s.as_bytes();
    let mut previous_space = true;
    let plain = b.last() != Some(&b' ')
        && b.iter().all(|&c| {
            let doubled = c == b' ' && previous_space;
            let ok = !doubled && !matches!(c, b'\t' | b'\n' | b'\r' | 0x0B | 0x0C | 0xC2 | 0xE1 | 0xE2 | 0xE3);
            previous_space = c == b' ';
            ok
        });
    if plain {
        s.to_string()
    } else {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// "Ержана Ашикбаева" and "Ержан Ашикбаев" are one person: where each word of one name is the
/// same word of another plus at most two letters, the shorter (the nominative of a man's name)
/// is kept, with the first role found for either.
fn merge_case_forms(found: Vec<PersonMention>) -> Vec<PersonMention> {
    // Compared folded, a character at a time (folding keeps each character's length).
    let same_word = |x: &str, y: &str| {
        let (short, long) = if x.len() <= y.len() { (x, y) } else { (y, x) };
        let mut long_chars = long.chars().map(fold_char);
        short.chars().map(fold_char).all(|c| long_chars.next() == Some(c)) && long_chars.count() <= 2
    };
    let same = |a: &str, b: &str| {
        // Most pairs are two people, told apart by their first letters before any splitting.
        let (fa, fb) = (a.chars().next().map(fold_char), b.chars().next().map(fold_char));
        (fa.is_none() || fb.is_none() || fa == fb)
            && a.split(' ').count() == b.split(' ').count()
            && a.split(' ').zip(b.split(' ')).all(|(x, y)| same_word(x, y))
    };
    let mut out: Vec<PersonMention> = Vec::new();
    for p in found {
        if let Some(q) = out.iter_mut().find(|q| same(&q.name, &p.name)) {
            if p.name.len() < q.name.len() {
                q.name.clone_from(&p.name);
            }
            if q.role.is_none() {
                q.role = p.role;
                q.country = p.country;
            }
        } else {
            out.push(p);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::gazetteer::Gazetteer;

    /// Word spans by the character rule, for the byte scanners to be held to.
    fn words_by_chars(text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
            match (crate::lexicon::is_compound_word_char(c), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    out.push(s..i);
                    start = None;
                }
                _ => {}
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn single_spacing_agrees_with_splitting(s in "\\PC{0,20}|[а-я \u{A0}\u{2009}\u{3000}\t\n—]{0,20}") {
            proptest::prop_assert_eq!(single_spaced(&s), s.split_whitespace().collect::<Vec<_>>().join(" "));
        }

        #[test]
        fn word_scanners_agree_with_the_character_rule(text in "\\PC{0,30}|[а-яА-Я ,.Әә«»—-]{0,40}") {
            let expected = words_by_chars(&text);
            // Left over from an earlier use: emptied first.
            let (mut forward, mut found): (Vec<Span>, Vec<Span>) = (vec![0..1, 2..3], vec![0..1, 2..3]);
            words_into(&text, 0..text.len(), &mut forward);
            proptest::prop_assert_eq!(forward, expected.clone());
            let mut before = WordsBefore::new(&text, 0, text.len(), &mut found);
            let backwards: Vec<Span> = (0..).map_while(|k| before.get(k)).collect();
            proptest::prop_assert_eq!(backwards, expected.into_iter().rev().collect::<Vec<_>>());
        }
    }

    fn people(text: &str) -> Vec<(String, Option<String>)> {
        let (f, capitals) = crate::lexicon::fold_noting_capitals(text);
        let hits = Gazetteer::get().find(text, &f);
        let sentences = crate::lexicon::sentences(text, 0..text.len());
        find(text, &f, &capitals, &sentences, &hits, &[]).into_iter().map(|p| (p.name, p.role)).collect()
    }

    #[test]
    fn initials_with_roles() {
        let got =
            people("Министр цифрового развития Российской Федерации М.И.Шадаев, первый заместитель Министра П.Н.Ткач.");
        assert_eq!(got[0].0, "М.И.Шадаев");
        assert_eq!(got[0].1.as_deref(), Some("Министр цифрового развития Российской Федерации"));
        assert_eq!(got[1].0, "П.Н.Ткач");
    }

    #[test]
    fn the_last_letter_of_an_abbreviation_is_no_initial() {
        let got = people("В делегацию вошли руководители предприятий РК. Принимающей стороной выступила корпорация.");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn a_word_of_time_opening_the_sentence_is_no_first_name() {
        let got = people(
            "Сегодня Си Цзиньпин, председатель КНР, и белорусский президент Александр Лукашенко провели разговор.",
        );
        assert!(got.iter().all(|(name, _)| !name.starts_with("Сегодня")), "{got:?}");
    }

    #[test]
    fn full_names_and_case_forms_merge() {
        let got = people(
            "Встреча Первого заместителя министра Ержана Ашикбаева с делегацией. Ержан Ашикбаев представил проект.",
        );
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "Ержан Ашикбаев");
    }

    #[test]
    fn oblique_names_are_given_in_the_nominative() {
        let got = people("под председательством заместителя Министра промышленности Китая Сюн Цзицзюня.");
        assert_eq!(got[0].0, "Сюн Цзицзюнь");
        assert_eq!(got[0].1.as_deref(), Some("заместитель Министра промышленности Китая"));
        let got = people("Письмо передали министру связи Игорю Петрову.");
        assert_eq!(got[0].0, "Игорь Петров");
        let got = people("Встреча с генеральным секретарем Дорин Богдан-Мартин.");
        assert_eq!(got[0].0, "Дорин Богдан-Мартин");
    }

    #[test]
    fn an_institution_in_the_genitive_before_a_given_name_is_no_part_of_the_name() {
        let got =
            people("Председатель президиума Национальной академии наук Белорусии Михаил Мясникович заявил о планах.");
        assert_eq!(got[0].0, "Михаил Мясникович");
        let got = people("Об этом сообщил глава Роскосмоса Анатолий Перминов.");
        assert_eq!(got[0].0, "Анатолий Перминов");
        // A surname written first stays whole.
        let got = people("Председатель комиссии Бородин Алексей Сергеевич открыл заседание.");
        assert_eq!(got[0].0, "Бородин Алексей Сергеевич");
        let got = people("Заместитель министра Одилова Умида Бахтияровна открыла заседание.");
        assert_eq!(got[0].0, "Одилова Умида Бахтияровна");
    }

    #[test]
    fn a_role_in_apposition_after_the_name() {
        let got = people("Встречу организовали по поручению Давлатали Саида, первого заместителя премьер-министра.");
        assert_eq!(got[0].0, "Давлатали Саид");
        assert_eq!(got[0].1.as_deref(), Some("первый заместитель"));
        let got = people("Эльвира Ларина, директор Департамента министерства, рассказала о планах.");
        assert_eq!(got[0].0, "Эльвира Ларина");
        let got = people("Он встретился с Сюй Циншанем — заместителем генерального секретаря.");
        assert_eq!(got[0].0, "Сюй Циншань");
        // A place after a comma is no role.
        assert!(people("Делегация посетила Ханты-Мансийск, Тюмень и Омск.").is_empty());
    }

    #[test]
    fn women_and_instrumental_forms() {
        let got = people(
            "встреча с Исполнительным секретарем Армидой Салсией Алисджахбаной и премьер-министром Ираклием Кобахидзе.",
        );
        let names: Vec<&str> = got.iter().map(|p| p.0.as_str()).collect();
        assert_eq!(names, ["Армида Салсия Алисджахбана", "Ираклий Кобахидзе"]);
        let got = people("по приглашению министра Айгерим Нурлановой.");
        assert_eq!(got[0].0, "Айгерим Нурланова");
    }

    #[test]
    fn roles_with_commas_stop_at_the_previous_person() {
        let got = people("Министр цифрового развития, инноваций и аэрокосмической промышленности РК Жаслан Мадиев и министр цифровых технологий Республики Узбекистан Шерзод Шерматов подписали меморандум.");
        assert_eq!(
            got[0].1.as_deref(),
            Some("Министр цифрового развития, инноваций и аэрокосмической промышленности РК")
        );
        assert_eq!(got[1].1.as_deref(), Some("министр цифровых технологий Республики Узбекистан"));
    }

    #[test]
    fn long_capitalised_runs_keep_the_name_at_their_end() {
        let got = people("Главный инженер Министерства Китайской Народной Республики Чжао Чжигуо, посол Королевстве Таиланд Франсиско Тилман Сепеда.");
        let names: Vec<&str> = got.iter().map(|p| p.0.as_str()).collect();
        assert_eq!(names, ["Чжао Чжигуо", "Франсиско Тилман Сепеда"]);
    }

    #[test]
    fn places_after_role_words_are_not_people() {
        assert!(people("Главы МИД стран Центральной Азии провели встречу.").is_empty());
        assert!(people("на полях сессии Генеральной Ассамблеи ООН").is_empty());
    }

    #[test]
    fn a_place_before_a_name_is_cut_off() {
        let got = people("с региональным директором по Южному Кавказу Роландом Прайсом.");
        assert_eq!(got[0].0, "Роланд Прайс");
    }

    #[test]
    fn role_phrase_starts_at_its_first_role_word() {
        let got = people("во главе с председателем совета директоров Лян Хуа.");
        assert_eq!(got[0].1.as_deref(), Some("председатель совета директоров"));
    }

    #[test]
    fn roles_are_given_in_the_nominative_with_their_head_and_adjectives() {
        let got = people("Министр встретился с заместителем Министра связи Беларуси Андреем Петровым.");
        assert_eq!(got[0].0, "Андрей Петров");
        assert_eq!(got[0].1.as_deref(), Some("заместитель Министра связи Беларуси"));
        let got = people("Стороны обсудили повестку с Генеральным секретарем МСЭ Дорин Богдан-Мартин.");
        assert_eq!(got[0].1.as_deref(), Some("Генеральный секретарь МСЭ"));
        assert_eq!(nominative_role("Высокого представителя ЕС"), "Высокий представитель ЕС");
        let got = people("Министр провел встречу с Чрезвычайным и Полномочным Послом Индии Т.В.Нагендрой Прасадом.");
        assert_eq!(got[0].1.as_deref(), Some("Чрезвычайный и Полномочный Посол Индии"));
        let got = people("Министр провел встречу с первым заместителем председателя правления Олегом Ивановым.");
        assert_eq!(got[0].0, "Олег Иванов");
        assert_eq!(got[0].1.as_deref(), Some("первый заместитель председателя правления"));
    }

    #[test]
    fn a_role_keeps_its_first_word_and_reads_past_a_patron() {
        let got = people(
            "В заседании участвовал Специальный представитель Президента России по вопросам \
             информационной безопасности Андрей Крутских.",
        );
        assert_eq!(
            got[0].1.as_deref(),
            Some("Специальный представитель Президента России по вопросам информационной безопасности")
        );
        let got = people(
            "Делегацию возглавил председатель Комитета по кибербезопасности при Президенте Республики \
             Казахстан Аскар Ахметов.",
        );
        assert_eq!(got[0].0, "Аскар Ахметов");
        assert_eq!(
            got[0].1.as_deref(),
            Some("председатель Комитета по кибербезопасности при Президенте Республики Казахстан")
        );
    }

    #[test]
    fn institutions_are_not_people() {
        assert!(people("Министерство Цифрового Развития и Кабинет Министров.").is_empty());
        assert!(people("Участники из Центральной Азии и Южного Кавказа обсудили связь.").is_empty());
    }

    proptest::proptest! {
        #[test]
        fn stems_are_found_by_their_first_letter(
            stems in proptest::collection::vec("[а-яёa-zә-]{1,4}", 0..12),
            word in "[а-яёa-zә-]{0,6}",
        ) {
            let table = StemsByFirstLetter::new(stems.iter().cloned());
            proptest::prop_assert_eq!(table.opens(&word), stems.iter().any(|s| word.starts_with(s.as_str())));
        }

        #[test]
        fn roles_are_single_spaced(s in "([а-я]{1,3}|[ \t\n,]|\u{a0}|\u{2009}|—){0,12}") {
            proptest::prop_assert_eq!(single_spaced(&s), s.split_whitespace().collect::<Vec<_>>().join(" "));
        }

        #[test]
        fn overlapping_hits_are_found_by_their_order(
            gaps in proptest::collection::vec((0usize..4, 1usize..4, 1usize..3), 0..8),
            span in (0usize..40, 0usize..6),
        ) {
            let mut hits = Vec::new();
            let mut at = 0;
            for (gap, len, targets) in gaps {
                at += gap;
                for t in 0..targets {
                    hits.push(Hit { target: Target::Country(t as u16), span: at..at + len });
                }
                at += len;
            }
            let span = span.0..span.0 + span.1;
            let linear = hits.iter().any(|h| h.span.start < span.end && span.start < h.span.end);
            proptest::prop_assert_eq!(overlaps_hit(&span, &hits), linear);
        }

        #[test]
        fn words_read_back_are_the_words_read_forward(
            s in "([а-яА-ЯёЁ]{1,4}|[a-z0-9]{1,3}|[ ,.—«»\u{a0}-]|Ѣ|中|é){0,20}",
            from in 0usize..30,
        ) {
            let floor = s.char_indices().nth(from).map_or(s.len(), |(i, _)| i);
            // Left over from an earlier use: emptied first.
            let (mut forward, mut found): (Vec<Span>, Vec<Span>) = (vec![0..1, 2..3], vec![0..1, 2..3]);
            let mut back = WordsBefore::new(&s, floor, s.len(), &mut found);
            let mut got = Vec::new();
            while let Some(w) = back.get(got.len()) {
                got.push(w);
            }
            got.reverse();
            words_into(&s, floor..s.len(), &mut forward);
            proptest::prop_assert_eq!(&got, &forward);
            // And both are the runs of letters, digits and hyphens, by the characters.
            let by_chars: Vec<Span> = words_by_chars(&s[floor..]).into_iter().map(|w| floor + w.start..floor + w.end).collect();
            proptest::prop_assert_eq!(got, by_chars);
        }
    }
}
