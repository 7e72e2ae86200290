//! Markdown read as markup: the text a reader sees, without `#`, `**`, link targets or list
//! markers written out as Markdown. Headings and paragraphs become lines of their own with a
//! blank line after; a paragraph's soft line breaks become spaces, as Markdown renders them; each
//! list item becomes a line that opens with a bullet (`• `), which the page reader takes for body
//! text (a Markdown file is written, not scraped: its lists are content, not a site's menus).

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// What marks a list item's line in the text made from Markdown.
pub const BULLET: &str = "• ";

/// The text of a Markdown document.
pub fn text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let end_block = |out: &mut String| {
        let trimmed = out.trim_end_matches([' ', '\n']).len();
        out.truncate(trimmed);
        if !out.is_empty() {
            out.push_str("\n\n");
        }
    };
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak => out.push(' '),
            Event::HardBreak => out.push('\n'),
            Event::Start(Tag::Item) => {
                let trimmed = out.trim_end_matches(' ').len();
                out.truncate(trimmed);
                if !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                }
                out.push_str(BULLET);
            }
            Event::End(TagEnd::Item) => {
                let trimmed = out.trim_end_matches([' ', '\n']).len();
                out.truncate(trimmed);
                out.push('\n');
            }
            // Inside a list item, a paragraph is the item's own text.
            Event::End(TagEnd::Paragraph) if out.ends_with('\n') || !in_item(&out) => end_block(&mut out),
            // The item's paragraphs run on in its line.
            Event::End(TagEnd::Paragraph) => out.push(' '),
            Event::End(TagEnd::Heading(_) | TagEnd::List(_) | TagEnd::BlockQuote(_) | TagEnd::CodeBlock) => {
                end_block(&mut out);
            }
            Event::End(TagEnd::TableCell) => out.push_str(" | "),
            Event::End(TagEnd::TableRow | TagEnd::TableHead) => out.push('\n'),
            Event::Rule => end_block(&mut out),
            _ => {}
        }
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out
}

/// True when the text so far ends inside a list item's line.
fn in_item(out: &str) -> bool {
    out.rsplit('\n').next().is_some_and(|line| line.starts_with(BULLET))
}

/// Whether a file's name says it is Markdown.
pub fn is_markdown(name: &str) -> bool {
    std::path::Path::new(name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_goes_and_the_text_stays() {
        let md = "# Встреча министров связи\n\n**12 мая 2025 года** в [Ташкенте](https://example.org) прошла\nвстреча министров.\n\nОбсудили:\n\n- искусственный интеллект\n- кибербезопасность\n\n## Итоги\n\nПодписан *меморандум*.\n";
        assert_eq!(
            text(md),
            "Встреча министров связи\n\n12 мая 2025 года в Ташкенте прошла встреча министров.\n\nОбсудили:\n\n\
             • искусственный интеллект\n• кибербезопасность\n\nИтоги\n\nПодписан меморандум.\n"
        );
    }

    #[test]
    fn loose_and_numbered_lists_give_one_line_an_item() {
        let md = "1. Первый пункт.\n\n2. Второй\n   пункт.\n";
        assert_eq!(text(md), "• Первый пункт.\n• Второй пункт.\n");
        // An item of two paragraphs keeps them apart by a space.
        assert_eq!(text("- Первый.\n\n  Второй.\n"), "• Первый. Второй.\n");
    }

    #[test]
    fn markdown_is_told_by_its_name() {
        assert!(is_markdown("notes/2025-05.md") && is_markdown("a.MD") && is_markdown("b.markdown"));
        assert!(!is_markdown("a.txt") && !is_markdown("md"));
    }
}
