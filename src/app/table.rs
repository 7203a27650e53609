//! A list pane's state: rows, sort order, filter, cursor, scroll and marks. Sorting happens when
//! rows or the sort change; filtering walks the sorted order once, so a keystroke in the filter
//! costs one pass over the rows, never a sort.
//!
//! Lists arrive in pages. The first load shows each page as it comes: the page is sorted on
//! its own and merged into the order, and the cursor stays on its row. A reload keeps showing
//! the rows there are and swaps in the new list once it is complete. Marks belong to rows (by
//! position in `items`); a swap carries them over by key to the rows that still exist.

mod arrival;
mod marks;

use std::cmp::Ordering;

use super::rows::{ColumnId, Row};

pub use arrival::{Progress, Rows};

/// Whether a list's data is there, coming, or failed to come.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Load {
    #[default]
    Idle,
    Loading {
        request: u64,
    },
    Loaded,
    Failed(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    pub column: ColumnId,
    pub descending: bool,
}

impl Sort {
    pub const fn ascending(column: ColumnId) -> Self {
        Self {
            column,
            descending: false,
        }
    }

    pub const fn descending(column: ColumnId) -> Self {
        Self {
            column,
            descending: true,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Table<T> {
    items: Vec<T>,
    /// Every item index, sorted.
    order: Vec<u32>,
    /// The sorted indices that pass the filter: what the pane shows.
    view: Vec<u32>,
    /// Position of the cursor in `view`.
    cursor: usize,
    /// First row drawn.
    offset: usize,
    filter: String,
    sort: Sort,
    /// Per item: marked or not.
    marks: Vec<bool>,
    marked_count: usize,
    /// Every row's search text, `\0`-separated, in item order: one contiguous scan per keystroke.
    search_buf: String,
    /// Where each item's text starts in `search_buf`.
    search_starts: Vec<u32>,
    /// Changes whenever rows or marks change.
    revision: u64,
    /// Changes whenever `items` is replaced or emptied (appending keeps it). Numbers are
    /// issued from `issued` and never reused, so a shadow table's number is its own.
    generation: u64,
    issued: u64,
    /// The last [`Table::remove_where`]: the generation before it, and which rows it kept.
    removal: Option<(u64, Vec<bool>)>,
    pub load: Load,
    progress: Progress,
    /// A reload's pages, sorted as they come, swapped in when the last one is there.
    staged: Option<Box<Table<T>>>,
}

impl<T: Row> Table<T> {
    pub fn new(sort: Sort) -> Self {
        Self {
            items: Vec::new(),
            order: Vec::new(),
            view: Vec::new(),
            cursor: 0,
            offset: 0,
            filter: String::new(),
            sort,
            marks: Vec::new(),
            marked_count: 0,
            search_buf: String::new(),
            search_starts: Vec::new(),
            revision: 0,
            generation: 0,
            issued: 0,
            removal: None,
            load: Load::Idle,
            progress: Progress::default(),
            staged: None,
        }
    }

    /// Empties the table (another organization or repository was opened).
    pub fn clear(&mut self) {
        self.items.clear();
        self.order.clear();
        self.view.clear();
        self.cursor = 0;
        self.offset = 0;
        self.filter.clear();
        self.marks.clear();
        self.marked_count = 0;
        self.search_buf.clear();
        self.search_starts.clear();
        self.staged = None;
        self.progress = Progress::default();
        self.generation = self.issue();
        self.changed();
        self.load = Load::Idle;
    }

    fn position_of(&self, key: &str) -> Option<usize> {
        self.view
            .iter()
            .position(|&i| self.items[i as usize].key() == key)
    }

    fn compare(&self, a: u32, b: u32) -> Ordering {
        let ord = self.items[a as usize].compare(&self.items[b as usize], self.sort.column);
        if self.sort.descending {
            ord.reverse()
        } else {
            ord
        }
    }

    fn resort(&mut self) {
        let mut order: Vec<u32> = (0..self.items.len() as u32).collect();
        order.sort_by(|&a, &b| self.compare(a, b));
        self.order = order;
        self.refilter();
    }

    /// Adds the search texts of the items from `start` on.
    fn index_search(&mut self, start: usize) {
        for item in &self.items[start..] {
            self.search_starts.push(self.search_buf.len() as u32);
            self.search_buf.push_str(item.search_text());
            self.search_buf.push('\0');
        }
    }

    /// Which items contain `needle`: one pass of a substring search over the joined texts.
    fn matches(&self, needle: &str) -> Vec<bool> {
        let mut hits = vec![false; self.items.len()];
        let finder = memchr::memmem::Finder::new(needle.as_bytes());
        let haystack = self.search_buf.as_bytes();
        let mut from = 0;
        let mut item = 0;
        while let Some(found) = finder.find(&haystack[from..]) {
            // Matches come in order, so the owning item only ever moves forward.
            while self
                .search_starts
                .get(item + 1)
                .is_some_and(|&next| next as usize <= from + found)
            {
                item += 1;
            }
            hits[item] = true;
            // Skip the rest of this item's text: one hit per row is enough.
            match self.search_starts.get(item + 1) {
                Some(&next) => from = next as usize,
                None => break,
            }
        }
        hits
    }

    fn refilter(&mut self) {
        let needle = self.filter.to_lowercase();
        if needle.is_empty() {
            self.view.clone_from(&self.order);
        } else {
            let hits = self.matches(&needle);
            self.view = self
                .order
                .iter()
                .copied()
                .filter(|&i| hits[i as usize])
                .collect();
        }
        self.cursor = self.cursor.min(self.view.len().saturating_sub(1));
    }

    pub fn set_filter(&mut self, filter: &str) {
        // Follow the row by item index: comparing keys would touch every row's memory.
        let current = self.view.get(self.cursor).copied();
        self.filter = filter.to_string();
        self.refilter();
        if let Some(pos) = current.and_then(|c| self.view.iter().position(|&i| i == c)) {
            self.cursor = pos;
        }
    }

    pub fn filter(&self) -> &str {
        &self.filter
    }

    pub fn sort(&self) -> Sort {
        self.sort
    }

    /// Moves to the next sortable column, keeping the cursor on its row.
    pub fn cycle_sort(&mut self) {
        let at = T::SORTS.iter().position(|&c| c == self.sort.column);
        let next = at.map_or(0, |i| (i + 1) % T::SORTS.len());
        if let Some(&column) = T::SORTS.get(next) {
            self.sort.column = column;
        }
        self.apply_sort();
    }

    pub fn reverse_sort(&mut self) {
        self.sort.descending = !self.sort.descending;
        self.apply_sort();
    }

    fn apply_sort(&mut self) {
        let current = self.view.get(self.cursor).copied();
        if let Some(staged) = &mut self.staged {
            staged.sort = self.sort;
            staged.resort();
        }
        self.resort();
        if let Some(pos) = current.and_then(|c| self.view.iter().position(|&i| i == c)) {
            self.cursor = pos;
        }
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn visible_len(&self) -> usize {
        self.view.len()
    }

    pub fn current(&self) -> Option<&T> {
        self.view.get(self.cursor).map(|&i| &self.items[i as usize])
    }

    /// The current row's position in [`Table::rows`].
    pub fn current_index(&self) -> Option<u32> {
        self.view.get(self.cursor).copied()
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn offset(&self) -> usize {
        self.offset
    }

    /// The rows from `offset`, at most `height` of them, with their positions in
    /// [`Table::rows`]: all a frame draws.
    pub fn visible_rows(&self, height: usize) -> impl Iterator<Item = (u32, &T)> {
        self.view
            .iter()
            .skip(self.offset)
            .take(height)
            .map(|&i| (i, &self.items[i as usize]))
    }

    /// Moves the cursor by `delta` rows and scrolls so it stays inside `height` rows.
    pub fn move_by(&mut self, delta: isize, height: usize) {
        let last = self.view.len().saturating_sub(1) as isize;
        self.cursor = (self.cursor as isize + delta).clamp(0, last.max(0)) as usize;
        self.scroll_to_cursor(height);
    }

    pub fn move_to(&mut self, position: usize, height: usize) {
        self.cursor = position.min(self.view.len().saturating_sub(1));
        self.scroll_to_cursor(height);
    }

    pub fn scroll_to_cursor(&mut self, height: usize) {
        let height = height.max(1);
        if self.cursor < self.offset {
            self.offset = self.cursor;
        } else if self.cursor >= self.offset + height {
            self.offset = self.cursor + 1 - height;
        }
        // Never leave empty space below the last row when rows could fill it.
        let max_offset = self.view.len().saturating_sub(height);
        self.offset = self.offset.min(max_offset);
    }

    /// Rows that pass the filter, in display order.
    pub fn visible(&self) -> impl Iterator<Item = &T> {
        self.view.iter().map(|&i| &self.items[i as usize])
    }

    /// Rows that pass the filter, in display order, with their positions in [`Table::rows`].
    pub fn visible_indexed(&self) -> impl Iterator<Item = (u32, &T)> {
        self.view.iter().map(|&i| (i, &self.items[i as usize]))
    }

    /// Changes whenever the rows or the marks change, so derived data knows when to recompute.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Changes whenever the rows are replaced or emptied; appended rows keep it.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    fn changed(&mut self) {
        self.revision = self.revision.wrapping_add(1);
    }

    pub fn rows(&self) -> &[T] {
        &self.items
    }
}

/// What `update` does to whichever list has the focus, whatever its row type.
pub trait ListOps {
    fn move_by(&mut self, delta: isize, height: usize);
    fn move_to(&mut self, position: usize, height: usize);
    fn scroll_to_cursor(&mut self, height: usize);
    fn set_filter(&mut self, filter: &str);
    fn filter(&self) -> &str;
    fn cycle_sort(&mut self);
    fn reverse_sort(&mut self);
    fn visible_len(&self) -> usize;
    fn offset(&self) -> usize;
    fn toggle_mark(&mut self);
    fn start_loading(&mut self, request: u64);
    /// Marks every visible row; how many were newly marked.
    fn mark_all_visible(&mut self) -> usize;
    fn invert_visible(&mut self);
}

impl<T: Row> ListOps for Table<T> {
    fn move_by(&mut self, delta: isize, height: usize) {
        Table::move_by(self, delta, height)
    }
    fn move_to(&mut self, position: usize, height: usize) {
        Table::move_to(self, position, height)
    }
    fn scroll_to_cursor(&mut self, height: usize) {
        Table::scroll_to_cursor(self, height)
    }
    fn set_filter(&mut self, filter: &str) {
        Table::set_filter(self, filter)
    }
    fn filter(&self) -> &str {
        Table::filter(self)
    }
    fn cycle_sort(&mut self) {
        Table::cycle_sort(self)
    }
    fn reverse_sort(&mut self) {
        Table::reverse_sort(self)
    }
    fn visible_len(&self) -> usize {
        Table::visible_len(self)
    }
    fn offset(&self) -> usize {
        Table::offset(self)
    }
    fn toggle_mark(&mut self) {
        Table::toggle_mark(self)
    }
    fn start_loading(&mut self, request: u64) {
        Table::start_loading(self, request)
    }
    fn mark_all_visible(&mut self) -> usize {
        self.mark_where(|_| true)
    }
    fn invert_visible(&mut self) {
        Table::invert_visible(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::rows::TagRow;
    use crate::swr::model::Tag;

    fn tags(names: &[&str]) -> Vec<TagRow> {
        names
            .iter()
            .enumerate()
            .map(|(i, n)| {
                TagRow::from(Tag {
                    tag: n.to_string(),
                    size: i as i64,
                    updated: format!("2026-01-{:02}T00:00:00Z", i + 1),
                    ..Tag::default()
                })
            })
            .collect()
    }

    fn names(t: &Table<TagRow>) -> Vec<String> {
        t.visible_rows(100).map(|(_, r)| r.tag.clone()).collect()
    }

    fn newest_first() -> Table<TagRow> {
        Table::new(Sort {
            column: crate::app::rows::ColumnId::Updated,
            descending: true,
        })
    }

    #[test]
    fn sorts_newest_first_and_filters_without_losing_order() {
        let mut t = newest_first();
        t.set_items(tags(&["v1", "v2", "latest", "v10"]));
        assert_eq!(names(&t), ["v10", "latest", "v2", "v1"]);
        t.set_filter("V1");
        assert_eq!(names(&t), ["v10", "v1"]);
        assert_eq!(t.visible_len(), 2);
        t.set_filter("");
        assert_eq!(t.visible_len(), 4);
    }

    #[test]
    fn cursor_stays_on_its_row_across_sort_filter_and_reload() {
        let mut t = newest_first();
        t.set_items(tags(&["a", "b", "c", "d"]));
        t.move_by(2, 10);
        assert_eq!(t.current().unwrap().tag, "b");
        t.cycle_sort(); // by name
        assert_eq!(t.current().unwrap().tag, "b");
        t.set_filter("b");
        assert_eq!(t.current().unwrap().tag, "b");
        t.set_filter("");
        t.set_items(tags(&["b", "c", "d", "e"]));
        assert_eq!(t.current().unwrap().tag, "b");
        // Its row gone, the cursor keeps its height.
        t.move_by(-1, 10);
        let at = t.cursor();
        let gone = t.current().unwrap().tag.clone();
        let rest: Vec<&str> = ["b", "c", "d", "e"]
            .into_iter()
            .filter(|n| *n != gone)
            .collect();
        t.set_items(tags(&rest));
        assert_eq!(t.cursor(), at);
    }

    #[test]
    fn scrolling_keeps_the_cursor_visible() {
        let mut t = newest_first();
        t.set_items(tags(&["a", "b", "c", "d", "e", "f", "g", "h"]));
        t.move_by(5, 3);
        assert_eq!((t.cursor(), t.offset()), (5, 3));
        t.move_by(-4, 3);
        assert_eq!((t.cursor(), t.offset()), (1, 1));
        t.move_by(100, 3);
        assert_eq!((t.cursor(), t.offset()), (7, 5));
        t.move_by(-100, 3);
        assert_eq!((t.cursor(), t.offset()), (0, 0));
    }

    #[test]
    fn marks_survive_filtering_and_drop_when_rows_vanish() {
        let mut t = newest_first();
        t.set_items(tags(&["a", "b", "c"]));
        t.toggle_mark();
        let first = t.current().unwrap().tag.clone();
        t.set_filter("zzz");
        assert_eq!(t.marked_count(), 1);
        t.set_filter("");
        t.set_items(tags(&["x", "y"]));
        assert_eq!(t.marked_count(), 0, "{first} is gone, so is its mark");
    }

    #[test]
    fn removing_rows_keeps_order_filter_marks_and_cursor() {
        let mut t = newest_first();
        t.set_items(tags(&["a", "b", "c", "d", "e", "f"]));
        t.set_filter("");
        t.move_by(1, 10); // on "e"
        t.toggle_mark(); // "e"
        t.move_by(2, 10); // on "c"
        t.toggle_mark(); // "c"
        t.move_by(-1, 10); // on "d"
        let removed = t.remove_where(|r| r.tag == "c" || r.tag == "f");
        assert_eq!(removed, 2);
        assert_eq!(names(&t), ["e", "d", "b", "a"]);
        assert_eq!(t.current().unwrap().tag, "d");
        assert_eq!(t.marked_keys().into_iter().collect::<Vec<_>>(), ["e"]);
        assert_eq!(t.marked_count(), 1);
        t.set_filter("a");
        assert_eq!(names(&t), ["a"], "the search index follows");
        assert_eq!(t.remove_where(|_| false), 0);
    }

    #[test]
    fn empty_table_is_safe() {
        let mut t = newest_first();
        t.move_by(1, 5);
        t.toggle_mark();
        t.set_filter("x");
        assert!(t.current().is_none());
        assert_eq!(t.visible_len(), 0);
    }
}
