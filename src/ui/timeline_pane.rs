//! The timeline pane's state: the filters' answer in the order shown, the cursor on it, the rows
//! the pane shows, and the recent answers that make typing fast. Drawing reads it
//! (`panes::timeline`); [`App`](super::app::App) decides when to ask again.

use super::panes::scrolled;
use ictdip_core::timeline::{Hit, Query, SortOrder, Timeline};

/// How many recent answers the pane keeps for erasing letters.
const ANSWERS_KEPT: usize = 48;

#[derive(Clone, Debug)]
pub struct TimelinePane {
    /// The current answer of the timeline to the filters, in display order.
    pub hits: Vec<Hit>,
    /// The query `hits` answers: typing on refines it instead of searching everything again,
    /// and the titles' highlights come from it.
    pub last_query: Option<Query>,
    /// Recent answers, newest last: erasing a letter returns to one of them without a search.
    answers: Vec<(Query, Vec<Hit>)>,
    pub selected: usize,
    /// The first row shown.
    pub offset: usize,
    /// Rows the pane showed at the last layout: a page of it.
    pub page: usize,
    /// By date, or by how well events match the filter's words (`r`).
    pub ranking: SortOrder,
    /// The newest events first (`s` on the timeline).
    pub newest_first: bool,
}

impl Default for TimelinePane {
    fn default() -> TimelinePane {
        TimelinePane {
            hits: Vec::new(),
            last_query: None,
            answers: Vec::new(),
            selected: 0,
            offset: 0,
            page: 10,
            ranking: SortOrder::Date,
            newest_first: false,
        }
    }
}

impl TimelinePane {
    /// The order the pane asks its answers in.
    pub fn sort(&self) -> SortOrder {
        match self.ranking {
            SortOrder::Score => SortOrder::Score,
            _ if self.newest_first => SortOrder::NewestFirst,
            _ => SortOrder::Date,
        }
    }

    /// The timeline entry under the cursor.
    pub fn selected_entry(&self) -> Option<usize> {
        self.hits.get(self.selected).map(|h| h.entry)
    }

    /// Drops the answers kept: they belong to a timeline that changed. With `hits`, the answer
    /// shown goes too (a new corpus); without, it stays on screen until the next answer (a body
    /// index arrived, so quoted tokens may now match more).
    pub fn forget_answers(&mut self, hits: bool) {
        self.last_query = None;
        self.answers.clear();
        if hits {
            self.hits.clear();
        }
    }

    /// Answers `q` (from the answers kept, by refining the last one, or by a search), keeping the
    /// cursor on the entry it was on where that is still shown. True when the entry under the
    /// cursor changed.
    pub fn answer(&mut self, timeline: &Timeline, q: Query) -> bool {
        let keep = self.selected_entry();
        self.hits = if let Some(i) = self.answers.iter().rposition(|(aq, _)| *aq == q) {
            self.answers[i].1.clone()
        } else {
            let hits = match &self.last_query {
                Some(previous) => timeline.refine(previous, &self.hits, &q),
                None => timeline.query(&q),
            };
            if self.answers.len() >= ANSWERS_KEPT {
                self.answers.remove(0);
            }
            self.answers.push((q.clone(), hits.clone()));
            hits
        };
        self.last_query = Some(q);
        self.selected = keep.and_then(|k| self.hits.iter().position(|h| h.entry == k)).unwrap_or(0);
        self.selected = self.selected.min(self.hits.len().saturating_sub(1));
        keep != self.selected_entry()
    }

    /// Puts the cursor on the entry `select` picks, if one is shown.
    pub fn select_where(&mut self, select: impl Fn(usize) -> bool) {
        if let Some(i) = self.hits.iter().position(|h| select(h.entry)) {
            self.selected = i;
        }
    }

    /// Moves the cursor by `delta` rows, clamped; true when it moved.
    pub fn move_by(&mut self, delta: isize) -> bool {
        let before = self.selected;
        self.selected = moved(self.selected, delta, self.hits.len());
        before != self.selected
    }

    /// Fits the pane to `rows` rows: a page of it, and the first row shown so that the cursor is.
    pub fn fit(&mut self, rows: usize) {
        self.page = rows.max(1);
        self.offset = scrolled(self.offset, self.selected, self.page);
    }
}

/// A cursor at `cur` moved by `delta` within `len` items, clamped.
pub fn moved(cur: usize, delta: isize, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    (cur as isize + delta).clamp(0, len as isize - 1) as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use ictdip_core::corpus::{self, BuildOptions, Source};

    fn timeline() -> Timeline {
        let c = corpus::build(&Source::Embedded, &BuildOptions::default());
        Timeline::new(c.articles, c.events)
    }

    #[test]
    fn the_cursor_stays_on_its_event_while_the_answer_changes() {
        let t = timeline();
        let mut pane = TimelinePane::default();
        assert!(pane.answer(&t, Query::parse("")), "from no event to the first");
        let all = pane.hits.len();
        assert!(all >= 5);
        // The cursor on an SCO event: narrowing to the SCO keeps it there.
        pane.select_where(|e| t.event(e).orgs.iter().any(|o| o == "SCO"));
        let on = pane.selected_entry();
        assert!(!pane.answer(&t, Query::parse("#SCO")));
        assert_eq!(pane.selected_entry(), on);
        assert!(pane.hits.len() < all);
        // Back to everything: the kept answer, with the cursor still on the same event.
        assert!(!pane.answer(&t, Query::parse("")));
        assert_eq!((pane.hits.len(), pane.selected_entry()), (all, on));
        // An answer without that event moves the cursor to the first row.
        assert!(pane.answer(&t, Query::parse("#NOSUCHBODY nothing-matches-this")) || pane.hits.is_empty());
        assert_eq!((pane.selected, pane.selected_entry()), (0, None));
    }

    #[test]
    fn fitting_keeps_the_cursor_on_screen_and_moves_clamp() {
        let t = timeline();
        let mut pane = TimelinePane::default();
        pane.answer(&t, Query::parse(""));
        let last = pane.hits.len() - 1;
        assert!(pane.move_by(isize::MAX / 2));
        assert_eq!(pane.selected, last);
        assert!(!pane.move_by(1), "no row below the last");
        pane.fit(2);
        assert_eq!((pane.page, pane.offset), (2, last - 1));
        pane.move_by(-(last as isize));
        pane.fit(2);
        assert_eq!((pane.selected, pane.offset), (0, 0));
        pane.fit(0);
        assert_eq!(pane.page, 1, "a page is at least a row");
    }
}
