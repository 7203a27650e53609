//! How rows come and go: the pages of a first load merged in as they arrive, a reload's pages
//! collected in a shadow table swapped in when complete, deleted rows dropped in place. What
//! the user set (filter, sort, cursor row and screen line, marks) survives all three.

use std::cmp::Ordering;
use std::collections::HashSet;

use super::{Load, Table};
use crate::app::rows::Row;

/// Rows of a list that arrives in pages (built off the UI thread, by the worker).
#[derive(Debug, Clone, PartialEq)]
pub struct Rows<T> {
    pub rows: Vec<T>,
    /// How many the list has, as the service said.
    pub total: Option<usize>,
    /// The last part of the list: nothing more comes for this request.
    pub complete: bool,
}

impl<T> Rows<T> {
    /// The whole list at once.
    pub fn all(rows: Vec<T>) -> Self {
        Self {
            total: Some(rows.len()),
            rows,
            complete: true,
        }
    }

    /// A page; more follow.
    pub fn page(rows: Vec<T>, total: Option<usize>) -> Self {
        Self {
            rows,
            total,
            complete: false,
        }
    }

    /// The end of a list whose rows all came in pages.
    pub fn end(total: usize) -> Self {
        Self {
            rows: Vec::new(),
            total: Some(total),
            complete: true,
        }
    }
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

impl<T: Row> Table<T> {
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

    pub(super) fn issue(&mut self) -> u64 {
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

    /// Changes the row whose key is `key` in place (a count the list shows went down), keeping
    /// marks, filter and the cursor on its row; the order is sorted again, as the changed
    /// column may be the sort column. Returns whether the row was there.
    pub fn edit_row(&mut self, key: &str, edit: impl FnOnce(&mut T)) -> bool {
        let Some(row) = self.items.iter_mut().find(|r| r.key() == key) else {
            return false;
        };
        edit(row);
        let current = self.current().map(|r| r.key().to_string());
        self.resort();
        if let Some(at) = current.and_then(|k| self.position_of(&k)) {
            self.cursor = at;
        }
        self.changed();
        true
    }

    /// If the rows of `generation` became the current ones by a [`Table::remove_where`], which
    /// of them were kept: derived data can drop what went instead of starting over.
    pub fn kept_since(&self, generation: u64) -> Option<&[bool]> {
        match &self.removal {
            Some((before, keep)) if *before == generation => Some(keep),
            _ => None,
        }
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
