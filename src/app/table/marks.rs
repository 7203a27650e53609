//! Marks belong to rows (by position in the table), so rows arriving or sorting cannot move
//! them; a swap to a new list carries them over by key.

use std::collections::BTreeSet;

use super::Table;
use crate::app::rows::Row;

impl<T: Row> Table<T> {
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

    /// What a delete acts on, as positions in [`Table::rows`]: the marked rows (those shown
    /// first, in the list's order, then the marked rows the filter hides), or the current row
    /// when none is marked. One pass over the view and one over the marks.
    pub fn chosen(&self) -> Vec<u32> {
        if self.marked_count == 0 {
            return self.current_index().into_iter().collect();
        }
        let mut listed = vec![false; self.items.len()];
        let mut chosen = Vec::with_capacity(self.marked_count);
        for &i in &self.view {
            if self.is_marked(i) {
                listed[i as usize] = true;
                chosen.push(i);
            }
        }
        chosen.extend(
            self.marked_rows()
                .map(|(i, _)| i)
                .filter(|&i| !listed[i as usize]),
        );
        chosen
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
}
