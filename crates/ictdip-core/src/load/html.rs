//! HTML to text: markup inside JSON and feed fields, and (below) whole pages.

/// The text of `s`: its markup reduced when it holds any (tags or character references), blocks
/// and line breaks as lines, scripts and styles dropped; plain text as it is.
pub fn text_of(s: &str) -> String {
    if !looks_like_markup(s) {
        return s.to_string();
    }
    let doc = dom_query::Document::fragment(s);
    doc.select("script, style, noscript, template").remove();
    doc.formatted_text().to_string()
}

/// A tag (`<p`, `</p`, `<br/>`, `<!--`) or a character reference (`&amp;`, `&#171;`).
fn looks_like_markup(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr2_iter(b'<', b'&', b).any(|i| match (b[i], b.get(i + 1)) {
        (b'<', Some(c)) => c.is_ascii_alphabetic() || matches!(c, b'/' | b'!'),
        (b'&', Some(b'#')) => true,
        (b'&', Some(c)) if c.is_ascii_alphabetic() => {
            b[i + 1..].iter().take(10).position(|&c| !c.is_ascii_alphanumeric()).is_some_and(|p| b[i + 1 + p] == b';')
        }
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_a_field_becomes_lines_of_text() {
        let t =
            text_of("<p>Министры &laquo;цифры&raquo; встретились.</p><script>var x=1;</script><p>Второй<br>абзац.</p>");
        let lines: Vec<&str> = t.lines().filter(|l| !l.trim().is_empty()).collect();
        assert_eq!(lines, ["Министры «цифры» встретились.", "Второй", "абзац."]);
        assert_eq!(text_of("A & B < C"), "A & B < C", "plain text is left as it is");
        assert_eq!(text_of("AT&amp;T"), "AT&T");
    }
}
