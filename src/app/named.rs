//! A row's name as lists keep it: drawn (sanitized), exact when that differs (the row's
//! identity, what requests carry), and lower-case for the filter; ordered naturally.

use std::cmp::Ordering;

use super::rows::{by_name, names};

#[derive(Debug, Clone, PartialEq)]
pub struct Named {
    /// As drawn.
    pub shown: String,
    raw: Option<Box<str>>,
    search: String,
}

impl Named {
    pub fn new(raw: &str) -> Self {
        let (shown, raw) = names(raw);
        Self {
            search: shown.to_lowercase(),
            shown,
            raw,
        }
    }

    /// Exactly as the service sent it.
    pub fn raw(&self) -> &str {
        self.raw.as_deref().unwrap_or(&self.shown)
    }

    /// What the filter searches.
    pub fn search(&self) -> &str {
        &self.search
    }

    /// Natural order of the drawn names, then the exact ones (never equal for two rows).
    pub fn order(&self, other: &Self) -> Ordering {
        by_name(&self.shown, self.raw(), &other.shown, other.raw())
    }
}
