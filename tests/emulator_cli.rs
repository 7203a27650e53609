//! `swr-tui emulator` as a process: the two stdout lines scripts rely on, argument validation,
//! seed-file errors and a clean exit on SIGTERM.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_swr-tui"))
}

fn first_lines(args: &[&str]) -> (std::process::Child, String, String) {
    let mut child = bin()
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
