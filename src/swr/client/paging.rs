//! Page arithmetic for the v2 lists (offset/limit with a `Content-Range` total).

/// Parses `Content-Range: offset-count/total` (also `bytes …` or `items …` prefixes) and returns
/// the total. Only the number after `/` is trusted: the middle one is documented vaguely.
pub fn content_range_total(value: &str) -> Option<u64> {
    value.rsplit_once('/')?.1.trim().parse().ok()
}

/// One page of a v2 list with the total the server reported, if any.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: Option<u64>,
}

/// The total each v2 repository item repeats.
#[derive(serde::Deserialize)]
pub(super) struct TotalRange {
    #[serde(default)]
    total_range: Option<serde_json::Number>,
}

impl TotalRange {
    /// Any number is read, however big or however written (`1e10`): the walk bounds a claim
    /// by what the pages hold, so a lie must not turn into a failed list. Negative is none.
    pub(super) fn count(&self) -> u64 {
        self.total_range.as_ref().map_or(0, |n| {
            n.as_u64()
                .unwrap_or_else(|| n.as_f64().map_or(0, |f| f.max(0.0) as u64))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_totals() {
        assert_eq!(content_range_total("0-10/52"), Some(52));
        assert_eq!(content_range_total("items 0-99/2500"), Some(2500));
        assert_eq!(content_range_total("0-0/0"), Some(0));
        assert_eq!(content_range_total("garbage"), None);
        assert_eq!(content_range_total("0-10/x"), None);
    }
}
