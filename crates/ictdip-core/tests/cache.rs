//! The extraction cache: reused when nothing changed, refreshed file by file when something did,
//! rebuilt with one warning when it cannot be trusted, and never changing what a load gives.

use ictdip_core::cache;
use ictdip_core::corpus::{build, build_with, BuildOptions, Corpus, Progress, Source};
use ictdip_core::load::LoadOptions;
use std::fs;
use std::path::Path;
use std::sync::atomic::Ordering;

const A: &str = "Встреча в Ташкенте\n12 мая 2025 года в Ташкенте состоялась встреча министров связи ШОС.\n";
const B: &str = "Форум в Баку\n3 июня 2025 года в Баку прошел форум СНГ по кибербезопасности.\n";
const C: &str = "Визит в Астану\n7 июля 2025 года министр посетил Казахстан.\n";

struct Fixture {
    corpus_dir: tempfile::TempDir,
    cache_dir: tempfile::TempDir,
}

impl Fixture {
    fn new() -> Fixture {
        let f = Fixture { corpus_dir: tempfile::tempdir().unwrap(), cache_dir: tempfile::tempdir().unwrap() };
        f.write("a.txt", A);
        f.write("b.txt", B);
        f
    }
    fn write(&self, name: &str, text: &str) {
        fs::write(self.corpus_dir.path().join(name), text).unwrap();
    }
    fn opts(&self) -> BuildOptions {
        BuildOptions {
            load: LoadOptions::default(),
            cache_dir: Some(self.cache_dir.path().to_path_buf()),
            keep_evidence: true,
        }
    }
    /// Loads, returning the corpus and how many files came from the cache.
    fn load(&self) -> (Corpus, usize) {
        let progress = Progress::default();
        let c = build_with(&Source::Path(self.corpus_dir.path().to_path_buf()), &self.opts(), &progress, &mut |_| {});
        (c, progress.cached.load(Ordering::Relaxed))
    }
    fn cache_file(&self) -> std::path::PathBuf {
        cache::file_for(self.cache_dir.path(), self.corpus_dir.path(), &LoadOptions::default()).unwrap()
    }
}

fn titles(c: &Corpus) -> Vec<String> {
    c.events.iter().map(|e| e.title.clone().unwrap_or_default()).collect()
}

fn touch_later(path: &Path) {
    // A different size is enough for the cache; a later mtime makes the change unmistakable.
    let f = fs::OpenOptions::new().append(true).open(path).unwrap();
    f.set_modified(std::time::SystemTime::now() + std::time::Duration::from_secs(5)).unwrap();
}

#[test]
fn loads_with_another_size_limit_never_reuse_each_others_results() {
    let f = Fixture::new();
    let big = format!("{A}{}", "Подробности встречи министров. ".repeat(40));
    f.write("big.txt", &big);
    let with_limit = |max_bytes: u64| {
        let opts = BuildOptions { load: LoadOptions { max_bytes, ..LoadOptions::default() }, ..f.opts() };
        let progress = Progress::default();
        let c = build_with(&Source::Path(f.corpus_dir.path().to_path_buf()), &opts, &progress, &mut |_| {});
        (c, progress.cached.load(Ordering::Relaxed))
    };
    let (small, _) = with_limit(500);
    assert!(small.warnings.iter().any(|w| w.path == "big.txt"), "{:?}", small.warnings);
    // A plain load after it reads the big file, not the skip the limited load cached.
    let (plain, cached) = with_limit(LoadOptions::default().max_bytes);
    assert_eq!(cached, 0, "the limited load's cache is not this one's");
    assert!(plain.warnings.is_empty(), "{:?}", plain.warnings);
    assert_eq!(plain.articles.len(), 3);
    // Each keeps its own: both come back whole from their caches.
    let (again, cached) = with_limit(500);
    assert_eq!((cached, again.warnings.len()), (3, 1));
    let (plain_again, cached) = with_limit(LoadOptions::default().max_bytes);
    assert_eq!((cached, plain_again.articles.len()), (3, 3));
}

#[test]
fn loads_choosing_other_files_keep_caches_of_their_own() {
    let f = Fixture::new();
    f.write("c.md", C);
    let with = |include: &[&str], exclude: &[&str]| {
        let s = |v: &[&str]| v.iter().map(ToString::to_string).collect::<Vec<_>>();
        let files = ictdip_core::load::FileFilter::new(&s(include), &s(exclude)).unwrap();
        let opts = BuildOptions { load: LoadOptions { files, ..LoadOptions::default() }, ..f.opts() };
        let progress = Progress::default();
        let c = build_with(&Source::Path(f.corpus_dir.path().to_path_buf()), &opts, &progress, &mut |_| {});
        let mut rels: Vec<String> = c.articles.iter().map(|a| a.rel.clone()).collect();
        rels.sort();
        (rels, progress.cached.load(Ordering::Relaxed))
    };
    let key = |include: &[&str], exclude: &[&str]| {
        let s = |v: &[&str]| v.iter().map(ToString::to_string).collect::<Vec<_>>();
        let files = ictdip_core::load::FileFilter::new(&s(include), &s(exclude)).unwrap();
        cache::file_for(f.cache_dir.path(), f.corpus_dir.path(), &LoadOptions { files, ..LoadOptions::default() })
    };
    // Every choice of files names a cache of its own; extensions are compared as the filter reads
    // them, and no two lists run together.
    let plain = key(&[], &[]);
    assert_ne!(key(&["md"], &[]), plain);
    assert_ne!(key(&[], &["a.txt"]), plain);
    assert_ne!(key(&["txt"], &[]), key(&[], &["txt"]));
    assert_ne!(key(&["a", "b"], &[]), key(&["ab"], &[]));
    assert_eq!(key(&[".MD"], &[]), key(&["md"], &[]));
    assert_eq!(with(&[], &[]), (vec!["a.txt".into(), "b.txt".into(), "c.md".into()], 0));
    assert_eq!(with(&["md"], &[]), (vec!["c.md".into()], 0), "not from the whole folder's cache");
    assert_eq!(with(&[], &["b.*"]), (vec!["a.txt".into(), "c.md".into()], 0));
    // Each comes back whole from its own.
    assert_eq!(with(&["md"], &[]), (vec!["c.md".into()], 1));
    assert_eq!(with(&[], &[]).1, 3);
}

#[test]
fn second_load_comes_from_the_cache() {
    let f = Fixture::new();
    let (first, cached) = f.load();
    assert_eq!(cached, 0);
    assert!(first.warnings.is_empty(), "{:?}", first.warnings);
    let (second, cached) = f.load();
    assert_eq!(cached, 2);
    assert_eq!(first.events, second.events);
}

#[test]
fn changed_added_and_removed_files_are_refreshed_alone() {
    let f = Fixture::new();
    f.load();
    f.write("b.txt", "Форум в Минске\n3 июня 2025 года в Минске прошел форум СНГ.\n");
    touch_later(&f.corpus_dir.path().join("b.txt"));
    f.write("c.txt", C);
    let (c, cached) = f.load();
    assert_eq!(cached, 1, "only a.txt is unchanged");
    assert_eq!(titles(&c), ["Встреча в Ташкенте", "Форум в Минске", "Визит в Астану"]);
    fs::remove_file(f.corpus_dir.path().join("a.txt")).unwrap();
    let (c, cached) = f.load();
    assert_eq!(cached, 2);
    assert_eq!(titles(&c), ["Форум в Минске", "Визит в Астану"]);
}

#[test]
fn unusable_caches_are_rebuilt_with_one_warning() {
    let f = Fixture::new();
    let (reference, _) = f.load();
    let good = fs::read(f.cache_file()).unwrap();
    let mut old_version = good.clone();
    old_version[8] = old_version[8].wrapping_add(1);
    // The record count beside the index's offset: one more than the index holds.
    let mut wrong_count = good.clone();
    wrong_count[20] = wrong_count[20].wrapping_add(1);
    let cases: [(&str, Vec<u8>, &str); 6] = [
        ("wrong count", wrong_count, "is corrupt"),
        ("truncated", good[..good.len() / 2].to_vec(), "is truncated"),
        ("trailing garbage", [good.clone(), b"garbage".to_vec()].concat(), "is corrupt"),
        ("header only", good[..10].to_vec(), "is truncated"),
        (
            "random bytes",
            (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect(),
            "is not an ictdip cache",
        ),
        ("old format", old_version, "has format"),
    ];
    for (what, bytes, reason) in cases {
        fs::write(f.cache_file(), bytes).unwrap();
        let (c, cached) = f.load();
        assert_eq!(cached, 0, "{what}");
        let w: Vec<String> = c.warnings.iter().map(std::string::ToString::to_string).collect();
        assert_eq!(w.len(), 1, "{what}: {w:?}");
        assert!(w[0].contains(reason) && w[0].ends_with("rebuilding it"), "{what}: {w:?}");
        assert_eq!(c.events, reference.events, "{what}: facts are the same");
        let (again, cached) = f.load();
        assert_eq!(cached, 2, "{what}: rebuilt");
        assert!(again.warnings.is_empty(), "{what}: reported once");
    }
}

#[test]
fn export_is_identical_with_and_without_the_cache() {
    let f = Fixture::new();
    let source = Source::Path(f.corpus_dir.path().to_path_buf());
    let no_cache = BuildOptions { load: LoadOptions::default(), cache_dir: None, keep_evidence: true };
    let plain = build(&source, &no_cache);
    f.load();
    let (warm, cached) = f.load();
    assert_eq!(cached, 2);
    let export = |c: Corpus| {
        let t = ictdip_core::timeline::Timeline::new(c.articles, c.events);
        let events: Vec<_> = t.events().collect();
        serde_json::to_string_pretty(&events).unwrap()
    };
    assert_eq!(export(plain), export(warm));
}

#[test]
fn a_folder_of_hundreds_is_read_back_whole_across_runs_of_records() {
    // Enough files that a batch's records are read in several runs, with a changed file in the
    // middle of one: every other file comes back from the cache, each with its own events.
    let f = Fixture::new();
    let texts = [A, B, C];
    for i in 0..600 {
        f.write(&format!("n{i:04}.txt"), &format!("Заметка {i}. {}", texts[i % 3]));
    }
    let (first, _) = f.load();
    let changed = f.corpus_dir.path().join("n0250.txt");
    touch_later(&changed);
    let (second, cached) = f.load();
    assert_eq!(cached, 601, "all but the changed file");
    assert_eq!(first.events, second.events);
    assert_eq!(titles(&second).iter().filter(|t| t.starts_with("Заметка")).count(), 600);
}
