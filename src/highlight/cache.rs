//! The highlights of the paragraphs drawn lately, kept so that a frame after a key press
//! detects nothing again; the reader and `brief render` share it.

use super::{Highlight, Highlighter};
use crate::model::{Anchor, Paragraph};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// Where the highlights of a paragraph come from: the briefing's [`Highlighter`], or in tests any
/// function of the paragraph.
pub trait Highlights {
    fn highlights(&self, p: &Paragraph) -> Vec<Highlight>;
}

impl Highlights for Highlighter {
    fn highlights(&self, p: &Paragraph) -> Vec<Highlight> {
        self.paragraph(p)
    }
}

impl<F: Fn(&Paragraph) -> Vec<Highlight>> Highlights for F {
    fn highlights(&self, p: &Paragraph) -> Vec<Highlight> {
        self(p)
    }
}

/// The highlights of the paragraphs drawn lately, so a frame after a key press detects nothing
/// again. Call [`HighlightCache::clear`] when the briefing shown changes (reload, filter).
#[derive(Debug, Default)]
pub struct HighlightCache {
    // Keyed by anchor, checked against the text's address and length so that a stale entry from
    // another briefing is recomputed rather than trusted.
    map: RefCell<HashMap<Anchor, Cached>>,
}

/// A paragraph's highlights with the address and length of the text they were computed for.
type Cached = (usize, usize, Rc<[Highlight]>);

/// More paragraphs than any screen shows; past it the cache starts afresh.
const CACHE_LIMIT: usize = 2048;

impl HighlightCache {
    /// The highlights of paragraph `p` at `anchor`, computed on first use.
    pub fn get(&self, anchor: Anchor, p: &Paragraph, source: &dyn Highlights) -> Rc<[Highlight]> {
        let key = (p.text.as_ptr() as usize, p.text.len());
        let mut map = self.map.borrow_mut();
        if let Some((ptr, len, h)) = map.get(&anchor)
            && (*ptr, *len) == key
        {
            return Rc::clone(h);
        }
        if map.len() >= CACHE_LIMIT {
            map.clear();
        }
        let h: Rc<[Highlight]> = source.highlights(p).into();
        map.insert(anchor, (key.0, key.1, Rc::clone(&h)));
        h
    }

    /// Forget every paragraph's highlights.
    pub fn clear(&self) {
        self.map.borrow_mut().clear();
    }

    /// How many paragraphs are cached.
    pub fn len(&self) -> usize {
        self.map.borrow().len()
    }

    /// Whether nothing is cached.
    pub fn is_empty(&self) -> bool {
        self.map.borrow().is_empty()
    }
}
