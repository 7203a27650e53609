//! `swr-tui emulator` as a process: the two stdout lines scripts rely on, argument validation,
//! seed-file errors and a clean exit on SIGTERM.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use swr_tui::emulator::cli::SECRET_KEY_VAR;
use swr_tui::swr::{ClientConfig, Credentials, SwrClient};

/// Whether the emulator at `url` accepts requests signed with this key pair.
fn accepts(url: &str, ak: &str, sk: &str) -> bool {
    let mut config = ClientConfig::with_endpoints("cn-north-4", url, url);
    config.project_id = Some(swr_tui::emulator::DEMO_PROJECT_ID.into());
    let client = SwrClient::new(config, Credentials::aksk(ak, sk)).unwrap();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(client.list_namespaces()).is_ok()
}

fn url_of(first_line: &str) -> &str {
    first_line
        .strip_prefix("listening on ")
        .expect("the listening line")
}

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_swr-tui"))
}

fn first_lines(args: &[&str]) -> (std::process::Child, String, String) {
    first_lines_with_env(args, &[])
}

/// Starts the emulator with `env` added (and no secret key from the caller's environment).
fn first_lines_with_env(
    args: &[&str],
    env: &[(&str, &str)],
) -> (std::process::Child, String, String) {
    let mut cmd = bin();
    cmd.env_remove(SECRET_KEY_VAR);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd
        .arg("emulator")
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let (mut a, mut b) = (String::new(), String::new());
    out.read_line(&mut a).unwrap();
    out.read_line(&mut b).unwrap();
    (child, a.trim_end().to_string(), b.trim_end().to_string())
}

#[cfg(unix)]
fn terminate(child: &mut std::process::Child) -> std::process::ExitStatus {
    let pid = child.id().to_string();
    assert!(
        Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    child.wait().unwrap()
}

#[cfg(unix)]
#[test]
fn prints_address_and_demo_credentials_then_exits_cleanly() {
    let (mut child, first, second) = first_lines(&["--listen", "127.0.0.1:0", "--seed", "demo"]);
    let url = first
        .strip_prefix("listening on http://127.0.0.1:")
        .expect(&first);
    assert!(url.parse::<u16>().unwrap() > 0, "{first}");
    assert_eq!(
        second,
        format!(
            "credentials: HUAWEICLOUD_SDK_AK={} HUAWEICLOUD_SDK_SK={} HUAWEICLOUD_SDK_PROJECT_ID={}",
            swr_tui::emulator::DEMO_ACCESS_KEY,
            swr_tui::emulator::DEMO_SECRET_KEY,
            swr_tui::emulator::DEMO_PROJECT_ID
        )
    );
    // The server answers (unsigned → 401 from the gateway layer).
    let port: u16 = url.parse().unwrap();
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    use std::io::{Read, Write};
    stream
        .write_all(b"GET /v2/manage/namespaces HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut reply = String::new();
    stream.read_to_string(&mut reply).unwrap();
    assert!(reply.starts_with("HTTP/1.1 401"), "{reply}");
    assert!(terminate(&mut child).success());
}

#[cfg(unix)]
#[test]
fn own_keys_are_not_echoed() {
    let (mut child, _, second) = first_lines(&[
        "--listen",
        "127.0.0.1:0",
        "--seed",
        "empty",
        "--access-key",
        "MYAK",
        "--secret-key",
        "MYSECRET",
    ]);
    assert!(
        second.contains("HUAWEICLOUD_SDK_AK=MYAK HUAWEICLOUD_SDK_SK=(as given)"),
        "{second}"
    );
    assert!(!second.contains("MYSECRET"));
    assert!(terminate(&mut child).success());
}

#[cfg(unix)]
#[test]
fn own_keys_work_from_the_flag_the_environment_or_a_file() {
    let base = ["--listen", "127.0.0.1:0", "--seed", "empty"];
    let flag = [
        &base[..],
        &["--access-key", "AK1", "--secret-key", "FROM-FLAG"],
    ]
    .concat();
    let (mut child, first, _) = first_lines(&flag);
    assert!(accepts(url_of(&first), "AK1", "FROM-FLAG"));
    assert!(terminate(&mut child).success());

    let from_env = [&base[..], &["--access-key", "AK2"]].concat();
    let (mut child, first, second) =
        first_lines_with_env(&from_env, &[(SECRET_KEY_VAR, "FROM-ENV")]);
    let url = url_of(&first);
    assert!(accepts(url, "AK2", "FROM-ENV"));
    assert!(!accepts(url, "AK2", "wrong"));
    let demo = (
        swr_tui::emulator::DEMO_ACCESS_KEY,
        swr_tui::emulator::DEMO_SECRET_KEY,
    );
    assert!(
        !accepts(url, demo.0, demo.1),
        "the demo pair no longer works"
    );
    assert!(!second.contains("FROM-ENV"), "{second}");
    assert!(terminate(&mut child).success());

    let path = std::env::temp_dir().join(format!("swr-tui-emu-sk-{}", std::process::id()));
    std::fs::write(&path, "FROM-FILE\n").unwrap();
    let from_file = [
        &base[..],
        &[
            "--access-key",
            "AK3",
            "--secret-key-file",
            path.to_str().unwrap(),
        ],
    ]
    .concat();
    let (mut child, first, second) =
        first_lines_with_env(&from_file, &[(SECRET_KEY_VAR, "FROM-ENV")]);
    let _ = std::fs::remove_file(&path);
    assert!(
        accepts(url_of(&first), "AK3", "FROM-FILE"),
        "the file beats the environment"
    );
    assert!(!second.contains("FROM-FILE"), "{second}");
    assert!(terminate(&mut child).success());
}

#[test]
fn help_says_the_secret_key_flag_shows_in_ps() {
    let out = bin().args(["emulator", "--help"]).output().unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(help.contains("`ps`"), "{help}");
    assert!(
        help.contains("--secret-key-file") && help.contains(SECRET_KEY_VAR),
        "{help}"
    );
}

#[test]
fn a_secret_key_in_the_environment_needs_its_access_key() {
    let mut child = bin()
        .args(["emulator", "--listen", "127.0.0.1:0"])
        .env(SECRET_KEY_VAR, "S3CR3T")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Were the variable ignored, the emulator would serve on: stop it rather than hang.
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > std::time::Duration::from_secs(10) {
            let _ = child.kill();
            panic!("the emulator started with half a key pair");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains("--access-key") && !err.contains("S3CR3T"),
        "{err}"
    );
}

#[test]
fn bad_arguments_and_seeds_are_errors() {
    let run = |args: &[&str]| bin().arg("emulator").args(args).output().unwrap();
    assert!(
        !run(&["--listen", "127.0.0.1:0", "--fail-rate", "1.5"])
            .status
            .success()
    );
    assert!(
        !run(&["--listen", "127.0.0.1:0", "--access-key", "AK"])
            .status
            .success()
    );
    let missing = run(&[
        "--listen",
        "127.0.0.1:0",
        "--seed",
        "/nonexistent/seed.json",
    ]);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("/nonexistent/seed.json"));
    let path = std::env::temp_dir().join(format!("swr-tui-bad-seed-{}.json", std::process::id()));
    std::fs::write(&path, r#"{"namespaces":[{"name":"Bad"}]}"#).unwrap();
    let bad = run(&["--listen", "127.0.0.1:0", "--seed", path.to_str().unwrap()]);
    let _ = std::fs::remove_file(&path);
    assert!(!bad.status.success());
    assert!(
        String::from_utf8_lossy(&bad.stderr).contains("namespaces[0].name"),
        "{}",
        String::from_utf8_lossy(&bad.stderr)
    );
}
