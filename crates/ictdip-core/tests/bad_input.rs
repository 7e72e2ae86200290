//! Bad files never stop a load: each becomes one warning naming the file and the reason, and every
//! good file beside it still loads. Loaded as the dashboard and the command line load a folder
//! (`corpus::build`, through the extraction cache), twice: the second time the skips come back
//! from the cache, and must read the same.

use ictdip_core::corpus::{self, BuildOptions, Corpus, Source};
use ictdip_core::load::LoadOptions;
use std::fs;
use std::path::Path;

const GOOD: &str = "Встреча в Ташкенте\n12 мая в Ташкенте состоялась встреча министров связи.\n";

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    let p = dir.join(name);
    fs::create_dir_all(p.parent().unwrap()).unwrap();
    fs::write(p, bytes).unwrap();
}

fn load(dir: &Path, opts: &LoadOptions, cache: &Path) -> Corpus {
    let opts = BuildOptions { load: opts.clone(), cache_dir: Some(cache.to_path_buf()), keep_evidence: true };
    corpus::build(&Source::Path(dir.to_path_buf()), &opts)
}

fn reasons(dir: &Path, opts: &LoadOptions) -> (Vec<String>, Vec<String>) {
    let cache = tempfile::tempdir().unwrap();
    let names = |c: &Corpus| -> (Vec<String>, Vec<String>) {
        let mut articles: Vec<String> = c.articles.iter().map(|a| a.rel.clone()).collect();
        articles.sort();
        (articles, c.warnings.iter().map(std::string::ToString::to_string).collect())
    };
    let first = names(&load(dir, opts, cache.path()));
    assert_eq!(names(&load(dir, opts, cache.path())), first, "read again through the cache");
    first
}

#[test]
fn every_bad_case_is_a_warning_and_good_files_load() {
    let d = tempfile::tempdir().unwrap();
    let root = d.path();
    write(root, "good.txt", GOOD.as_bytes());
    write(root, "sub/deeper/good2.md", GOOD.as_bytes());
    write(root, "empty.txt", b"");
    write(root, "blank.txt", b"  \n\n ");
    write(
        root,
        "image.txt",
        &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, b'I', b'H', b'D', b'R', 0, 0, 1],
    );
    write(root, "huge.txt", &GOOD.repeat(200).into_bytes());
    write(root, "notes.pdf", b"not an article");
    std::os::unix::fs::symlink(root.join("missing.txt"), root.join("broken.txt")).unwrap();
    std::os::unix::fs::symlink(root, root.join("sub/loop")).unwrap();

    let opts = LoadOptions { max_bytes: 4096, ..LoadOptions::default() };
    let (loaded, warnings) = reasons(root, &opts);
    assert_eq!(loaded, ["good.txt", "sub/deeper/good2.md"]);
    let expect = [
        "blank.txt: skipped: empty file",
        "broken.txt: broken symlink: no such file or directory",
        "empty.txt: skipped: empty file",
        "image.txt: skipped: binary file, not text",
        "sub/loop: symlink loop: folder already visited, skipped",
    ];
    for e in expect {
        assert!(warnings.iter().any(|w| w == e), "missing warning {e:?} in {warnings:#?}");
    }
    assert!(
        warnings.iter().any(|w| w.starts_with("huge.txt: skipped: ") && w.contains("over the 4096 byte limit")),
        "{warnings:#?}"
    );
    assert_eq!(warnings.len(), 6, "{warnings:#?}");
}

#[test]
fn unreadable_file_and_missing_path() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "good.txt", GOOD.as_bytes());
    write(d.path(), "secret.txt", GOOD.as_bytes());
    let secret = d.path().join("secret.txt");
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(&secret, fs::Permissions::from_mode(0o000)).unwrap();
    let (loaded, warnings) = reasons(d.path(), &LoadOptions::default());
    if fs::File::open(&secret).is_err() {
        // Only where permissions bind (not as root) is the file really unreadable.
        assert_eq!(loaded, ["good.txt"]);
        assert_eq!(warnings, ["secret.txt: cannot read: permission denied"]);
    } else {
        assert_eq!(loaded, ["good.txt", "secret.txt"]);
    }

    let (loaded, warnings) = reasons(&d.path().join("nowhere"), &LoadOptions::default());
    assert!(loaded.is_empty());
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].ends_with("nowhere: cannot open: no such file or directory"), "{warnings:?}");
}

#[test]
fn legacy_and_utf16_encodings_load_the_same_text() {
    let d = tempfile::tempdir().unwrap();
    let text = GOOD.repeat(3);
    let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode(&text);
    let (koi8, _, _) = encoding_rs::KOI8_R.encode(&text);
    let mut utf16 = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let mut bom8 = vec![0xEF, 0xBB, 0xBF];
    bom8.extend_from_slice(text.as_bytes());
    write(d.path(), "cp1251.txt", &cp1251);
    write(d.path(), "koi8.txt", &koi8);
    write(d.path(), "utf16.txt", &utf16);
    write(d.path(), "bom.txt", &bom8);
    let cache = tempfile::tempdir().unwrap();
    let loaded = load(d.path(), &LoadOptions::default(), cache.path());
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_eq!(loaded.articles.len(), 4);
    for r in &loaded.articles {
        // Opened again as the reader opens it.
        let a = r.open(&LoadOptions::default()).unwrap();
        assert_eq!(a.text, text, "{} ({})", a.rel, a.encoding);
    }
    assert_eq!(loaded.events.len(), 4, "one meeting an article");
}
