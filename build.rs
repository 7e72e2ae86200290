//! Embeds every article in `seeds/` so that `ictdip` with no path opens the sample corpus from
//! any directory.

use std::env;
use std::fs;
use std::path::Path;

fn main() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    println!("cargo:rerun-if-changed={}", seeds.display());
    let mut names: Vec<String> = fs::read_dir(&seeds)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".txt") || n.ends_with(".md"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut code =
        String::from("/// The bundled sample articles: (file name, bytes).\npub const SEEDS: &[(&str, &[u8])] = &[\n");
    for n in &names {
        let p = seeds.join(n);
        println!("cargo:rerun-if-changed={}", p.display());
        code.push_str(&format!("    ({n:?}, include_bytes!({:?})),\n", p.display().to_string()));
    }
    code.push_str("];\n");
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("seeds.rs");
    fs::write(out, code).expect("write seeds.rs");
}
