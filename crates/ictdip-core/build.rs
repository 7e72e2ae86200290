//! Embeds every article in the workspace's `seeds/` so that `ictdip` with no path opens the
//! sample corpus from any directory.

use std::env;
use std::fmt::Write;
use std::fs;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let seeds = root.join("seeds");
    println!("cargo:rerun-if-changed={}", seeds.display());
    let mut names: Vec<String> = fs::read_dir(&seeds)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| {
                    Path::new(n)
                        .extension()
                        .is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("md"))
                })
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut code =
        String::from("/// The bundled sample articles: (file name, bytes).\npub const SEEDS: &[(&str, &[u8])] = &[\n");
    for n in &names {
        let p = seeds.join(n);
        println!("cargo:rerun-if-changed={}", p.display());
        writeln!(code, "    ({n:?}, include_bytes!({:?})),", p.display().to_string()).expect("writing to a string");
    }
    code.push_str("];\n");
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("seeds.rs");
    fs::write(out, code).expect("write seeds.rs");

    // The extraction cache must not outlive the code and data that filled it: a hash of the
    // sources that turn files into facts, and of the tables they read, becomes part of the
    // cache's key.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    // The scan crate folds and splits the text; the lock file fixes the decoders' and parsers'
    // versions.
    for dir in [
        "src/load",
        "src/extract",
        "src/lexicon",
        "src/model.rs",
        "../../assets",
        "../ictdip-scan/src",
        "../../Cargo.lock",
    ] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        println!("cargo:rerun-if-changed={}", path.display());
        let mut files = Vec::new();
        collect(&path, &mut files);
        files.sort();
        for f in files {
            for b in fs::read(&f).unwrap_or_default() {
                h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
            }
        }
    }
    println!("cargo:rustc-env=ICTDIP_EXTRACTOR_HASH={h:016x}");
}

fn collect(path: &Path, out: &mut Vec<std::path::PathBuf>) {
    if path.is_dir() {
        for e in fs::read_dir(path).into_iter().flatten().flatten() {
            collect(&e.path(), out);
        }
    } else {
        out.push(path.to_path_buf());
    }
}
