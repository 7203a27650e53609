//! A list pane's state: rows, sort order, filter, cursor, scroll and marks. Sorting happens when
//! rows or the sort change; filtering walks the sorted order once, so a keystroke in the filter
//! costs one pass over the rows, never a sort.
//!
//! Lists arrive in pages. The first load shows each page as it comes: the page is sorted on
//! its own and merged into the order, and the cursor stays on its row. A reload keeps showing
//! the rows there are and swaps in the new list once it is complete. Marks belong to rows (by
//! position in `items`); a swap carries them over by key to the rows that still exist.

use std::cmp::Ordering;
use std::collections::{BTreeSet, HashSet};

use super::msg::Rows;
use super::rows::Row;

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
    pub column: usize,
    pub descending: bool,
}

/// How far a list that is loading has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    /// Rows received so far.
    pub received: usize,
    /// How many the service says there are.
    pub total: Option<usize>,
    /// A reload: the rows shown are the previous list's until the new one is complete.
    pub reloading: bool,
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

    /// A request for this list went out: it waits for `request`'s pages.
    pub fn start_loading(&mut self, request: u64) {
        self.load = Load::Loading { request };
        self.staged = None;
        self.progress = Progress {
            reloading: !self.items.is_empty(),
            ..Progress::default()
        };
    }

    /// How far the load has come, while the list is loading.
    pub fn progress(&self) -> Option<Progress> {
        matches!(self.load, Load::Loading { .. }).then_some(self.progress)
    }

    /// Takes a page of the list being loaded; the last one completes it.
    pub fn receive(&mut self, page: Rows<T>) {
        self.progress.received += page.rows.len();
        self.progress.total = page.total.or(self.progress.total);
        if self.progress.reloading {
            if self.staged.is_none() {
                let mut shadow = Table::new(self.sort);
                shadow.generation = self.issue();
                self.staged = Some(Box::new(shadow));
            }
            if let Some(shadow) = &mut self.staged {
                shadow.extend(page.rows);
            }
        } else {
            self.extend(page.rows);
        }
        if page.complete {
            if self.progress.reloading {
                let next = self
                    .staged
                    .take()
                    .map_or_else(|| Table::new(self.sort), |t| *t);
                self.adopt(next);
            }
            self.load = Load::Loaded;
        }
    }

    /// Replaces the rows, keeping the cursor on the same key where it still exists and marks
    /// on the rows that still exist.
    pub fn set_items(&mut self, items: Vec<T>) {
        let mut next = Table::new(self.sort);
        next.generation = self.issue();
        next.extend(items);
        self.adopt(next);
    }

    fn issue(&mut self) -> u64 {
        self.issued = self.issued.wrapping_add(1);
        self.issued
    }

    /// The shadow table a reload is filling, if one is.
    pub fn staged(&self) -> Option<&Table<T>> {
        self.staged.as_deref()
    }

    /// Takes `next`'s rows (sorted as this table is) and keeps what the user set: filter, cursor
    /// row, scroll, and the marks of rows that still exist (matched by key).
    fn adopt(&mut self, mut next: Table<T>) {
        let current = self.current().map(|r| r.key().to_string());
        if self.marked_count > 0 {
            let marked: HashSet<&str> = self.marked_rows().map(|(_, r)| r.key()).collect();
            let picked: Vec<u32> = (0..next.items.len() as u32)
                .filter(|&i| marked.contains(next.items[i as usize].key()))
                .collect();
            next.set_marks(&picked, true);
        }
        next.filter = std::mem::take(&mut self.filter);
        next.refilter();
        // Where its row is gone, the cursor stays at the same height.
        next.cursor = current
            .and_then(|k| next.position_of(&k))
            .unwrap_or(self.cursor)
            .min(next.view.len().saturating_sub(1));
        next.offset = self.offset;
        // `next` keeps its own generation: whatever was derived from its rows still holds.
        next.issued = self.issued;
        next.revision = self.revision.wrapping_add(1);
        next.load = Load::Loaded;
        *self = next;
    }

    /// Adds rows to those shown: sorted among them, the cursor staying on its row and on the
    /// same line of the screen.
    pub fn extend(&mut self, rows: Vec<T>) {
        if rows.is_empty() {
            return;
        }
        let current = self.view.get(self.cursor).copied();
        let line = self.cursor.saturating_sub(self.offset);
        let start = self.items.len();
        self.items.extend(rows);
        self.marks.resize(self.items.len(), false);
        self.index_search(start);
        let mut fresh: Vec<u32> = (start as u32..self.items.len() as u32).collect();
        fresh.sort_by(|&a, &b| self.compare(a, b));
        self.order = merge(&self.order, &fresh, |&a, &b| self.compare(a, b));
        self.refilter();
        if let Some(pos) = current.and_then(|c| self.view.iter().position(|&i| i == c)) {
            self.cursor = pos;
            self.offset = pos.saturating_sub(line);
        }
        self.changed();
    }

    /// Drops the rows for which `gone` holds (deleted ones), keeping everything else as it
    /// was: order, filter, the marks of the rows that stay, the cursor on its row (or at its
    /// height). Returns how many went. No sort: positions are renumbered in one pass.
    pub fn remove_where(&mut self, mut gone: impl FnMut(&T) -> bool) -> usize {
        let keep: Vec<bool> = self.items.iter().map(|r| !gone(r)).collect();
        let removed = keep.iter().filter(|&&k| !k).count();
        if removed == 0 {
            return 0;
        }
        let current = self.current().map(|r| r.key().to_string());
        let mut renumbered = vec![u32::MAX; self.items.len()];
        let mut next = 0;
        for (old, &kept) in keep.iter().enumerate() {
            if kept {
                renumbered[old] = next;
                next += 1;
            }
        }
        let mut kept = keep.iter();
        self.items.retain(|_| kept.next().copied().unwrap_or(true));
        let mut kept = keep.iter();
        self.marks.retain(|_| kept.next().copied().unwrap_or(true));
        self.marked_count = self.marks.iter().filter(|&&m| m).count();
        let remap = |list: &mut Vec<u32>| {
            list.retain(|&i| keep[i as usize]);
            list.iter_mut().for_each(|i| *i = renumbered[*i as usize]);
        };
        remap(&mut self.order);
        remap(&mut self.view);
        self.search_buf.clear();
        self.search_starts.clear();
        self.index_search(0);
        let height = self.cursor;
        self.cursor = current
            .and_then(|k| self.position_of(&k))
            .unwrap_or(height)
            .min(self.view.len().saturating_sub(1));
        let before = self.generation;
        self.generation = self.issue();
        self.removal = Some((before, keep));
        self.changed();
        removed
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
        self.sort.column = (self.sort.column + 1) % T::SORT_COLUMNS.len().max(1);
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

    /// Whether the row at `index` of [`Table::rows`] is marked.
    pub fn is_marked(&self, index: u32) -> bool {
        self.marks.get(index as usize).copied().unwrap_or(false)
    }

    pub fn marked_count(&self) -> usize {
        self.marked_count
    }

    /// Marked rows with their positions, in [`Table::rows`] order.
    pub fn marked_rows(&self) -> impl Iterator<Item = (u32, &T)> {
        let any = self.marked_count > 0;
        self.marks
            .iter()
            .enumerate()
            .filter(move |&(_, &m)| any && m)
            .map(|(i, _)| (i as u32, &self.items[i]))
    }

    /// The keys of the marked rows.
    pub fn marked_keys(&self) -> BTreeSet<String> {
        self.marked_rows()
            .map(|(_, r)| r.key().to_string())
            .collect()
    }

    fn set_mark(&mut self, index: u32, on: bool) -> bool {
        let Some(mark) = self.marks.get_mut(index as usize) else {
            return false;
        };
        let flipped = *mark != on;
        if flipped {
            *mark = on;
            if on {
                self.marked_count += 1;
            } else {
                self.marked_count -= 1;
            }
        }
        flipped
    }

    /// Marks or unmarks the current row.
    pub fn toggle_mark(&mut self) {
        if let Some(i) = self.current_index() {
            let on = !self.is_marked(i);
            self.set_mark(i, on);
        }
        self.changed();
    }

    /// Rows that pass the filter, in display order.
    pub fn visible(&self) -> impl Iterator<Item = &T> {
        self.view.iter().map(|&i| &self.items[i as usize])
    }

    /// Rows that pass the filter, in display order, with their positions in [`Table::rows`].
    pub fn visible_indexed(&self) -> impl Iterator<Item = (u32, &T)> {
        self.view.iter().map(|&i| (i, &self.items[i as usize]))
    }

    /// Marks every visible row for which `pick` holds; returns how many were newly marked.
    pub fn mark_where(&mut self, mut pick: impl FnMut(&T) -> bool) -> usize {
        let picked: Vec<u32> = self
            .visible_indexed()
            .filter(|(_, r)| pick(r))
            .map(|(i, _)| i)
            .collect();
        self.set_marks(&picked, true)
    }

    /// Sets the rows at `indices` marked or unmarked; returns how many changed.
    pub fn set_marks(&mut self, indices: &[u32], on: bool) -> usize {
        let changed = indices.iter().filter(|&&i| self.set_mark(i, on)).count();
        self.changed();
        changed
    }

    /// Flips the mark of every visible row.
    pub fn invert_visible(&mut self) {
        for k in 0..self.view.len() {
            let i = self.view[k];
            let on = !self.is_marked(i);
            self.set_mark(i, on);
        }
        self.changed();
    }

    pub fn clear_marks(&mut self) {
        self.marks.iter_mut().for_each(|m| *m = false);
        self.marked_count = 0;
        self.changed();
    }

    /// Changes whenever the rows or the marks change, so derived data knows when to recompute.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Changes whenever the rows are replaced or emptied; appended rows keep it.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// If the rows of `generation` became the current ones by a [`Table::remove_where`], which
    /// of them were kept: derived data can drop what went instead of starting over.
    pub fn kept_since(&self, generation: u64) -> Option<&[bool]> {
        match &self.removal {
            Some((before, keep)) if *before == generation => Some(keep),
            _ => None,
        }
    }

    fn changed(&mut self) {
        self.revision = self.revision.wrapping_add(1);
    }

    pub fn rows(&self) -> &[T] {
        &self.items
    }
}

/// Merges `fresh` into `order`, both sorted by `cmp` (on ties, `order`'s come first). Each
/// fresh item's place is found by bisection and the runs between are copied whole: a page of
/// 1,000 rows costs 1,000 × log₂ N comparisons, not N.
fn merge(order: &[u32], fresh: &[u32], cmp: impl Fn(&u32, &u32) -> Ordering) -> Vec<u32> {
    let mut out = Vec::with_capacity(order.len() + fresh.len());
    let mut from = 0;
    for f in fresh {
        let at = from + order[from..].partition_point(|o| cmp(o, f) != Ordering::Greater);
        out.extend_from_slice(&order[from..at]);
        out.push(*f);
        from = at;
    }
    out.extend_from_slice(&order[from..]);
    out
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
            column: 0,
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
