//! A list pane's state: the values it lists (countries, bodies, people, topics or kinds) with their
//! counts, the cursor, the rows shown, and the values chosen as filters.

use ictdip_core::timeline::Facet;
use ictdip_core::timeline::FacetCount;
use std::collections::BTreeSet;

/// A value a list pane shows and can choose as a filter.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PaneKey {
    Facet(Facet),
    Person(String),
    Topic(String),
    Kind(String),
}

impl PaneKey {
    /// The code column's text: a country's or body's code; the other values have none.
    pub fn code(&self) -> &str {
        match self {
            PaneKey::Facet(f) => f.code(),
            PaneKey::Person(_) | PaneKey::Topic(_) | PaneKey::Kind(_) => "",
        }
    }
}

impl PartialEq<&str> for PaneKey {
    /// A country or body by its code, any other value by itself.
    fn eq(&self, other: &&str) -> bool {
        match self {
            PaneKey::Facet(f) => f.code() == *other,
            PaneKey::Person(v) | PaneKey::Topic(v) | PaneKey::Kind(v) => v == other,
        }
    }
}

/// One row of a list pane: a value, how the pane names it, and its events.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PaneItem {
    pub key: PaneKey,
    pub name: String,
    pub count: usize,
    /// Of `count`, the events that only mention it.
    pub mentioned: usize,
}

impl From<FacetCount> for PaneItem {
    fn from(f: FacetCount) -> PaneItem {
        PaneItem { key: PaneKey::Facet(f.facet), name: f.name, count: f.count, mentioned: f.mentioned }
    }
}

/// A list pane of values (countries, bodies, people, topics or kinds) that can be chosen as
/// filters.
#[derive(Clone, Debug, Default)]
pub struct FacetPane {
    pub items: Vec<PaneItem>,
    pub selected: usize,
    pub offset: usize,
    pub by_name: bool,
    pub chosen: BTreeSet<PaneKey>,
    /// Rows the pane showed when last drawn: a page of it.
    pub height: usize,
}

impl FacetPane {
    /// New counts for the pane. A chosen value stays listed (with no events, at the end) so that
    /// it can be unchosen, and the cursor stays on the value it was on.
    pub fn set_items(&mut self, mut items: Vec<PaneItem>) {
        let at = self.items.get(self.selected).map(|f| f.key.clone());
        for key in &self.chosen {
            if !items.iter().any(|f| f.key == *key) {
                let Some(name) = self.items.iter().find(|f| f.key == *key).map(|f| f.name.clone()) else { continue };
                items.push(PaneItem { key: key.clone(), name, count: 0, mentioned: 0 });
            }
        }
        if self.by_name {
            items.sort_by_key(|i| i.name.to_lowercase());
        }
        self.items = items;
        self.selected = at
            .and_then(|key| self.items.iter().position(|f| f.key == key))
            .unwrap_or(self.selected)
            .min(self.items.len().saturating_sub(1));
    }
}

/// Every value of a pane (`all`) with its count among the events a filter leaves (`within`):
/// a value with none stays listed, greyed, after the others.
pub fn counted_within(all: Vec<FacetCount>, within: &[FacetCount]) -> Vec<PaneItem> {
    let mut v: Vec<PaneItem> = all
        .into_iter()
        .map(|mut f| {
            let (count, mentioned) =
                within.iter().find(|w| w.facet == f.facet).map_or((0, 0), |w| (w.count, w.mentioned));
            f.count = count;
            f.mentioned = mentioned;
            PaneItem::from(f)
        })
        .collect();
    v.sort_by(|a, b| b.count.cmp(&a.count).then(a.key.cmp(&b.key)));
    v
}
