//! What the service accepts: organization, repository and tag names, categories, permission
//! levels.

use super::*;

/// Names are runs of `[a-z0-9]` joined by single separators (`.`, `_`, `__`, `-+`, and `/`
/// for repositories); they start and end with a letter or digit (section 4 of the API notes).
pub(super) fn valid_name(s: &str, max: usize, allow_slash: bool, letter_first: bool) -> bool {
    let bytes = s.as_bytes();
    if bytes.is_empty() || bytes.len() > max {
        return false;
    }
    if letter_first && !bytes[0].is_ascii_lowercase() {
        return false;
    }
    let alnum = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    let mut i = 0;
    while i < bytes.len() {
        if alnum(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && !alnum(bytes[i]) {
            i += 1;
        }
        if start == 0 || i == bytes.len() {
            return false;
        }
        let run = &bytes[start..i];
        let ok = run == b"."
            || run == b"_"
            || run == b"__"
            || (allow_slash && run == b"/")
            || run.iter().all(|&b| b == b'-');
        if !ok {
            return false;
        }
    }
    true
}

pub fn valid_org_name(s: &str) -> bool {
    valid_name(s, 64, false, true)
}

pub fn valid_repo_name(s: &str) -> bool {
    valid_name(s, 128, true, false)
}

/// Docker tag grammar: `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`.
pub fn valid_tag_name(s: &str) -> bool {
    let b = s.as_bytes();
    !b.is_empty()
        && b.len() <= 128
        && (b[0].is_ascii_alphanumeric() || b[0] == b'_')
        && b.iter()
            .all(|&c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'-'))
}

pub fn valid_category(s: &str) -> bool {
    model::CATEGORIES.contains(&s)
}

pub(super) fn check_auth(perms: &[UserAuth]) -> Res<()> {
    for p in perms {
        if ![1, 3, 7].contains(&p.auth) {
            return Err(ApiErr::bad_request(
                "SVCSTG.SWR.4001066",
                format!("invalid permission {} (must be 1, 3 or 7)", p.auth),
            ));
        }
        if p.user_id.is_empty() || p.user_name.is_empty() {
            return Err(ApiErr::bad_request(
                "SVCSTG.SWR.4001067",
                "user_id and user_name are required",
            ));
        }
    }
    Ok(())
}
