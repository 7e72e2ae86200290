//! ictdip: ICT diplomacy news as a timeline of events.
//!
//! Data flows one way:
//! `load` (files → [`load::Article`]) → `extract` (article → [`model::Event`]s) →
//! `timeline` (sorted, indexed, queried) → `ui` (the dashboard) and `cli` (export, list, stats).
//! `lexicon` sits under all of them with the embedded data; `model` holds the shared types.

pub mod bench;
pub mod cache;
pub mod cli;
pub mod corpus;
pub mod eval;
pub mod extract;
pub mod lexicon;
pub mod load;
pub mod model;
pub mod timeline;
pub mod ui;
