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
    list: Vec<(MarkerKind, String)>,
    /// All markers in one automaton: a line is scanned once, not once a marker.
    automaton: aho_corasick::AhoCorasick,
}

fn markers() -> &'static Markers {
    static M: OnceLock<Markers> = OnceLock::new();
    M.get_or_init(|| {
        let mut list = Vec::new();
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
                _ => {
                    list.push((kind, fold(t.trim_start())));
                    continue;
                }
            };
        }
        let automaton =
            aho_corasick::AhoCorasick::new(list.iter().map(|(_, m)| m.as_str())).expect("furniture markers");
        Markers { list, automaton }
    })
}

/// Classifies one folded line (see [`super::fold`]) by the markers: `None` when no marker applies.
pub fn classify(folded_line: &str) -> Option<MarkerKind> {
    let core =
        folded_line.trim_start_matches(|c: char| c == '#' || c == '*' || c == '>' || c.is_whitespace()).trim_end();
    let markers = markers();
    let mut found: Vec<usize> = markers.automaton.find_overlapping_iter(core).map(|m| m.pattern().as_usize()).collect();
    // The earlier a marker stands in the asset, the more it says: cut markers come first.
    found.sort_unstable();
    for (kind, m) in found.into_iter().map(|i| &markers.list[i]) {
        let hit = match kind {
            MarkerKind::Cut | MarkerKind::Start => {
                core.starts_with(m.as_str())
                    && !core[m.len()..].chars().next().is_some_and(|c| {
                        crate::lexicon::is_word_char(c) && m.chars().last().is_some_and(crate::lexicon::is_word_char)
                    })
            }
            MarkerKind::Line => {
                let rest = core
                    .strip_prefix(m.as_str())
                    .map(|r| r.trim_matches(|c: char| c == ':' || c.is_whitespace() || c.is_ascii_digit()));
                rest == Some("")
            }
            MarkerKind::Within => core.contains(m.as_str()),
        };
        if hit {
            // "Читайте также: <headline>" inside a body links one story and the body goes on; only
            // a heading standing alone ("Читайте также", "ДРУГИЕ НОВОСТИ РАЗДЕЛА") ends the article.
            if *kind == MarkerKind::Cut {
                let rest_words =
                    core[m.len()..].split(|c: char| !crate::lexicon::is_word_char(c)).filter(|w| !w.is_empty());
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
    }
}
