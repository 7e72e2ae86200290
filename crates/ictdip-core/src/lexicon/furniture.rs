//! Furniture markers from `assets/furniture.txt`.

use super::assets::FURNITURE;
use super::fold;
use std::sync::OnceLock;

/// What a marker says about the line it is found on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkerKind {
    /// The line and everything after it is furniture.
    Cut,
    /// The line is furniture when it starts with the marker.
    Start,
    /// The line is furniture when it is the marker alone.
    Line,
    /// The line is furniture when it contains the marker.
    Within,
}

struct Markers {
    /// Cut, start and line markers, in that order: each applies only at the start of a line.
    leading: Vec<(MarkerKind, String)>,
    /// Indexes into `leading` by the marker's first character, in the same order: a line is
    /// compared only with the markers that open with its own first character.
    leading_by_first: super::FastMap<char, Vec<usize>>,
    /// Markers that apply anywhere in a line. There are a dozen, and a SIMD substring search for
    /// each was faster than one automaton over the line: they open with common Cyrillic letters,
    /// on which an automaton's prefilter stops every few bytes.
    within: Vec<memchr::memmem::Finder<'static>>,
    /// The words of language switchers ("Русский English Қазақша").
    menu: super::FastSet<String>,
}

fn markers() -> &'static Markers {
    static M: OnceLock<Markers> = OnceLock::new();
    M.get_or_init(|| {
        let mut leading = Vec::new();
        let mut within = Vec::new();
        let mut menu = super::FastSet::default();
        let mut kind = MarkerKind::Within;
        let mut in_menu = false;
        for line in FURNITURE.lines() {
            let t = line.trim_end();
            if t.trim().is_empty() || t.starts_with('#') {
                continue;
            }
            in_menu = t == "[menu]" || (in_menu && !t.starts_with('['));
            if in_menu {
                if t != "[menu]" {
                    menu.insert(fold(t.trim()));
                }
                continue;
            }
            kind = match t {
                "[cut]" => MarkerKind::Cut,
                "[start]" => MarkerKind::Start,
                "[line]" => MarkerKind::Line,
                "[within]" => MarkerKind::Within,
                _ if kind == MarkerKind::Within => {
                    within.push(fold(t.trim_start()));
                    continue;
                }
                _ => {
                    leading.push((kind, fold(t.trim_start())));
                    continue;
                }
            };
        }
        // The stronger kinds are tried first whatever the order of sections in the asset.
        leading.sort_by_key(|(k, _)| *k as u8);
        let mut leading_by_first: super::FastMap<char, Vec<usize>> = super::FastMap::default();
        for (i, (_, m)) in leading.iter().enumerate() {
            if let Some(c) = m.chars().next() {
                leading_by_first.entry(c).or_default().push(i);
            }
        }
        let within = within.iter().map(|m| super::letters::finder(m)).collect();
        Markers { leading, leading_by_first, within, menu }
    })
}

/// True when a line is a language switcher: two or more of the `[menu]` words and nothing else
/// but brackets, bars and spaces ("Russian Belarusian Chinese (Simplified) English", "РУС | ENG |
/// ҚАЗ"). Its language names are no countries, and it is no headline.
pub fn is_language_menu(line: &str) -> bool {
    let menu = &markers().menu;
    let mut words = 0;
    for w in line.split(|c: char| !(super::is_word_char(c) || matches!(c, '\'' | 'ʻ' | '’'))).filter(|w| !w.is_empty())
    {
        if !menu.contains(&fold(w)) {
            return false;
        }
        words += 1;
    }
    words >= 2
}

/// Classifies one folded line (see [`super::fold`]) by the markers: `None` when no marker applies.
/// Cut markers are tried first, then start, line and within markers.
#[cfg(test)]
pub fn classify(folded_line: &str) -> Option<MarkerKind> {
    let hits = WithinMarkers::of(folded_line);
    hits.classify(folded_line, 0..folded_line.len())
}

/// Where the within markers stand in a folded text. Found once per article, not once per line:
/// a dozen substring searches per line cost more in setting up than in searching, on lines of a
/// few dozen bytes.
pub struct WithinMarkers(Vec<std::ops::Range<usize>>);

impl WithinMarkers {
    pub fn of(folded: &str) -> WithinMarkers {
        let mut hits = Vec::new();
        for f in &markers().within {
            let mut from = 0;
            // Overlapping occurrences too: each line asks for one inside its own bounds.
            while let Some(at) = f.find(&folded.as_bytes()[from..]) {
                hits.push(from + at..from + at + f.needle().len());
                from += at + 1;
            }
        }
        hits.sort_by_key(|h| h.start);
        WithinMarkers(hits)
    }

    /// Classifies the line at `line` of `folded` (the text these markers were found in).
    pub fn classify(&self, folded: &str, line: std::ops::Range<usize>) -> Option<MarkerKind> {
        let text = &folded[line.clone()];
        let trimmed = text.trim_start_matches(|c: char| c == '#' || c == '*' || c == '>' || c.is_whitespace());
        let core = trimmed.trim_end();
        if let Some(kind) = leading(core) {
            return Some(kind);
        }
        let start = line.start + (text.len() - trimmed.len());
        let end = start + core.len();
        let first = self.0.partition_point(|h| h.start < start);
        self.0[first..].iter().take_while(|h| h.start < end).any(|h| h.end <= end).then_some(MarkerKind::Within)
    }
}

/// The cut, start or line marker `core` (a trimmed line) opens with, if any.
fn leading(core: &str) -> Option<MarkerKind> {
    let markers = markers();
    let candidates = core.chars().next().and_then(|c| markers.leading_by_first.get(&c))?;
    for (kind, m) in candidates.iter().map(|&i| &markers.leading[i]) {
        if !super::has_prefix(core, m) {
            continue;
        }
        let rest = &core[m.len()..];
        let hit = match kind {
            // A breadcrumb's separator may follow ("Все новости /", "Главная »").
            MarkerKind::Line => rest
                .trim_matches(|c: char| matches!(c, ':' | '/' | '»' | '|') || c.is_whitespace() || c.is_ascii_digit())
                .is_empty(),
            _ => !rest.chars().next().is_some_and(|c| {
                crate::lexicon::is_word_char(c) && m.chars().last().is_some_and(crate::lexicon::is_word_char)
            }),
        };
        if hit {
            // "Читайте также: <headline>" inside a body links one story and the body goes on; only
            // a heading standing alone ("Читайте также", "ДРУГИЕ НОВОСТИ РАЗДЕЛА") ends the article.
            if *kind == MarkerKind::Cut {
                let rest_words = rest.split(|c: char| !crate::lexicon::is_word_char(c)).filter(|w| !w.is_empty());
                if rest_words.count() > 2 {
                    return Some(MarkerKind::Start);
                }
            }
            return Some(*kind);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classify(line: &str) -> Option<MarkerKind> {
        super::classify(&fold(line))
    }

    #[test]
    fn markers_classify_lines() {
        assert_eq!(classify("# ДРУГИЕ НОВОСТИ РАЗДЕЛА"), Some(MarkerKind::Cut));
        assert_eq!(classify("Читайте также"), Some(MarkerKind::Cut));
        assert_eq!(classify("Читайте также: в Бишкеке открыли новый центр"), Some(MarkerKind::Start));
        assert_eq!(classify("Фото: Gov"), Some(MarkerKind::Start));
        assert_eq!(classify("© Foto"), Some(MarkerKind::Within));
        assert_eq!(classify("Тема"), Some(MarkerKind::Line));
        assert_eq!(classify("Тематика форума охватила ИИ."), None);
        assert_eq!(classify("Обновление"), Some(MarkerKind::Line));
        assert_eq!(classify("Обновление сетей связи обсудили в Баку."), None);
        assert_eq!(classify("Свидетельство о постановке на учет № 10484-АА"), Some(MarkerKind::Within));
        assert_eq!(classify("Выберите шрифт Arial Times New Roman"), Some(MarkerKind::Start));
        assert_eq!(classify("Все новости /"), Some(MarkerKind::Line));
        assert_eq!(classify("Интервал между буквами (Кернинг): Стандартный Средний Большой"), Some(MarkerKind::Start));
    }

    #[test]
    fn language_switchers_are_menus() {
        assert!(is_language_menu("Russian Belarusian Chinese (Simplified) English French German"));
        assert!(is_language_menu("РУС | ENG | ҚАЗ"));
        assert!(is_language_menu("Русский  Oʻzbekcha  English"));
        // One word alone may be a heading; a sentence has other words.
        assert!(!is_language_menu("English"));
        assert!(!is_language_menu("Russian and Chinese experts met in Minsk"));
        assert!(!is_language_menu("Казахский и русский языки"));
    }

    #[test]
    fn within_markers_found_once_count_only_inside_their_line() {
        let text =
            fold("Министры встретились.\n© 2025 Агентство\nФото (c) Gov\nПерепечатка запрещена\nВсе права\nзащищены");
        let hits = WithinMarkers::of(&text);
        let kinds: Vec<Option<MarkerKind>> = crate::lexicon::lines_with_spans(&text)
            .map(|(at, line)| hits.classify(&text, at..at + line.len()))
            .collect();
        let within = Some(MarkerKind::Within);
        // A marker split over two lines is on neither.
        assert_eq!(kinds, [None, within, within, within, None, None]);
    }
}
