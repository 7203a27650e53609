//! Remote text made safe and short for a terminal cell grid.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Removes control characters (C0, DEL, C1) so a registry cannot move the cursor, change
/// colours or retitle the user's terminal. Tabs and newlines become spaces.
pub fn sanitize(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '\t' | '\n' | '\r' => Some(' '),
            c if c.is_control() => None,
            // Bidirectional overrides can make text lie about its order.
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => None,
            c => Some(c),
        })
        .collect()
}

/// Like [`sanitize`] but keeps line breaks (descriptions shown in a detail panel).
pub fn sanitize_multiline(s: &str) -> String {
    s.lines().map(sanitize).collect::<Vec<_>>().join("\n")
}

/// Display width in terminal cells (CJK characters take two).
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Cuts `s` to at most `max` cells, ending with `…` when something was cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > max - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_escape_sequences_and_controls() {
        assert_eq!(sanitize("evil\x1b]0;pwned\x07name"), "evil]0;pwnedname");
        assert_eq!(sanitize("a\tb\nc\u{9b}31m"), "a b c31m");
        assert_eq!(sanitize("x\u{202E}y"), "xy");
        assert_eq!(sanitize_multiline("l1\x1b\nl2"), "l1\nl2");
    }

    #[test]
    fn truncates_by_cells_not_chars() {
        assert_eq!(truncate("基础镜像", 5), "基础…");
        assert_eq!(width("基础…"), 5);
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(truncate("abcd", 3), "ab…");
        assert_eq!(truncate("abcd", 0), "");
    }
}
