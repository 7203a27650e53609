//! Drives the real binary in a private tmux server: `send-keys` in, `capture-pane` out.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_swr-tui");

/// Whether tmux can run here. CI installs it; elsewhere a missing tmux skips the test loudly.
pub fn available() -> bool {
    let ok = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(std::env::var_os("CI").is_none(), "tmux is required in CI");
        eprintln!("SKIPPED: tmux is not installed (apt-get install tmux)");
    }
    ok
}

/// `swr-tui emulator` as a child process; killed on drop.
pub struct EmulatorProcess {
    child: Child,
    pub url: String,
    pub ak: String,
    pub sk: String,
    pub project_id: String,
}

impl EmulatorProcess {
    pub fn start(extra: &[&str]) -> Self {
        Self::start_seeded("demo", extra)
    }

    /// With `seed`: `demo`, `empty` or a seed file's path.
    pub fn start_seeded(seed: &str, extra: &[&str]) -> Self {
        let mut child = Command::new(BIN)
            .args(["emulator", "--listen", "127.0.0.1:0", "--seed", seed])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("emulator starts");
        let mut lines = BufReader::new(child.stdout.take().expect("stdout piped")).lines();
        let first = lines.next().expect("a first line").expect("readable");
        let url = first
            .strip_prefix("listening on ")
            .expect("listening line")
            .to_string();
        let second = lines.next().expect("a second line").expect("readable");
        let value = |key: &str| {
            second
                .split_whitespace()
                .find_map(|kv| kv.strip_prefix(&format!("{key}=")))
                .unwrap_or_default()
                .to_string()
        };
        Self {
            url,
            ak: value("HUAWEICLOUD_SDK_AK"),
            sk: value("HUAWEICLOUD_SDK_SK"),
            project_id: value("HUAWEICLOUD_SDK_PROJECT_ID"),
            child,
        }
    }
}

/// The registry as the emulator holds it, read over its HTTP API as any client would.
pub struct RegistryApi {
    runtime: tokio::runtime::Runtime,
    client: swr_tui::swr::SwrClient,
}

impl RegistryApi {
    pub fn new(emu: &EmulatorProcess) -> Self {
        use swr_tui::swr::{ClientConfig, Credentials};
        let mut config = ClientConfig::with_endpoints("cn-north-4", &emu.url, &emu.url);
        config.project_id = Some(emu.project_id.clone());
        let client =
            super::emulator::client_with(config, Credentials::aksk(&emu.ak, emu.sk.as_str()));
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .expect("runtime");
        Self { runtime, client }
    }

    /// Who has which permission on an organization (user name, level).
    pub fn org_access(&self, org: &str) -> Vec<(String, i64)> {
        let info = self
            .runtime
            .block_on(self.client.show_namespace_access(org))
            .expect("organization access");
        info.others_auths
            .into_iter()
            .chain(std::iter::once(info.self_auth))
            .map(|u| (u.user_name, u.auth))
            .collect()
    }

    /// What a list call answers, one name an item.
    fn names<T, E: std::fmt::Debug>(
        &self,
        call: impl std::future::Future<Output = Result<Vec<T>, E>>,
        name: impl Fn(T) -> String,
    ) -> std::collections::BTreeSet<String> {
        let list = self.runtime.block_on(call).expect("the list answers");
        list.into_iter().map(name).collect()
    }

    /// The names of an organization's repositories.
    pub fn repos(&self, org: &str) -> std::collections::BTreeSet<String> {
        self.names(self.client.list_all_repos(Some(org)), |r| r.name)
    }

    /// The accounts a repository is shared with.
    pub fn shares(&self, org: &str, repo: &str) -> std::collections::BTreeSet<String> {
        self.names(self.client.list_access_domains(org, repo), |d| {
            d.access_domain
        })
    }

    /// What other accounts share with this one, as `namespace/name owner valid|expired`, in
    /// the service's order.
    pub fn shared_with_me(&self) -> Vec<String> {
        let list = self
            .runtime
            .block_on(self.client.list_all_shared_with_me())
            .expect("the shared-with-me list answers");
        let state = |valid| if valid { "valid" } else { "expired" };
        list.into_iter()
            .map(|r| {
                format!(
                    "{}/{} {} {}",
                    r.namespace,
                    r.name,
                    r.domain_name,
                    state(r.status)
                )
            })
            .collect()
    }

    /// Each share of a repository as `account deadline description`.
    pub fn share_deadlines(&self, org: &str, repo: &str) -> std::collections::BTreeSet<String> {
        self.names(self.client.list_access_domains(org, repo), |d| {
            format!("{} {} {}", d.access_domain, d.deadline, d.description)
        })
    }

    /// The tags of an enterprise repository.
    pub fn instance_tags(
        &self,
        instance: &str,
        namespace: &str,
        repo: &str,
    ) -> std::collections::BTreeSet<String> {
        self.names(
            self.client
                .list_all_instance_tags(instance, namespace, repo),
            |t| t.name,
        )
    }

    /// An enterprise repository's artifacts: each digest with the tags it carries.
    pub fn instance_artifacts(
        &self,
        instance: &str,
        namespace: &str,
        repo: &str,
    ) -> std::collections::BTreeMap<String, Vec<String>> {
        let call = self
            .client
            .list_all_instance_artifacts(instance, namespace, repo);
        let list = self
            .runtime
            .block_on(call)
            .expect("the artifact list answers");
        list.into_iter()
            .map(|a| {
                let mut tags: Vec<String> = a.tags.into_iter().map(|t| t.name).collect();
                tags.sort();
                (a.digest, tags)
            })
            .collect()
    }

    /// A repository's sync jobs, each as `tag region/organization status`.
    pub fn sync_jobs(&self, org: &str, repo: &str) -> std::collections::BTreeSet<String> {
        self.names(self.client.list_all_sync_jobs(org, repo), |j| {
            format!(
                "{} {}/{} {}",
                j.tag, j.remote_region_id, j.remote_namespace, j.status
            )
        })
    }

    /// A repository's automatic sync rules, each as `region/organization override=…`.
    pub fn sync_rules(&self, org: &str, repo: &str) -> std::collections::BTreeSet<String> {
        self.names(self.client.list_sync_rules(org, repo), |r| {
            format!(
                "{}/{} override={}",
                r.remote_region_id, r.remote_namespace, r.override_existing
            )
        })
    }

    /// Runs any client call to its end (for calls no helper here wraps).
    pub fn call<'a, T: std::future::IntoFuture>(
        &'a self,
        call: impl FnOnce(&'a swr_tui::swr::SwrClient) -> T,
    ) -> T::Output {
        self.runtime.block_on(call(&self.client).into_future())
    }

    /// The names of a repository's tags.
    pub fn tags(&self, org: &str, repo: &str) -> std::collections::BTreeSet<String> {
        self.names(self.client.list_all_tags(org, repo), |t| t.tag)
    }

    /// The tags a repository's retention rules deleted, from its retention history.
    pub fn retention_deleted(&self, org: &str, repo: &str) -> std::collections::BTreeSet<String> {
        self.names(self.client.list_all_retention_histories(org, repo), |l| {
            l.tag
        })
    }
}

impl Drop for EmulatorProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A tmux server of its own (`-L`), one session running the app.
pub struct Tmux {
    socket: String,
    pub dir: PathBuf,
}

impl Tmux {
    /// Starts `swr-tui ARGS` against the emulator in a `width`x`height` window; the exit status
    /// is written to `exit-status` in the test's directory.
    pub fn start(name: &str, emu: &EmulatorProcess, args: &str, width: u16, height: u16) -> Self {
        Self::start_with_config(name, emu, args, width, height, "")
    }

    /// Like `start`, with `config` as the config file (`SWR_TUI_CONFIG`); logs and caches go
    /// to the test's own directory (`XDG_DATA_HOME`, `XDG_CACHE_HOME`).
    pub fn start_with_config(
        name: &str,
        emu: &EmulatorProcess,
        args: &str,
        width: u16,
        height: u16,
        config: &str,
    ) -> Self {
        let env = format!(
            "HUAWEICLOUD_SDK_PROJECT_ID={} HUAWEICLOUD_SDK_IAM_ENDPOINT={}",
            emu.project_id, emu.url
        );
        Self::start_with_env(name, emu, args, width, height, config, &env)
    }

    /// Like `start`, given only the key pair and `--endpoint`: no project id, no IAM endpoint.
    pub fn start_endpoint_only(name: &str, emu: &EmulatorProcess, args: &str) -> Self {
        Self::start_with_env(name, emu, args, 120, 35, "", "")
    }

    fn start_with_env(
        name: &str,
        emu: &EmulatorProcess,
        args: &str,
        width: u16,
        height: u16,
        config: &str,
        env: &str,
    ) -> Self {
        let env = format!(
            "HUAWEICLOUD_SDK_AK={ak} HUAWEICLOUD_SDK_SK={sk} {env}",
            ak = emu.ak,
            sk = emu.sk
        );
        let args = format!("--endpoint {url} --region cn-north-4 {args}", url = emu.url);
        Self::start_command(name, &env, &args, width, height, config)
    }

    /// `env ENV swr-tui ARGS` in a 120x35 window, with `config` as the config file, and no
    /// emulator: for `--demo`, or endpoints elsewhere.
    pub fn start_plain(name: &str, env: &str, args: &str, config: &str) -> Self {
        Self::start_command(name, env, args, 120, 35, config)
    }

    fn start_command(
        name: &str,
        env: &str,
        args: &str,
        width: u16,
        height: u16,
        config: &str,
    ) -> Self {
        let dir = std::env::temp_dir().join(format!("swr-tui-e2e-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        let tmux = Self {
            socket: format!("swr-tui-{name}-{}", std::process::id()),
            dir,
        };
        let status = tmux.dir.join("exit-status");
        std::fs::write(tmux.dir.join("config.toml"), config).expect("config written");
        let script = format!(
            "env {env} \
             SWR_TUI_CONFIG={dir}/config.toml XDG_DATA_HOME={dir} \
             XDG_CACHE_HOME={dir}/cache SWR_TEST_PASSWORD=demo-password \
             {BIN} {args}; echo $? > {status}; sleep 60",
            dir = tmux.dir.display(),
            status = status.display(),
        );
        tmux.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "e2e",
            "-x",
            &width.to_string(),
            "-y",
            &height.to_string(),
        ]);
        tmux.run(&["set-option", "-g", "set-clipboard", "on"]);
        tmux.run(&["respawn-pane", "-k", "-t", "e2e", &script]);
        tmux
    }

    fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn keys(&self, keys: &[&str]) {
        for key in keys {
            self.run(&["send-keys", "-t", "e2e", key]);
        }
    }

    /// Literal text, typed character by character.
    pub fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-t", "e2e", "-l", text]);
    }

    pub fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "e2e"])
    }

    /// Sends a signal to the program (the child of the pane's shell).
    pub fn signal(&self, signal: &str) {
        let shell = self.run(&["list-panes", "-t", "e2e", "-F", "#{pane_pid}"]);
        let status = Command::new("pkill")
            .args([&format!("-{signal}"), "-P", shell.trim(), "-f", "swr-tui"])
            .status()
            .expect("pkill runs");
        assert!(status.success(), "no swr-tui process to signal");
    }

    /// The pane's terminal modes: alternate screen on, any mouse mode on, cursor shown.
    pub fn modes(&self) -> (bool, bool, bool) {
        let out = self.run(&[
            "display-message",
            "-p",
            "-t",
            "e2e",
            "#{alternate_on} #{mouse_any_flag} #{cursor_flag}",
        ]);
        let flags: Vec<bool> = out.split_whitespace().map(|f| f == "1").collect();
        match flags.as_slice() {
            [alternate, mouse, cursor] => (*alternate, *mouse, *cursor),
            _ => panic!("tmux flags: {out:?}"),
        }
    }

    /// The log file the session wrote (with `--log-level`).
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.join("swr-tui/swr-tui.log")).unwrap_or_default()
    }

    /// Every file below the test's cache directory, with its contents.
    pub fn cached_files(&self) -> Vec<(PathBuf, String)> {
        let mut out = Vec::new();
        let mut stack = vec![self.dir.join("cache")];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else {
                    out.push((
                        path.clone(),
                        std::fs::read_to_string(&path).unwrap_or_default(),
                    ));
                }
            }
        }
        out
    }

    pub fn buffer(&self) -> String {
        self.run(&["show-buffer"])
    }

    /// Waits until the screen contains `text`; panics with the screen after 15 s.
    pub fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "waited for {text:?}; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Waits until the screen no longer contains `text`; panics with the screen after 15 s.
    pub fn wait_gone(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if !screen.contains(text) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "waited for {text:?} to go; screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// From the organizations of the demo seed to `platform/tools/ci/runner`'s 2,401 tags, by
    /// filtering each list as a user would; returns the tags screen.
    pub fn open_demo_runner(&self) -> String {
        self.wait_for("Organizations (4)");
        self.keys(&["/"]);
        self.type_text("platf");
        self.keys(&["Enter", "Enter"]);
        self.wait_for("Repositories (5)");
        self.keys(&["/"]);
        self.type_text("runner");
        self.keys(&["Enter"]);
        self.wait_for("Repositories (1/5)");
        self.keys(&["Enter"]);
        self.wait_for("Tags (2401)")
    }

    /// The exit status once the program has ended.
    pub fn exit_status(&self) -> i32 {
        let path = self.dir.join("exit-status");
        let start = Instant::now();
        loop {
            if let Ok(text) = std::fs::read_to_string(&path)
                && let Ok(code) = text.trim().parse()
            {
                return code;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "the program did not exit; screen:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.run(&["kill-server"]);
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
