//! The binary's configuration commands and its start-up errors, which come before any UI.

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_swr-tui");

fn run(args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOME", std::env::temp_dir())
        .env(
            "XDG_DATA_HOME",
            std::env::temp_dir().join("swr-tui-cli-test-data"),
        );
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn config_path_honours_swr_tui_config() {
    let (code, out, _) = run(
        &["config", "path"],
        &[("SWR_TUI_CONFIG", "/etc/swr/custom.toml")],
    );
    assert_eq!((code, out.trim()), (0, "/etc/swr/custom.toml"));
    let (code, out, _) = run(&["config", "path"], &[("XDG_CONFIG_HOME", "/tmp/xdg")]);
    assert_eq!((code, out.trim()), (0, "/tmp/xdg/swr-tui/config.toml"));
}

#[test]
fn config_example_is_a_valid_config() {
    let (code, out, _) = run(&["config", "example"], &[]);
    assert_eq!(code, 0);
    let parsed = swr_tui::config::file::parse(&out, std::path::Path::new("example"))
        .expect("the example parses");
    assert!(parsed.profiles.contains_key("prod"));
    assert!(out.contains("# "), "it is commented");
}

/// A directory of the test's own (removed on drop), for config files and an empty config home.
struct TempDir(std::path::PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("swr-tui-cli-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Self(dir)
    }

    fn file(&self, name: &str, text: &str) -> String {
        let path = self.0.join(name);
        std::fs::write(&path, text).unwrap();
        path.to_str().unwrap().to_string()
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn missing_credentials_are_explained_before_any_ui() {
    // No file at the default location (an empty config home): defaults, silently.
    let home = TempDir::new("no-config");
    let (code, _, err) = run(&[], &[("XDG_CONFIG_HOME", home.path())]);
    assert_eq!(code, 1);
    assert!(
        err.contains("HUAWEICLOUD_SDK_AK") && err.contains("--demo"),
        "{err}"
    );
}

#[test]
fn a_malformed_config_names_the_line() {
    let dir = std::env::temp_dir().join(format!("swr-tui-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("config.toml");
    std::fs::write(
        &path,
        "default_profile = \"p\"\n[profiles.p]\nregoin = \"cn-north-4\"\n",
    )
    .unwrap();
    let (code, _, err) = run(&[], &[("SWR_TUI_CONFIG", path.to_str().unwrap())]);
    assert_eq!(code, 1);
    assert!(err.contains("line 3") && err.contains("regoin"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_named_config_file_that_does_not_exist_stops_with_status_2() {
    for args in [&[][..], &["--demo"][..]] {
        let (code, out, err) = run(args, &[("SWR_TUI_CONFIG", "/nonexistent/swr/config.toml")]);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert_eq!(
            err,
            "swr-tui: SWR_TUI_CONFIG names /nonexistent/swr/config.toml, which does not exist\n"
        );
        assert_eq!(out, "");
    }
}

#[test]
fn a_config_error_names_the_key_and_line_but_never_the_value() {
    let dir = TempDir::new("values");
    let path = dir.file(
        "config.toml",
        "[profiles.default]\nsecret_key = 98765432101\n[ui]\ndelete_concurrency = 99999999999\n",
    );
    let (code, _, err) = run(&[], &[("SWR_TUI_CONFIG", &path)]);
    assert_eq!(code, 1);
    assert!(
        err.contains("line 2") && err.contains("secret_key"),
        "{err}"
    );
    assert!(!err.contains("98765432101"), "{err}");
    let path = dir.file("ui.toml", "[ui]\ndelete_concurrency = 99999999999\n");
    let (code, _, err) = run(&[], &[("SWR_TUI_CONFIG", &path)]);
    assert_eq!(code, 1);
    assert!(
        err.contains("line 2") && err.contains("delete_concurrency"),
        "{err}"
    );
    assert!(!err.contains("99999999999"), "{err}");
}

#[test]
fn the_demo_reads_the_config_file_too() {
    // A config error stops the demo before any UI, as it stops a real session.
    let dir = TempDir::new("demo");
    let path = dir.file(
        "config.toml",
        "[keys]\ndelete = \"d\"\n[ui]\nthem = \"x\"\n",
    );
    let (code, _, err) = run(&["--demo"], &[("SWR_TUI_CONFIG", &path)]);
    assert_eq!(code, 1);
    assert!(err.contains("line 4") && err.contains("them"), "{err}");
    let path = dir.file("keys.toml", "[keys]\nno_such_action = \"d\"\n");
    let (code, _, err) = run(&["--demo"], &[("SWR_TUI_CONFIG", &path)]);
    assert_eq!(code, 1);
    assert!(err.contains("no_such_action"), "{err}");
}
