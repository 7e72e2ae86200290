//! ictdip-core: ICT diplomacy news as a timeline of events, with no user interface.
//!
//! Data flows one way:
//! `load` (files → [`load::Article`]) → `extract` (article → [`model::Event`]s) →
//! `timeline` (sorted, indexed, queried). `corpus` runs the first two over a folder, in parallel
//! and through the extraction `cache`; `eval` scores exported events against labels. `lexicon`
//! sits under all of them with the embedded data; `model` holds the shared types. The `ictdip`
//! binary's dashboard and command line are front ends over these.

#![forbid(unsafe_code)]

pub mod cache;
pub mod corpus;
pub mod eval;
pub mod extract;
pub(crate) mod lexicon;
pub mod load;
pub mod model;
pub mod problem;
pub mod registry;
pub mod timeline;

/// Lines of a text with their byte offsets, as the extractor reads them (the dashboard's reader
/// lays out the same lines).
pub use lexicon::lines_with_spans;
