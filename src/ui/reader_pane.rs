//! The reader's own state: where it is scrolled, what it shows, and the article under it.
//!
//! The timeline keeps no texts, so the reader reads its article again from its origin and extracts
//! it afresh (text and highlights then always agree). That is file work and a full extraction:
//! it runs on a thread of its own, asked by [`ReaderPane::want`] and answered through a channel
//! that the dashboard's loop looks at between events, never while a frame is drawn. The laid-out
//! document is kept until the article, the pane's width or the reader's options change.

use super::panes::reader::{self, DocOptions, ReaderDoc};
use ictdip_core::load::{Article, ArticleRef, LoadOptions};
use ictdip_core::model::Event;
use ictdip_core::registry::Lang;
use ictdip_core::timeline::Timeline;
use std::sync::mpsc;

/// Below this many rows the reader folds its header to one line.
pub const COMPACT_READER_BELOW: usize = 12;

/// The article under the reader, read again from its origin and extracted afresh.
pub struct Opened {
    pub article: Article,
    pub events: Vec<Event>,
}

/// What opening an article gave: the article, or why it could not be read.
pub type Opening = Result<Opened, String>;

/// Reads and extracts one article.
fn open(article: &ArticleRef, options: &LoadOptions) -> Opening {
    article
        .open(options)
        .map(|article| Opened { events: ictdip_core::extract::extract(&article), article })
        .map_err(|w| w.to_string())
}

/// The thread that opens articles for the reader, and the channels to it. Without a thread (the
/// system refused one) articles are opened where they are asked for.
struct Opener {
    requests: Option<mpsc::Sender<(usize, ArticleRef, LoadOptions)>>,
    answers: mpsc::Receiver<(usize, Opening)>,
    /// Where answers go when there is no thread.
    inline: mpsc::Sender<(usize, Opening)>,
}

impl Opener {
    fn start() -> Opener {
        let (requests, asked) = mpsc::channel::<(usize, ArticleRef, LoadOptions)>();
        let (answer, answers) = mpsc::channel();
        let inline = answer.clone();
        let spawned = std::thread::Builder::new().name("reader".into()).spawn(move || {
            // Ends when the dashboard drops its end of the requests.
            for (index, article, options) in asked {
                if answer.send((index, open(&article, &options))).is_err() {
                    return;
                }
            }
        });
        Opener { requests: spawned.ok().map(|_| requests), answers, inline }
    }

    fn ask(&self, index: usize, article: ArticleRef, options: LoadOptions) {
        let sent = self.requests.as_ref().is_some_and(|r| r.send((index, article.clone(), options.clone())).is_ok());
        if !sent {
            // The answer's receiver lives as long as this sender: the send cannot fail.
            let _ = self.inline.send((index, open(&article, &options)));
        }
    }
}

/// What a laid-out document was laid out for: another value lays it out again.
#[derive(Clone, Copy, PartialEq, Eq)]
struct DocKey {
    entry: usize,
    options: DocOptions,
    /// Counts the articles taken in, so that one read again lays out again.
    opening: u64,
}

pub struct ReaderPane {
    /// The reader fills the screen.
    pub full: bool,
    /// The first line shown.
    pub scroll: usize,
    pub show_furniture: bool,
    /// Index of the highlight `n`/`N` last jumped to.
    pub highlight: Option<usize>,
    /// The inside of the pane at the last layout: the text is wrapped to its width.
    pub width: u16,
    pub height: usize,
    /// The article under the reader: its index among the timeline's articles, and what opening it
    /// gave.
    opened: Option<(usize, Opening)>,
    /// How many articles were taken in (see [`DocKey::opening`]).
    openings: u64,
    /// The article the opener is reading.
    pending: Option<usize>,
    doc: Option<(DocKey, ReaderDoc)>,
    opener: Opener,
}

impl Default for ReaderPane {
    fn default() -> ReaderPane {
        ReaderPane {
            full: false,
            scroll: 0,
            show_furniture: true,
            highlight: None,
            width: 80,
            height: 20,
            opened: None,
            openings: 0,
            pending: None,
            doc: None,
            opener: Opener::start(),
        }
    }
}

impl ReaderPane {
    /// Back to the top, no highlight chosen: another event is shown.
    pub fn rewind(&mut self) {
        self.scroll = 0;
        self.highlight = None;
    }

    /// Forgets the article and its document: the timeline they came from is gone.
    pub fn forget(&mut self) {
        self.opened = None;
        self.pending = None;
        self.doc = None;
    }

    /// Asks for the article at `index` of `timeline`, unless it is the one open or being opened.
    pub fn want(&mut self, timeline: &Timeline, index: usize, options: &LoadOptions) {
        if self.opened.as_ref().is_some_and(|(i, _)| *i == index) || self.pending == Some(index) {
            return;
        }
        match timeline.articles.get(index) {
            Some(article) => {
                self.pending = Some(index);
                self.opener.ask(index, article.clone(), options.clone());
            }
            None => self.take((index, Err("the article is not available".to_string()))),
        }
    }

    /// Takes in what the opener has answered, without waiting: whether anything came.
    pub fn take_opened(&mut self) -> bool {
        let mut came = false;
        while let Ok(answer) = self.opener.answers.try_recv() {
            self.take(answer);
            came = true;
        }
        came
    }

    /// Waits for the article being opened, if any (for what needs its text at once).
    pub fn wait_opened(&mut self) {
        while self.pending.is_some() {
            match self.opener.answers.recv() {
                Ok(answer) => self.take(answer),
                Err(_) => return,
            }
        }
    }

    /// True while an article is being opened.
    pub fn opening(&self) -> bool {
        self.pending.is_some()
    }

    fn take(&mut self, (index, opening): (usize, Opening)) {
        // An answer to an earlier request, overtaken by another, is left aside.
        if self.pending.is_some_and(|p| p != index) {
            return;
        }
        self.pending = None;
        self.opened = Some((index, opening));
        self.openings += 1;
    }

    /// The open article, if it is the one at `index`.
    pub fn article(&self, index: usize) -> Option<&Opening> {
        self.opened.as_ref().filter(|(i, _)| *i == index).map(|(_, o)| o)
    }

    /// Lays out the document for `entry` (an event of `timeline` whose article is at `index`),
    /// unless the one kept was laid out for the same; then keeps the scroll within it.
    pub fn lay_out(&mut self, timeline: &Timeline, entry: Option<(usize, usize)>, lang: Lang) {
        let Some((entry, index)) = entry else {
            self.doc = None;
            return;
        };
        let options = DocOptions {
            width: self.width.max(20),
            show_furniture: self.show_furniture,
            current: self.highlight,
            compact: self.height < COMPACT_READER_BELOW,
            lang,
        };
        let key = DocKey { entry, options, opening: self.openings };
        if self.doc.as_ref().is_none_or(|(k, _)| *k != key) {
            // While the article is being read, the event's header alone.
            let opened = self.article(index).map(Result::as_ref);
            let doc = reader::layout(timeline, entry, opened, options);
            self.doc = Some((key, doc));
        }
        // Scrolled no further than the last screenful: the last line at the bottom, never alone
        // at the top of an empty pane.
        self.scroll = self.scroll.min(self.lines().saturating_sub(self.height));
    }

    /// The laid-out document, if an event is shown.
    pub fn doc(&self) -> Option<&ReaderDoc> {
        self.doc.as_ref().map(|(_, d)| d)
    }

    /// Lines of the laid-out document.
    pub fn lines(&self) -> usize {
        self.doc().map_or(0, |d| d.lines.len())
    }

    /// Scrolls by `delta` lines, no further than the last screenful.
    pub fn scroll_by(&mut self, delta: isize) {
        let max = self.lines().saturating_sub(self.height.max(1));
        self.scroll = (self.scroll as isize + delta).clamp(0, max as isize) as usize;
    }

    /// Moves to the next (or previous) highlight and brings it into view, a few lines below the
    /// top.
    pub fn jump_highlight(&mut self, forward: bool) {
        let Some(doc) = self.doc() else { return };
        let n = doc.highlight_lines.len();
        if n == 0 {
            return;
        }
        let next = match (self.highlight, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        };
        let line = doc.highlight_lines[next];
        self.highlight = Some(next);
        self.scroll = line.saturating_sub(2);
    }
}
