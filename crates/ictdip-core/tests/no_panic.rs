//! Arbitrary input never panics the loader or the extractor.

use ictdip_core::extract::extract;
use ictdip_core::load::{article_from_bytes, articles_from_bytes, Article};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        if let Ok(a) = article_from_bytes("x.txt", bytes.as_slice()) {
            for e in extract(&a) {
                for ev in &e.evidence {
                    prop_assert!(a.text.is_char_boundary(ev.start) && a.text.is_char_boundary(ev.end));
                }
            }
        }
    }

    #[test]
    fn arbitrary_strings(s in "\\PC{0,600}") {
        let a = Article::from_text("x.txt", &s);
        let _ = extract(&a);
    }

    #[test]
    fn newsy_strings(s in "([А-Яа-яЁё]{1,12}|[0-9]{1,4}|[ .,–\\-\\n/«»()№]|ШОС|СНГ|Того|в|г\\.|с\\.г\\.|июня|ДУШАНБЕ, ){0,80}") {
        let a = Article::from_text("x.txt", &s);
        let _ = extract(&a);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Files read as structured formats: any bytes give articles or a reason, never a panic.
    #[test]
    fn arbitrary_bytes_in_structured_formats(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        for name in ["x.json", "x.jsonl", "x.html", "x.xml", "x.rss", "x.atom"] {
            if let Ok(all) = articles_from_bytes(name, bytes.as_slice()) {
                for a in &all.articles {
                    let _ = extract(a);
                }
            }
        }
    }

    /// Near-misses of the formats: their punctuation and keywords in any order.
    #[test]
    fn structured_looking_strings(s in "([{}\\[\\]<>/=\":,\\n ]|<p>|<item>|</item>|<entry>|<title>|<rss>|<feed>|<html>|<meta charset=\"windows-1251\">|\"text\"|\"title\"|\"date\"|2025-06-17|&amp;|СНГ|Ташкент){0,60}") {
        for name in ["x.json", "x.jsonl", "x.html", "x.xml"] {
            if let Ok(all) = articles_from_bytes(name, s.as_bytes()) {
                for a in &all.articles {
                    let _ = extract(a);
                }
            }
        }
    }
}
