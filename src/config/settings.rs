//! Everything the program runs with, resolved from flags, then the environment, then the
//! config file, then derived defaults.

use super::file::{AuthKind, ConfigError, ConfigFile, Profile};
use crate::swr::{Credentials, Secret, regions};

pub const DEFAULT_REGION: &str = "cn-north-4";
pub const DEFAULT_DELETE_CONCURRENCY: usize = 8;

/// Command-line choices that override everything else.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Flags {
    pub profile: Option<String>,
    pub region: Option<String>,
    pub endpoint: Option<String>,
    pub iam_endpoint: Option<String>,
    /// An enterprise-edition instance to open, by name or id.
    pub instance: Option<String>,
    pub read_only: bool,
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub profile: String,
    pub region: String,
    pub endpoint: String,
    pub iam_endpoint: String,
    pub registry: String,
    pub project_id: Option<String>,
    pub credentials: Credentials,
    /// The enterprise-edition instance to start in (name or id); `None`: the shared edition.
    pub instance: Option<String>,
    pub read_only: bool,
    pub monochrome: bool,
    pub delete_concurrency: usize,
    /// Every profile of the config file, for the switcher.
    pub profiles: Vec<String>,
    /// `[keys]` overrides, action name → key.
    pub keys: std::collections::BTreeMap<String, String>,
}

impl Settings {
    /// Password authentication without a password yet: ask for it at a prompt.
    pub fn needs_password(&self) -> bool {
        matches!(&self.credentials, Credentials::Password { password, .. } if password.is_empty())
    }
}

/// Reads one environment variable; empty counts as unset.
pub trait Env {
    fn var(&self, name: &str) -> Option<String>;
}

/// The process environment.
pub struct ProcessEnv;

impl Env for ProcessEnv {
    fn var(&self, name: &str) -> Option<String> {
        std::env::var(name).ok().filter(|v| !v.is_empty())
    }
}

impl<F: Fn(&str) -> Option<String>> Env for F {
    fn var(&self, name: &str) -> Option<String> {
        self(name).filter(|v| !v.is_empty())
    }
}

fn pick_profile<'a>(
    flags: &Flags,
    file: &'a ConfigFile,
) -> Result<(String, Option<&'a Profile>), ConfigError> {
    let explicit = flags
        .profile
        .clone()
        .or_else(|| file.default_profile.clone());
    match explicit {
        Some(name) => match file.profiles.get(&name) {
            Some(profile) => Ok((name, Some(profile))),
            None => Err(ConfigError::Invalid(format!(
                "no profile named {name:?} in the config file (profiles: {})",
                if file.profiles.is_empty() {
                    "none".to_string()
                } else {
                    file.profiles.keys().cloned().collect::<Vec<_>>().join(", ")
                }
            ))),
        },
        None => Ok(("default".into(), file.profiles.get("default"))),
    }
}

/// A value named by a `*_env` key must exist: a typo there should not silently fall back.
fn named_var(
    env: &dyn Env,
    key: &str,
    var: &Option<String>,
) -> Result<Option<String>, ConfigError> {
    match var {
        Some(name) => env
            .var(name)
            .map(Some)
            .ok_or_else(|| ConfigError::Invalid(format!("{key} names ${name}, which is not set"))),
        None => Ok(None),
    }
}

const NO_CREDENTIALS: &str = "no credentials: set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK, \
     or configure a profile (`swr-tui config example` prints one); `swr-tui --demo` needs none";

fn credentials(env: &dyn Env, profile: &Profile) -> Result<Credentials, ConfigError> {
    match profile.auth {
        AuthKind::Aksk => {
            let ak = named_var(env, "access_key_env", &profile.access_key_env)?
                .or_else(|| profile.access_key.clone());
            let sk = named_var(env, "secret_key_env", &profile.secret_key_env)?
                .or_else(|| profile.secret_key.clone());
            let token = named_var(env, "security_token_env", &profile.security_token_env)?;
            // A profile naming no keys falls back to the official SDK's variables.
            let (ak, sk, token) = match (ak, sk) {
                (Some(ak), Some(sk)) => (ak, sk, token),
                (None, None) => {
                    match (env.var("HUAWEICLOUD_SDK_AK"), env.var("HUAWEICLOUD_SDK_SK")) {
                        (Some(ak), Some(sk)) => (
                            ak,
                            sk,
                            token.or_else(|| env.var("HUAWEICLOUD_SDK_SECURITY_TOKEN")),
                        ),
                        _ => return Err(ConfigError::Invalid(NO_CREDENTIALS.into())),
                    }
                }
                _ => {
                    return Err(ConfigError::Invalid(
                        "the profile gives only one of the access key and the secret key".into(),
                    ));
                }
            };
            Ok(Credentials::AkSk {
                access_key: ak,
                secret_key: Secret::new(sk),
                security_token: token.map(Secret::new),
            })
        }
        AuthKind::Password => {
            let missing = |what: &str| {
                ConfigError::Invalid(format!("auth = \"password\" needs {what} in the profile"))
            };
            let domain = profile.domain.clone().ok_or_else(|| missing("domain"))?;
            let user = profile.user.clone().ok_or_else(|| missing("user"))?;
            // No password_env: the password is typed at a prompt before the UI starts.
            let password =
                named_var(env, "password_env", &profile.password_env)?.unwrap_or_default();
            Ok(Credentials::Password {
                domain,
                user,
                password: Secret::new(password),
            })
        }
    }
}

/// IAM: as named (flag, environment, profile); else, where an SWR endpoint was given (a private
/// deployment, the emulator), that same endpoint; else the region's.
fn iam_endpoint(
    flags: &Flags,
    env: &dyn Env,
    profile: &Profile,
    endpoint: Option<&str>,
    region: &str,
) -> String {
    flags
        .iam_endpoint
        .clone()
        .or_else(|| env.var("SWR_TUI_IAM_ENDPOINT"))
        .or_else(|| env.var("HUAWEICLOUD_SDK_IAM_ENDPOINT"))
        .or_else(|| profile.iam_endpoint.clone())
        .or_else(|| endpoint.map(str::to_string))
        .unwrap_or_else(|| regions::iam_endpoint(region))
}

pub fn resolve(flags: &Flags, env: &dyn Env, file: &ConfigFile) -> Result<Settings, ConfigError> {
    let (name, profile) = pick_profile(flags, file)?;
    let empty = Profile::default();
    let profile = profile.unwrap_or(&empty);
    let region = flags
        .region
        .clone()
        .or_else(|| env.var("SWR_TUI_REGION"))
        .or_else(|| profile.region.clone())
        .unwrap_or_else(|| DEFAULT_REGION.into());
    let endpoint = flags
        .endpoint
        .clone()
        .or_else(|| env.var("SWR_TUI_ENDPOINT"))
        .or_else(|| profile.endpoint.clone());
    if endpoint.is_none() && !regions::is_known(&region) {
        return Err(ConfigError::Invalid(format!(
            "unknown region {region:?}; give its endpoint with --endpoint, or use one of: {}",
            regions::REGIONS.join(", ")
        )));
    }
    let ui = ui_settings(env, file);
    let iam_endpoint = iam_endpoint(flags, env, profile, endpoint.as_deref(), &region);
    Ok(Settings {
        profile: name,
        endpoint: endpoint.unwrap_or_else(|| regions::swr_endpoint(&region)),
        iam_endpoint,
        registry: profile
            .registry
            .clone()
            .unwrap_or_else(|| regions::registry_host(&region)),
        project_id: env
            .var("HUAWEICLOUD_SDK_PROJECT_ID")
            .or_else(|| profile.project_id.clone()),
        credentials: credentials(env, profile)?,
        instance: flags.instance.clone().or_else(|| profile.instance.clone()),
        read_only: flags.read_only || profile.read_only,
        monochrome: ui.monochrome,
        delete_concurrency: ui.delete_concurrency,
        profiles: file.profiles.keys().cloned().collect(),
        keys: ui.keys,
        region,
    })
}

/// What the file and the environment say about the UI alone (`[ui]`, `[keys]`, `NO_COLOR`):
/// it applies to every session, `--demo` included, whatever the profiles say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UiSettings {
    pub monochrome: bool,
    pub delete_concurrency: usize,
    pub keys: std::collections::BTreeMap<String, String>,
}

pub fn ui_settings(env: &dyn Env, file: &ConfigFile) -> UiSettings {
    UiSettings {
        monochrome: env.var("NO_COLOR").is_some() || file.ui.theme.as_deref() == Some("monochrome"),
        delete_concurrency: file
            .ui
            .delete_concurrency
            .unwrap_or(DEFAULT_DELETE_CONCURRENCY)
            .max(1),
        keys: file.keys.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::file::parse;
    use std::collections::HashMap;
    use std::path::Path;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |k: &str| map.get(k).cloned()
    }

    fn file(text: &str) -> ConfigFile {
        parse(text, Path::new("c.toml")).unwrap()
    }

    fn aksk(s: &Settings) -> (String, String) {
        match &s.credentials {
            Credentials::AkSk {
                access_key,
                secret_key,
                ..
            } => (access_key.clone(), secret_key.expose().to_string()),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn sdk_environment_without_a_config_file() {
        let s = resolve(
            &Flags::default(),
            &env(&[("HUAWEICLOUD_SDK_AK", "AK"), ("HUAWEICLOUD_SDK_SK", "SK")]),
            &ConfigFile::default(),
        )
        .unwrap();
        assert_eq!(aksk(&s), ("AK".into(), "SK".into()));
        assert_eq!(s.region, "cn-north-4");
        assert_eq!(s.endpoint, "https://swr-api.cn-north-4.myhuaweicloud.com");
        assert_eq!(s.registry, "swr.cn-north-4.myhuaweicloud.com");
        assert_eq!(s.profile, "default");
    }

    #[test]
    fn flags_beat_environment_beat_file() {
        let f = file(
            "default_profile = \"p\"\n[profiles.p]\nregion = \"ap-southeast-3\"\nendpoint = \"https://file\"\naccess_key = \"A\"\nsecret_key = \"S\"\n",
        );
        let e = env(&[
            ("SWR_TUI_REGION", "cn-east-3"),
            ("SWR_TUI_ENDPOINT", "https://env"),
        ]);
        let from_env = resolve(&Flags::default(), &e, &f).unwrap();
        assert_eq!(
            (from_env.region.as_str(), from_env.endpoint.as_str()),
            ("cn-east-3", "https://env")
        );
        let flags = Flags {
            region: Some("eu-west-101".into()),
            endpoint: Some("https://flag".into()),
            ..Flags::default()
        };
        let from_flags = resolve(&flags, &e, &f).unwrap();
        assert_eq!(
            (from_flags.region.as_str(), from_flags.endpoint.as_str()),
            ("eu-west-101", "https://flag")
        );
        assert_eq!(from_flags.registry, "swr.eu-west-101.myhuaweicloud.eu");
        let from_file = resolve(&Flags::default(), &env(&[]), &f).unwrap();
        assert_eq!(
            (from_file.region.as_str(), from_file.endpoint.as_str()),
            ("ap-southeast-3", "https://file")
        );
    }

    #[test]
    fn profile_env_names_and_errors() {
        let f = file(
            "[profiles.prod]\naccess_key_env = \"PROD_AK\"\nsecret_key_env = \"PROD_SK\"\nread_only = true\n",
        );
        let flags = Flags {
            profile: Some("prod".into()),
            ..Flags::default()
        };
        let s = resolve(
            &flags,
            &env(&[
                ("PROD_AK", "pa"),
                ("PROD_SK", "ps"),
                ("HUAWEICLOUD_SDK_AK", "x"),
            ]),
            &f,
        )
        .unwrap();
        assert_eq!(aksk(&s), ("pa".into(), "ps".into()));
        assert!(s.read_only);
        let unset = resolve(&flags, &env(&[("PROD_AK", "pa")]), &f).unwrap_err();
        assert!(unset.to_string().contains("$PROD_SK"), "{unset}");
        let missing = resolve(
            &Flags {
                profile: Some("nope".into()),
                ..Flags::default()
            },
            &env(&[]),
            &f,
        )
        .unwrap_err();
        assert!(missing.to_string().contains("prod"), "{missing}");
    }

    #[test]
    fn missing_credentials_are_a_clear_error() {
        let err = resolve(&Flags::default(), &env(&[]), &ConfigFile::default()).unwrap_err();
        assert!(err.to_string().contains("HUAWEICLOUD_SDK_AK"), "{err}");
        assert!(err.to_string().contains("--demo"));
    }

    #[test]
    fn iam_follows_a_given_endpoint_unless_named() {
        let e = env(&[("HUAWEICLOUD_SDK_AK", "a"), ("HUAWEICLOUD_SDK_SK", "s")]);
        let none = ConfigFile::default();
        let derived = resolve(&Flags::default(), &e, &none).unwrap();
        assert_eq!(
            derived.iam_endpoint,
            "https://iam.cn-north-4.myhuaweicloud.com"
        );
        let flags = Flags {
            endpoint: Some("http://127.0.0.1:8080".into()),
            ..Flags::default()
        };
        assert_eq!(
            resolve(&flags, &e, &none).unwrap().iam_endpoint,
            "http://127.0.0.1:8080",
            "an emulator or private deployment serves IAM on the same endpoint"
        );
        let with_env = env(&[
            ("HUAWEICLOUD_SDK_AK", "a"),
            ("HUAWEICLOUD_SDK_SK", "s"),
            ("SWR_TUI_ENDPOINT", "https://swr.private"),
            ("SWR_TUI_IAM_ENDPOINT", "https://iam.private"),
        ]);
        let s = resolve(&Flags::default(), &with_env, &none).unwrap();
        assert_eq!(
            (s.endpoint.as_str(), s.iam_endpoint.as_str()),
            ("https://swr.private", "https://iam.private")
        );
        let flagged = Flags {
            iam_endpoint: Some("https://iam.flag".into()),
            ..Flags::default()
        };
        assert_eq!(
            resolve(&flagged, &with_env, &none).unwrap().iam_endpoint,
            "https://iam.flag"
        );
    }

    #[test]
    fn unknown_region_needs_an_endpoint() {
        let e = env(&[("HUAWEICLOUD_SDK_AK", "a"), ("HUAWEICLOUD_SDK_SK", "s")]);
        let flags = Flags {
            region: Some("mars-1".into()),
            ..Flags::default()
        };
        assert!(resolve(&flags, &e, &ConfigFile::default()).is_err());
        let flags = Flags {
            endpoint: Some("https://private".into()),
            ..flags
        };
        assert_eq!(
            resolve(&flags, &e, &ConfigFile::default())
                .unwrap()
                .endpoint,
            "https://private"
        );
    }

    #[test]
    fn no_color_and_password_auth() {
        let f = file(
            "[profiles.default]\nauth = \"password\"\ndomain = \"acme\"\nuser = \"alice\"\npassword_env = \"PW\"\n",
        );
        let s = resolve(
            &Flags::default(),
            &env(&[("PW", "secret"), ("NO_COLOR", "1")]),
            &f,
        )
        .unwrap();
        assert!(s.monochrome);
        assert!(matches!(s.credentials, Credentials::Password { ref user, .. } if user == "alice"));
        assert!(!s.needs_password());
        let f =
            file("[profiles.default]\nauth = \"password\"\ndomain = \"acme\"\nuser = \"alice\"\n");
        assert!(
            resolve(&Flags::default(), &env(&[]), &f)
                .unwrap()
                .needs_password()
        );
    }
}
