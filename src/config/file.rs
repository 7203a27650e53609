//! `config.toml`: profiles, UI settings and key overrides. A missing file means defaults; a
//! malformed one is an error that names the line.

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
    pub delete_concurrency: Option<usize>,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ConfigError {
    #[error("cannot read {path}: {reason}")]
    Read { path: PathBuf, reason: String },
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
        let mut message = e.message().to_string();
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
    match std::fs::read_to_string(path) {
        Ok(text) => parse(&text, path),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(ConfigFile::default()),
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
