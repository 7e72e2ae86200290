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
    /// Markers that apply anywhere in a line. There are a dozen, and a SIMD substring search for
    /// each was faster than one automaton over the line: they open with common Cyrillic letters,
    /// on which an automaton's prefilter stops every few bytes.
    within: Vec<memchr::memmem::Finder<'static>>,
}

fn markers() -> &'static Markers {
    static M: OnceLock<Markers> = OnceLock::new();
    M.get_or_init(|| {
        let mut leading = Vec::new();
        let mut within = Vec::new();
        let mut kind = MarkerKind::Within;
        for line in FURNITURE.lines() {
            let t = line.trim_end();
            if t.trim().is_empty() || t.starts_with('#') {
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
        let within = within.iter().map(|m| memchr::memmem::Finder::new(m.as_bytes()).into_owned()).collect();
        Markers { leading, within }
    })
}

/// Classifies one folded line (see [`super::fold`]) by the markers: `None` when no marker applies.
/// Cut markers are tried first, then start, line and within markers.
pub fn classify(folded_line: &str) -> Option<MarkerKind> {
    let core =
        folded_line.trim_start_matches(|c: char| c == '#' || c == '*' || c == '>' || c.is_whitespace()).trim_end();
    let markers = markers();
    for (kind, m) in &markers.leading {
        if !super::has_prefix(core, m) {
            continue;
        }
        let rest = &core[m.len()..];
        let hit = match kind {
            MarkerKind::Line => {
                rest.trim_matches(|c: char| c == ':' || c.is_whitespace() || c.is_ascii_digit()).is_empty()
            }
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
    markers.within.iter().any(|f| f.find(core.as_bytes()).is_some()).then_some(MarkerKind::Within)
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
    }
}
