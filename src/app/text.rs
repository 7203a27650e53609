//! Remote text made safe and short for a terminal cell grid.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Removes control characters (C0, DEL, C1) so a registry cannot move the cursor, change
/// colours or retitle the user's terminal, and invisible formatting characters (zero-width
/// spaces and joiners, bidirectional controls, the byte-order mark) that make text lie about
/// its order or its width. Tabs and newlines become spaces.
pub fn sanitize(s: &str) -> String {
    clean(s, None)
}

/// Like [`sanitize`] for a name, where a removed character must not go unnoticed (two names
/// that differ only by one must not look alike): each becomes `�`. Cut to [`NAME_MAX`].
pub fn sanitize_name(s: &str) -> String {
    let clean = clean(s, Some('\u{FFFD}'));
    match clean.char_indices().nth(NAME_MAX) {
        Some((cut, _)) => format!("{}…", &clean[..cut]),
        None => clean,
    }
}

/// The most of a name that is kept for drawing (SWR's own names are at most 255 characters).
pub const NAME_MAX: usize = 512;

/// Characters that draw nothing but change how text around them reads.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{061C}' | '\u{180E}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{206F}'
        | '\u{FEFF}'
        | '\u{FFF9}'..='\u{FFFB}')
}

fn clean(s: &str, mark: Option<char>) -> String {
    s.chars()
        .filter_map(|c| match c {
            '\t' | '\n' | '\r' if mark.is_none() => Some(' '),
            c if c.is_control() || is_invisible(c) => mark,
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

/// Cuts `s` to at most `max` cells by taking out its middle: `feature-very…-12`. Names that
/// differ only at the end (build numbers, dates) stay told apart. Never splits a wide
/// character: where one does not fit, the cut is a cell shorter.
pub fn truncate_middle(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let room = max - 1;
    let head_room = room.div_ceil(2);
    let mut head = 0;
    let mut head_end = 0;
    for (at, c) in s.char_indices() {
        let w = UnicodeWidthChar::width(c).unwrap_or(0);
        if head + w > head_room {
            break;
        }
        head += w;
        head_end = at + c.len_utf8();
    }
    // The tail gets whatever the head left: a wide character that did not fit there may.
    let tail_room = room - head;
    let mut tail = 0;
    let mut tail_start = s.len();
    for (at, c) in s.char_indices().rev() {
        let w = UnicodeWidthChar::width(c).unwrap_or(0);
        if tail + w > tail_room || at < head_end {
            break;
        }
        tail += w;
        tail_start = at;
    }
    format!("{}…{}", &s[..head_end], &s[tail_start..])
}

/// `text` in lines of at most `width` cells: broken after a space where one is on the line,
/// else where the line is full (never inside a wide character). At least one line.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(2);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    // Byte position in `line` just after its last space, and the cells before it.
    let mut space: Option<(usize, usize)> = None;
    for c in text.chars() {
        let w = UnicodeWidthChar::width(c).unwrap_or(0);
        while used + w > width && !line.is_empty() {
            match space.take() {
                Some((at, cells)) if at < line.len() => {
                    let rest = line.split_off(at);
                    lines.push(std::mem::take(&mut line));
                    line = rest;
                    used -= cells;
                }
                _ => {
                    lines.push(std::mem::take(&mut line));
                    used = 0;
                }
            }
        }
        line.push(c);
        used += w;
        if c == ' ' {
            space = Some((line.len(), used));
        }
    }
    lines.push(line);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_escape_sequences_and_controls() {
        assert_eq!(sanitize("evil\x1b]0;pwned\x07name"), "evil]0;pwnedname");
        assert_eq!(sanitize("a\tb\nc\u{9b}31m"), "a b c31m");
        assert_eq!(sanitize("x\u{202E}y"), "xy");
        assert_eq!(
            sanitize("a\u{200B}b\u{200D}c\u{FEFF}d"),
            "abcd",
            "zero-width characters go"
        );
        assert_eq!(width(&sanitize("x\u{200B}\u{FEFF}y")), 2);
        assert_eq!(sanitize_multiline("l1\x1b\nl2"), "l1\nl2");
    }

    #[test]
    fn names_show_what_was_removed_and_are_bounded() {
        assert_eq!(sanitize_name("prod-keep"), "prod-keep");
        assert_eq!(sanitize_name("prod-keep\u{202E}"), "prod-keep\u{FFFD}");
        assert_eq!(sanitize_name("a\nb"), "a\u{FFFD}b");
        let long = "x".repeat(100_000);
        assert_eq!(sanitize_name(&long).chars().count(), NAME_MAX + 1);
    }

    #[test]
    fn truncates_by_cells_not_chars() {
        assert_eq!(truncate("基础镜像", 5), "基础…");
        assert_eq!(width("基础…"), 5);
        assert_eq!(truncate("abc", 3), "abc");
        assert_eq!(truncate("abcd", 3), "ab…");
        assert_eq!(truncate("abcd", 0), "");
    }

    #[test]
    fn middle_cuts_keep_both_ends_by_cells() {
        let a = truncate_middle("feature-very-long-branch-name-11", 16);
        let b = truncate_middle("feature-very-long-branch-name-12", 16);
        assert_eq!(a, "feature-…name-11");
        assert_ne!(a, b, "names that differ at the end stay apart");
        assert_eq!(width(&a), 16);
        assert_eq!(truncate_middle("short", 16), "short");
        assert_eq!(truncate_middle("abcdef", 1), "…");
        assert_eq!(truncate_middle("abcdef", 0), "");
        assert_eq!(truncate_middle("abcdef", 5), "ab…ef");
        // Wide characters are never split; the cut may be a cell short.
        let cjk = truncate_middle("基础镜像版本二", 8);
        assert_eq!(cjk, "基础…二");
        assert!(width(&cjk) <= 8);
        for max in 0..16 {
            let cut = truncate_middle("镜a像b版c本d", max);
            assert!(width(&cut) <= max, "{max}: {cut}");
        }
    }

    #[test]
    fn wraps_at_spaces_and_breaks_long_words() {
        assert_eq!(wrap("one two three", 8), ["one two ", "three"]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("", 4), [""]);
        let cjk = wrap("基础镜像版本", 5);
        assert!(cjk.iter().all(|l| width(l) <= 5), "{cjk:?}");
        assert_eq!(cjk.concat(), "基础镜像版本");
        let long = "word ".repeat(10_000);
        let lines = wrap(&long, 33);
        assert!(lines.iter().all(|l| width(l) <= 33));
        assert_eq!(lines.concat(), long, "nothing lost");
    }
}
