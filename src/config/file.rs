//! `config.toml`: profiles, UI settings and key overrides. A missing file means defaults (unless
//! the user named it); a malformed one is an error that names the line and key, never a value.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    pub default_profile: Option<String>,
    #[serde(default)]
    pub profiles: BTreeMap<String, Profile>,
    #[serde(default)]
    pub ui: UiConfig,
    /// Action name → key, e.g. `delete = "d"`.
    #[serde(default)]
    pub keys: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AuthKind {
    #[default]
    Aksk,
    Password,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub region: Option<String>,
    pub endpoint: Option<String>,
    pub registry: Option<String>,
    pub iam_endpoint: Option<String>,
    pub project_id: Option<String>,
    #[serde(default)]
    pub auth: AuthKind,
    pub access_key: Option<String>,
    pub access_key_env: Option<String>,
    pub secret_key: Option<String>,
    pub secret_key_env: Option<String>,
    pub security_token_env: Option<String>,
    pub domain: Option<String>,
    pub user: Option<String>,
    pub password_env: Option<String>,
    /// An enterprise-edition instance (name or id) to start in instead of the shared edition.
    pub instance: Option<String>,
    #[serde(default)]
    pub read_only: bool,
}

impl Profile {
    /// Whether secrets are written in the file itself (then it must be private).
    pub fn has_inline_secret(&self) -> bool {
        self.secret_key.is_some()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UiConfig {
    pub theme: Option<String>,
    #[serde(default, deserialize_with = "delete_concurrency")]
    pub delete_concurrency: Option<usize>,
}

/// More deletes at once than this only run into the service's rate limit.
pub const MAX_DELETE_CONCURRENCY: usize = 64;

/// `delete_concurrency` within 1..=64; the error names the range, not the value.
fn delete_concurrency<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<usize>, D::Error> {
    struct Range;
    impl serde::de::Visitor<'_> for Range {
        type Value = usize;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            write!(f, "a whole number from 1 to {MAX_DELETE_CONCURRENCY}")
        }
        fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<usize, E> {
            self.visit_u64(u64::try_from(n).unwrap_or(0))
        }
        fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<usize, E> {
            usize::try_from(n)
                .ok()
                .filter(|n| (1..=MAX_DELETE_CONCURRENCY).contains(n))
                .ok_or_else(|| E::custom(format!("must be between 1 and {MAX_DELETE_CONCURRENCY}")))
        }
    }
    d.deserialize_u64(Range).map(Some)
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ConfigError {
    #[error("cannot read {path}: {reason}")]
    Read { path: PathBuf, reason: String },
    /// A file the user named is not there: a usage error (exit status 2).
    #[error("{by} names {path}, which does not exist")]
    Missing { path: PathBuf, by: &'static str },
    #[error("{path}, line {line}: {message}")]
    Parse {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("{0}")]
    Invalid(String),
}

/// Parses the text of a config file; `path` only names it in errors.
pub fn parse(text: &str, path: &Path) -> Result<ConfigFile, ConfigError> {
    toml::from_str(text).map_err(|e| {
        let start = e.span().map_or(0, |span| span.start.min(text.len()));
        let line = text.as_bytes()[..start]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        let mut message = without_values(e.message());
        // Name the key, never the value: the value may be a secret.
        if let Some(key) = key_on_line(text, line)
            && !message.contains(&key)
        {
            message = format!("{key}: {message}");
        }
        ConfigError::Parse {
            path: path.to_path_buf(),
            line,
            message,
        }
    })
}

/// A parser or serde message with the values it quotes taken out: `invalid type: integer `5`,
/// expected a string` becomes `invalid type: integer, expected a string`. Keys (unknown, missing
/// or duplicate fields) stay: they are what the user has to find.
fn without_values(message: &str) -> String {
    const EXPECTED: &str = ", expected ";
    for prefix in ["invalid type: ", "invalid value: ", "unknown variant "] {
        let Some(rest) = message.strip_prefix(prefix) else {
            continue;
        };
        // serde quotes the value as "string \"…\"", "integer `…`", "boolean `…`", "`variant`";
        // the kind is what comes before the quote. The expectation comes from our own types and
        // never holds ", expected ", so the last one ends the value even if the value holds it.
        let (unexpected, expected) = match rest.rfind(EXPECTED) {
            Some(at) => (&rest[..at], Some(&rest[at + EXPECTED.len()..])),
            None => (rest, None),
        };
        let kind = unexpected
            .split(['`', '"'])
            .next()
            .unwrap_or_default()
            .trim();
        let head = if kind.is_empty() {
            prefix.trim_end_matches([' ', ':']).to_string()
        } else {
            format!("{prefix}{kind}")
        };
        return match expected {
            Some(expected) => format!("{head}{EXPECTED}{expected}"),
            None => head,
        };
    }
    message.to_string()
}

/// The key of a `key = value` line.
fn key_on_line(text: &str, line: usize) -> Option<String> {
    let (key, _) = text.lines().nth(line - 1)?.split_once('=')?;
    let key = key.trim();
    (!key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_-.\"".contains(c)))
    .then(|| key.to_string())
}

/// Reads the config file; a missing file is the default configuration.
pub fn load(path: &Path) -> Result<ConfigFile, ConfigError> {
    read(path)?.map_or(Ok(ConfigFile::default()), |text| parse(&text, path))
}

/// Reads a config file the user named (`by`: how): it must exist, or the user would get
/// defaults they did not ask for.
pub fn load_named(path: &Path, by: &'static str) -> Result<ConfigFile, ConfigError> {
    match read(path)? {
        Some(text) => parse(&text, path),
        None => Err(ConfigError::Missing {
            path: path.to_path_buf(),
            by,
        }),
    }
}

/// The file's text; `None` when there is no such file.
fn read(path: &Path) -> Result<Option<String>, ConfigError> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(ConfigError::Read {
            path: path.to_path_buf(),
            reason: e.to_string(),
        }),
    }
}

/// A warning when the file holds a secret but others may read it.
#[cfg(unix)]
pub fn permission_warning(path: &Path, config: &ConfigFile) -> Option<String> {
    use std::os::unix::fs::PermissionsExt;
    let holds_secret = config.profiles.values().any(Profile::has_inline_secret);
    let mode = std::fs::metadata(path).ok()?.permissions().mode() & 0o777;
    (holds_secret && mode & 0o077 != 0).then(|| {
        format!(
            "{} holds a secret key but its permissions are {mode:o}; run: chmod 600 {}",
            path.display(),
            path.display()
        )
    })
}

#[cfg(not(unix))]
pub fn permission_warning(_path: &Path, _config: &ConfigFile) -> Option<String> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_documented_example() {
        let text = r#"
default_profile = "prod"

[profiles.prod]
region = "cn-north-4"
auth = "aksk"
access_key_env = "PROD_AK"
secret_key_env = "PROD_SK"
read_only = false

[ui]
theme = "default"
delete_concurrency = 8

[keys]
delete = "d"
"#;
        let c = parse(text, Path::new("config.toml")).unwrap();
        assert_eq!(c.default_profile.as_deref(), Some("prod"));
        assert_eq!(
            c.profiles["prod"].access_key_env.as_deref(),
            Some("PROD_AK")
        );
        assert_eq!(c.ui.delete_concurrency, Some(8));
        assert_eq!(c.keys["delete"], "d");
    }

    #[test]
    fn errors_name_the_line() {
        let text = "default_profile = \"x\"\n\n[profiles.x]\nregin = \"cn-north-4\"\n";
        match parse(text, Path::new("c.toml")) {
            Err(ConfigError::Parse { line, message, .. }) => {
                assert_eq!(line, 4);
                assert!(message.contains("regin"), "{message}");
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            parse("x = = 1", Path::new("c.toml")),
            Err(ConfigError::Parse { line: 1, .. })
        ));
    }

    /// The message for a one-key file, and its line.
    fn error_of(text: &str) -> (usize, String) {
        match parse(text, Path::new("c.toml")) {
            Err(ConfigError::Parse { line, message, .. }) => (line, message),
            other => panic!("{text:?}: {other:?}"),
        }
    }

    #[test]
    fn errors_name_the_key_never_the_value() {
        // Each value is wrong for its key; the marker must not reach the message.
        for (text, key) in [
            (
                "[ui]\ndelete_concurrency = 99999999999\n",
                "delete_concurrency",
            ),
            (
                "[ui]\ndelete_concurrency = 987654321987654321987\n",
                "delete_concurrency",
            ),
            ("[ui]\ndelete_concurrency = -987654\n", "delete_concurrency"),
            (
                "[ui]\ndelete_concurrency = \"S3CR3T\"\n",
                "delete_concurrency",
            ),
            ("[ui]\ndelete_concurrency = 9876.54\n", "delete_concurrency"),
            ("[ui]\ntheme = 987654\n", "theme"),
            ("[profiles.p]\nsecret_key = 987654\n", "secret_key"),
            ("[profiles.p]\nsecret_key = true\n", "secret_key"),
            (
                "[profiles.p]\nread_only = \"S3CR3T, expected x\"\n",
                "read_only",
            ),
            ("[profiles.p]\nauth = \"S3CR3T\"\n", "auth"),
            ("[profiles.p]\nsecret_key = [\"S3CR3T\"]\n", "secret_key"),
            ("[keys]\ndelete = 987654\n", "delete"),
            ("default_profile = 987654\n", "default_profile"),
        ] {
            let (line, message) = error_of(text);
            assert_eq!(line, text.lines().count(), "{text:?}: {message}");
            assert!(message.contains(key), "{text:?}: {message}");
            for value in ["987654", "S3CR3T", "true", "9876.54", "99999999999"] {
                assert!(!message.contains(value), "{text:?} echoed: {message}");
            }
        }
    }

    #[test]
    fn value_free_messages_still_say_what_is_wrong() {
        let (_, wrong_type) = error_of("[ui]\ntheme = 5\n");
        assert_eq!(
            wrong_type,
            "theme: invalid type: integer, expected a string"
        );
        let (_, variant) = error_of("[profiles.p]\nauth = \"token\"\n");
        assert!(
            variant.starts_with("auth: unknown variant, expected") && variant.contains("password"),
            "{variant}"
        );
        let (_, range) = error_of("[ui]\ndelete_concurrency = 0\n");
        assert_eq!(range, "delete_concurrency: must be between 1 and 64");
        assert_eq!(
            parse("[ui]\ndelete_concurrency = 64\n", Path::new("c.toml"))
                .unwrap()
                .ui
                .delete_concurrency,
            Some(64)
        );
    }

    #[test]
    fn a_named_file_must_exist() {
        let missing = Path::new("/nonexistent/swr-tui/named.toml");
        let err = load_named(missing, "SWR_TUI_CONFIG").unwrap_err();
        assert_eq!(
            err.to_string(),
            "SWR_TUI_CONFIG names /nonexistent/swr-tui/named.toml, which does not exist"
        );
    }

    #[test]
    fn the_shipped_example_parses() {
        let c = parse(
            include_str!("../../assets/config.example.toml"),
            Path::new("example"),
        )
        .unwrap();
        assert_eq!(c.profiles.len(), 3);
        assert!(c.profiles["prod"].read_only);
    }

    #[cfg(unix)]
    #[test]
    fn secrets_in_a_readable_file_are_warned_about() {
        use std::os::unix::fs::PermissionsExt;
        let dir = std::env::temp_dir().join(format!("swr-tui-perm-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("config.toml");
        let with_secret = "[profiles.p]\naccess_key = \"AK\"\nsecret_key = \"SK\"\n";
        std::fs::write(&path, with_secret).unwrap();
        let chmod =
            |mode| std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
        chmod(0o644);
        let config = load(&path).unwrap();
        let warning = permission_warning(&path, &config).expect("a warning");
        assert!(
            warning.contains("644") && warning.contains("chmod 600"),
            "{warning}"
        );
        assert!(
            !warning.contains("SK\""),
            "the warning never quotes the secret"
        );
        chmod(0o600);
        assert_eq!(permission_warning(&path, &config), None);
        chmod(0o644);
        std::fs::write(&path, "[profiles.p]\nsecret_key_env = \"SK\"\n").unwrap();
        assert_eq!(
            permission_warning(&path, &load(&path).unwrap()),
            None,
            "no secret, no warning"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn missing_file_is_default() {
        assert_eq!(
            load(Path::new("/nonexistent/swr-tui/config.toml")).unwrap(),
            ConfigFile::default()
        );
    }
}
