//! Name rules of the service (API reference, section 4), checked before anything is sent.

use super::model::CATEGORIES;

const ORG_MAX: usize = 64;
const REPO_MAX: usize = 128;
const TAG_MAX: usize = 128;

/// Checks an organization (namespace) name: lower-case letters and digits, separated by `.`,
/// `_`, `__` or runs of `-`, starting with a letter, at most 64 characters.
pub fn namespace_name(name: &str) -> Result<(), String> {
    if name.is_empty() || name.len() > ORG_MAX {
        return Err(format!(
            "organization name must be 1 to {ORG_MAX} characters"
        ));
    }
    if !name.starts_with(|c: char| c.is_ascii_lowercase()) {
        return Err("organization name must start with a lower-case letter".into());
    }
    separated_words(name, false).map_err(|why| format!("invalid organization name {name:?}: {why}"))
}

/// Checks a repository name: like an organization name, but `/` is also a separator and it may
/// start with a digit; at most 128 characters.
pub fn repository_name(name: &str) -> Result<(), String> {
    if name.is_empty() || name.len() > REPO_MAX {
        return Err(format!(
            "repository name must be 1 to {REPO_MAX} characters"
        ));
    }
    separated_words(name, true).map_err(|why| format!("invalid repository name {name:?}: {why}"))
}

/// Checks an enterprise-edition namespace name: 1 to 64 characters, runs of `[a-z0-9]` joined by
/// one `.`, `_` or `-` each, a letter or digit at both ends (unlike an organization name, it may
/// start with a digit).
pub fn instance_namespace_name(name: &str) -> Result<(), String> {
    words_joined_once(name, "namespace name")
}

/// Checks an enterprise long-term credential name. The SDK's field doc gives the enterprise
/// namespace rule word for word ("小写字母或数字开头 … 点、下划线、中划线不能直接连续 … 小写字母或数字结尾，
/// 1-64个字符"), so upper-case letters are refused too.
pub fn long_term_credential_name(name: &str) -> Result<(), String> {
    words_joined_once(name, "credential name")
}

/// 1 to 64 characters: runs of `[a-z0-9]` joined by one `.`, `_` or `-` each, a letter or digit
/// at both ends; `what` names the thing in the message.
fn words_joined_once(name: &str, what: &str) -> Result<(), String> {
    if name.is_empty() || name.len() > ORG_MAX {
        return Err(format!("{what} must be 1 to {ORG_MAX} characters"));
    }
    let is_word = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit();
    let mut previous_sep = true;
    for c in name.chars() {
        let sep = matches!(c, '.' | '_' | '-');
        if !sep && !is_word(c) {
            return Err(format!("invalid {what} {name:?}: {c:?} is not allowed"));
        }
        if sep && previous_sep {
            return Err(format!(
                "invalid {what} {name:?}: must start with a letter or digit and never repeat a separator"
            ));
        }
        previous_sep = sep;
    }
    if previous_sep {
        return Err(format!(
            "invalid {what} {name:?}: must end with a letter or digit"
        ));
    }
    Ok(())
}

/// Checks a registry host as a server names it (`ee-demo.swr.example:443`): DNS labels of
/// letters, digits and `-`, an optional port. It goes into pull and login commands, so nothing
/// else may pass (no spaces, slashes, quotes or control characters).
pub fn registry_host(host: &str) -> Result<(), String> {
    let (name, port) = match host.rsplit_once(':') {
        Some((name, port)) => (name, Some(port)),
        None => (host, None),
    };
    if port.is_some_and(|p| p.parse::<u16>().is_err()) {
        return Err(format!("invalid registry host {host:?}: bad port"));
    }
    let label_ok = |l: &str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    };
    if name.is_empty() || name.len() > 253 || !name.split('.').all(label_ok) {
        return Err(format!("invalid registry host {host:?}"));
    }
    Ok(())
}

/// Checks a tag name with the Docker/OCI grammar `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`.
pub fn tag_name(name: &str) -> Result<(), String> {
    let mut chars = name.chars();
    let Some(first) = chars.next() else {
        return Err("tag name must not be empty".into());
    };
    if name.len() > TAG_MAX {
        return Err(format!("tag name must be at most {TAG_MAX} characters"));
    }
    if !(first.is_ascii_alphanumeric() || first == '_') {
        return Err(format!(
            "tag name {name:?} must start with a letter, digit or '_'"
        ));
    }
    match chars.find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))) {
        Some(bad) => Err(format!("tag name {name:?} must not contain {bad:?}")),
        None => Ok(()),
    }
}

/// Checks a repository category against the values the service accepts.
pub fn category(value: &str) -> Result<(), String> {
    if CATEGORIES.contains(&value) {
        Ok(())
    } else {
        Err(format!("category must be one of {}", CATEGORIES.join(", ")))
    }
}

/// Checks a permission level (1 read, 3 write, 7 manage).
pub fn permission(auth: i64) -> Result<(), String> {
    match auth {
        1 | 3 | 7 => Ok(()),
        _ => Err(format!(
            "permission must be 1 (read), 3 (write) or 7 (manage), not {auth}"
        )),
    }
}

/// Words of `[a-z0-9]+` joined by one allowed separator each: `.`, `_`, `__`, `-`+, and `/`
/// when `slash` is true.
fn separated_words(name: &str, slash: bool) -> Result<(), String> {
    let is_word = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit();
    let is_sep = |c: char| matches!(c, '.' | '_' | '-') || (slash && c == '/');
    if let Some(bad) = name.chars().find(|&c| !is_word(c) && !is_sep(c)) {
        return Err(format!("{bad:?} is not allowed"));
    }
    if !name.starts_with(is_word) || !name.ends_with(is_word) {
        return Err("must start and end with a letter or digit".into());
    }
    for sep in name.split(is_word).filter(|s| !s.is_empty()) {
        let ok = matches!(sep, "." | "_" | "__" | "/") || sep.chars().all(|c| c == '-');
        if !ok {
            return Err(format!("separator {sep:?} is not allowed"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organization_names() {
        for ok in ["demo", "a", "team-a", "my.org", "a__b", "a--b", "x1_2"] {
            assert!(namespace_name(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "Demo",
            "1abc",
            "a_",
            "a___b",
            "a._b",
            "a-.b",
            "a b",
            "a/b",
            &"a".repeat(65),
        ] {
            assert!(namespace_name(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn long_term_credential_names() {
        for ok in ["ci-robot", "1a", "a.b_c-d", &"a".repeat(64)] {
            assert!(long_term_credential_name(ok).is_ok(), "{ok}");
        }
        for bad in ["", "CI", "-a", "a.", "a..b", "a b", "a/b", &"a".repeat(65)] {
            let why = long_term_credential_name(bad).unwrap_err();
            assert!(why.contains("credential name"), "{bad}: {why}");
        }
    }

    #[test]
    fn instance_namespace_names() {
        for ok in ["conf", "1team", "a.b_c-d", "9", &"a".repeat(64)] {
            assert!(instance_namespace_name(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "Conf",
            "-a",
            "a-",
            "a--b",
            "a__b",
            "a._b",
            "a/b",
            "a b",
            &"a".repeat(65),
        ] {
            assert!(instance_namespace_name(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn repository_names() {
        for ok in ["nginx", "team/web", "tools/ci/runner", "1app", "a.b-c__d"] {
            assert!(repository_name(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "Team",
            "/a",
            "a/",
            "a//b",
            "a/_b",
            "a b",
            &"a".repeat(129),
        ] {
            assert!(repository_name(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn tag_names() {
        for ok in ["latest", "v1.0-rc.1", "_x", "A_b.C-d"] {
            assert!(tag_name(ok).is_ok(), "{ok}");
        }
        for bad in ["", ".a", "-a", "a/b", "a:b", "a b", &"a".repeat(129)] {
            assert!(tag_name(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn categories_and_permissions() {
        assert!(category("linux").is_ok());
        assert!(category("Linux").is_err());
        assert!(permission(3).is_ok());
        assert!(permission(2).is_err());
    }

    #[test]
    fn registry_hosts() {
        for ok in [
            "ee-demo.swr.example",
            "localhost:5000",
            "a.b-c.d",
            "10.0.0.1:443",
        ] {
            assert!(registry_host(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "a b",
            "a/b",
            "-a.b",
            "a..b",
            "a.b:x",
            "a.b:70000",
            "a\u{1b}b",
            "'a'",
        ] {
            assert!(registry_host(bad).is_err(), "{bad:?}");
        }
    }
}
